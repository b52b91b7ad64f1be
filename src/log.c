#include "log.h"

#include <stdlib.h>

static FILE *logf_;

int log_open(const char *path)
{
	FILE *f = fopen(path, "a");
	if (!f)
		return -1;
	setvbuf(f, NULL, _IOLBF, 0);
	logf_ = f;
	return 0;
}

int log_use_fd(int fd)
{
	FILE *f = fdopen(fd, "a");

	if (!f)
		return -1;
	setvbuf(f, NULL, _IOLBF, 0);
	if (logf_)
		fclose(logf_);
	logf_ = f;
	return 0;
}

FILE *log_file(void)
{
	return logf_ ? logf_ : stderr;
}

void log_msg(const char *fmt, ...)
{
	FILE *f = log_file();
	va_list ap;
	va_start(ap, fmt);
	flockfile(f);
	fputs("bsdemu: ", f);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	funlockfile(f);
	va_end(ap);
}

void log_raw(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(log_file(), fmt, ap);
	va_end(ap);
}

void log_bug(const char *fmt, ...)
{
	FILE *f = log_file();
	va_list ap;
	va_start(ap, fmt);
	fputs("bsdemu: internal error: ", f);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	va_end(ap);
	fflush(f);
	abort();
}
