/* Host SIGSEGV/SIGBUS: turn a fault of guest code into a guest fault, and
 * report a fault of bsdemu itself as the bug it is. */
#ifndef BSDEMU_HOST_FAULT_H
#define BSDEMU_HOST_FAULT_H

/* Install the handlers and this thread's alternate signal stack. */
int host_fault_init(void);
/* Give the calling (new) host thread an alternate stack for the handler. */
int host_fault_thread_init(void);

#endif
