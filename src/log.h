/* bsdemu's own diagnostics.  Everything bsdemu says goes through here so
 * that -D FILE can redirect it away from the guest's stderr. */
#ifndef BSDEMU_LOG_H
#define BSDEMU_LOG_H

#include <stdarg.h>
#include <stdio.h>

/* Open FILE as the log (-D).  NULL keeps stderr. Returns 0 or -1. */
int log_open(const char *path);
FILE *log_file(void);
/* Carry on logging through descriptor FD (the log's file, moved by the
 * OS layer); the old stream is closed.  Returns 0 or -1 (FD untouched). */
int log_use_fd(int fd);

/* One line, prefixed with "bsdemu: ", newline added. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw text, no prefix (used by -strace, which prints whole lines itself). */
void log_raw(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "bsdemu: internal error: ..." and abort: a bsdemu bug, never guest input. */
void log_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
