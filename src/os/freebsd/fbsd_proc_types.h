/* Guest (FreeBSD LP64) structures and constants for processes, time,
 * resource limits and signals.  Layouts from ABI-NOTES sections 5.5 and 7
 * (FreeBSD sys/sys/{time,resource,signal}.h); every struct is pinned by
 * compile-time size and offset checks.  struct fbsd_timespec lives in
 * fbsd_types.h. */
#ifndef BSDEMU_FBSD_PROC_TYPES_H
#define BSDEMU_FBSD_PROC_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "os/freebsd/fbsd_types.h"

/* ---- time ---- */
struct fbsd_timeval {
	int64_t tv_sec;
	int64_t tv_usec;        /* suseconds_t = long */
};
FBSD_CHECK_SIZE(struct fbsd_timeval, 16);
FBSD_CHECK_OFF(struct fbsd_timeval, tv_usec, 8);

struct fbsd_timezone {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};
FBSD_CHECK_SIZE(struct fbsd_timezone, 8);
FBSD_CHECK_OFF(struct fbsd_timezone, tz_dsttime, 4);

/* Clock ids (sys/sys/_clock_id.h, checked against freebsd-src main). */
#define FBSD_CLOCK_REALTIME           0
#define FBSD_CLOCK_VIRTUAL            1
#define FBSD_CLOCK_PROF               2
#define FBSD_CLOCK_MONOTONIC          4
#define FBSD_CLOCK_UPTIME             5
#define FBSD_CLOCK_UPTIME_PRECISE     7
#define FBSD_CLOCK_UPTIME_FAST        8
#define FBSD_CLOCK_REALTIME_PRECISE   9
#define FBSD_CLOCK_REALTIME_FAST      10
#define FBSD_CLOCK_MONOTONIC_PRECISE  11
#define FBSD_CLOCK_MONOTONIC_FAST     12
#define FBSD_CLOCK_SECOND             13
#define FBSD_CLOCK_THREAD_CPUTIME_ID  14
#define FBSD_CLOCK_PROCESS_CPUTIME_ID 15
#define FBSD_TIMER_ABSTIME            0x1

/* ---- resource limits ---- */
struct fbsd_rlimit {
	int64_t rlim_cur;       /* rlim_t is signed on FreeBSD */
	int64_t rlim_max;
};
FBSD_CHECK_SIZE(struct fbsd_rlimit, 16);
FBSD_CHECK_OFF(struct fbsd_rlimit, rlim_max, 8);

#define FBSD_RLIM_INFINITY INT64_MAX

#define FBSD_RLIMIT_CPU     0
#define FBSD_RLIMIT_FSIZE   1
#define FBSD_RLIMIT_DATA    2
#define FBSD_RLIMIT_STACK   3
#define FBSD_RLIMIT_CORE    4
#define FBSD_RLIMIT_RSS     5
#define FBSD_RLIMIT_MEMLOCK 6
#define FBSD_RLIMIT_NPROC   7
#define FBSD_RLIMIT_NOFILE  8
#define FBSD_RLIMIT_SBSIZE  9
#define FBSD_RLIMIT_AS      10      /* = RLIMIT_VMEM */
#define FBSD_RLIMIT_NPTS    11
#define FBSD_RLIMIT_SWAP    12
#define FBSD_RLIMIT_KQUEUES 13
#define FBSD_RLIMIT_UMTXP   14
#define FBSD_RLIM_NLIMITS   15      /* FreeBSD 14 (RLIMIT_PIPEBUF 15 is newer) */

struct fbsd_rusage {
	struct fbsd_timeval ru_utime;
	struct fbsd_timeval ru_stime;
	int64_t ru_maxrss;
	int64_t ru_ixrss;
	int64_t ru_idrss;
	int64_t ru_isrss;
	int64_t ru_minflt;
	int64_t ru_majflt;
	int64_t ru_nswap;
	int64_t ru_inblock;
	int64_t ru_oublock;
	int64_t ru_msgsnd;
	int64_t ru_msgrcv;
	int64_t ru_nsignals;
	int64_t ru_nvcsw;
	int64_t ru_nivcsw;
};
FBSD_CHECK_SIZE(struct fbsd_rusage, 144);
FBSD_CHECK_OFF(struct fbsd_rusage, ru_stime, 16);
FBSD_CHECK_OFF(struct fbsd_rusage, ru_maxrss, 32);
FBSD_CHECK_OFF(struct fbsd_rusage, ru_nivcsw, 136);

#define FBSD_RUSAGE_SELF     0
#define FBSD_RUSAGE_CHILDREN (-1)
#define FBSD_RUSAGE_THREAD   1

/* ---- signals ---- */
#define FBSD_NSIG      128     /* _SIG_MAXSIG */
#define FBSD_SIGRTMIN  65
#define FBSD_SIGRTMAX  126

#define FBSD_SIG_DFL   0
#define FBSD_SIG_IGN   1

#define FBSD_SIG_BLOCK   1
#define FBSD_SIG_UNBLOCK 2
#define FBSD_SIG_SETMASK 3

#define FBSD_SA_ONSTACK   0x0001
#define FBSD_SA_RESTART   0x0002
#define FBSD_SA_RESETHAND 0x0004
#define FBSD_SA_NOCLDSTOP 0x0008
#define FBSD_SA_NODEFER   0x0010
#define FBSD_SA_NOCLDWAIT 0x0020
#define FBSD_SA_SIGINFO   0x0040

struct fbsd_sigaction {
	/* Field names differ from C's: glibc makes sa_handler a macro. */
	uint64_t handler;       /* union { sa_handler; sa_sigaction } */
	int32_t flags;          /* sa_flags */
	uint32_t mask[4];       /* sa_mask: sigset_t, 4-byte aligned */
	uint32_t pad_;          /* tail padding to 8-byte alignment */
};
FBSD_CHECK_SIZE(struct fbsd_sigaction, 32);
FBSD_CHECK_OFF(struct fbsd_sigaction, flags, 8);
FBSD_CHECK_OFF(struct fbsd_sigaction, mask, 12);

struct fbsd_stack {
	uint64_t ss_sp;
	uint64_t ss_size;
	int32_t ss_flags;
	int32_t pad_;
};
FBSD_CHECK_SIZE(struct fbsd_stack, 24);
FBSD_CHECK_OFF(struct fbsd_stack, ss_size, 8);
FBSD_CHECK_OFF(struct fbsd_stack, ss_flags, 16);

#define FBSD_SS_ONSTACK  0x0001
#define FBSD_SS_DISABLE  0x0004
#define FBSD_MINSIGSTKSZ 4096   /* arm64 sys/arm64/include/_limits.h (1024*4) */

/* struct ps_strings: loader/loader.h. */

/* getrandom(2) flags (sys/sys/random.h). */
#define FBSD_GRND_NONBLOCK 0x1
#define FBSD_GRND_RANDOM   0x2
#define FBSD_GRND_INSECURE 0x4

#endif
