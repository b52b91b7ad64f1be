/* A host system call that a signal handler can cancel before it starts.
 *
 * The race it closes: a thread checks "is a signal pending?", finds none,
 * and is about to enter a blocking host call (read on a pipe, futex wait,
 * nanosleep) when a signal arrives.  The handler runs, records the signal
 * and returns; the thread then blocks as if nothing had happened.
 *
 * host_safe_syscall() tests *FLAG and executes the `syscall` instruction
 * inside a small assembly range.  A handler that sets *FLAG calls
 * host_safe_syscall_rewind() on its ucontext: if the interrupted thread was
 * anywhere between the test and the `syscall` instruction (the call has not
 * started), its instruction pointer is moved to code that returns -EINTR.
 * After the instruction the kernel itself returns -EINTR for an
 * interrupted call (handlers are installed without SA_RESTART), or the
 * call's real result, which is never lost.  Same idea as QEMU's
 * safe_syscall; written for x86-64 Linux. */
#ifndef BSDEMU_HOST_SAFE_SYSCALL_H
#define BSDEMU_HOST_SAFE_SYSCALL_H

/* Returns the raw kernel result: >= 0, or -errno (-EINTR when *FLAG was
 * set before the call began). */
long host_safe_syscall(volatile int *flag, long nr, long a1, long a2, long a3,
		       long a4, long a5, long a6);

/* From a signal handler (UC is its third argument): if the thread was
 * inside host_safe_syscall() before the `syscall` instruction, make it
 * return -EINTR.  Async-signal-safe. */
void host_safe_syscall_rewind(void *uc);

#endif
