/* Host SIGSEGV/SIGBUS: turn a fault of guest code into a guest fault, and
 * report a fault of bsdemu itself as the bug it is. */
#ifndef BSDEMU_HOST_FAULT_H
#define BSDEMU_HOST_FAULT_H

#include <signal.h>

/* Install the handlers and this thread's alternate signal stack. */
int host_fault_init(void);
/* Give the calling (new) host thread an alternate stack for the handler. */
int host_fault_thread_init(void);
/* Release it when the host thread ends. */
void host_fault_thread_exit(void);

/* A SIGSEGV/SIGBUS that a process sent (si_code <= 0) is no fault: it is
 * handed to this hook (the OS layer's signal code) when one is set, with
 * the handler's arguments. */
extern void (*host_fault_user_signal)(int sig, siginfo_t *si, void *uc);

#endif
