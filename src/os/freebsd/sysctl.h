/* sysctl(3) for the guest: __sysctl(202) and __sysctlbyname(570) over one
 * static table of nodes (sysctl.c), with the internal {0, x} nodes that
 * sysctl(8), libc and Go use to walk and resolve names. */
#ifndef BSDEMU_FBSD_SYSCTL_H
#define BSDEMU_FBSD_SYSCTL_H

#include <stddef.h>
#include <stdint.h>

/* The guest's stack top and struct ps_strings address (kern.usrstack,
 * kern.ps_strings; kern.proc.args reads argv through ps_strings).  The
 * process start-up code calls this once the initial stack is built. */
void fbsd_sysctl_set_stack(uint64_t usrstack, uint64_t ps_strings);

/* CPUs the guest is told about (hw.ncpu, kern.smp.cpus): the host's
 * online CPUs.  AT_NCPUS and cpuset should agree with it. */
int fbsd_sysctl_ncpu(void);

/* net.routetable (sysctl_net.c): NAME/NAMELEN are the components after
 * {CTL_NET, PF_ROUTE}, {0, af, op, arg}.  On success *OUT is the malloc'ed
 * answer (routing messages), *LEN bytes, possibly none.  Returns 0 or a
 * FreeBSD errno. */
int fbsd_sysctl_rtsock(const int *name, unsigned namelen, void **out, size_t *len);

/* kern.smp.maxcpus: FreeBSD/arm64 MAXCPU (sizes cpuset_t masks). */
#define FBSD_MAXCPU 1024

#endif
