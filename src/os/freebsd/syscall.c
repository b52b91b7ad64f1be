/* The FreeBSD system call dispatcher (the part of FreeBSD's syscallenter()
 * and nosys() that concerns us): look the number up in the generated table,
 * run the handler, trace and count it, write the result back. */
#include "os/freebsd/syscall.h"

#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "emu.h"
#include "log.h"
#include "os/freebsd/aarch64/abi.h"
#include "os/freebsd/report.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/strace.h"
#include "os/freebsd/trap.h"

__thread struct fbsd_thread *curthread;

void fbsd_report_flush(void)
{
	static atomic_flag done = ATOMIC_FLAG_INIT;
	FILE *f;

	if (!emu.report_path || atomic_flag_test_and_set(&done))
		return;
	if (!strcmp(emu.report_path, "-")) {
		fbsd_report_write(log_file());
		return;
	}
	f = fopen(emu.report_path, "w");
	if (!f) {
		log_msg("cannot write report %s: %s", emu.report_path, strerror(errno));
		return;
	}
	fbsd_report_write(f);
	fclose(f);
}

int host_ret(struct fbsd_thread *td, long r)
{
	if (r < 0)
		return fbsd_errno(errno);
	td->retval[0] = (uint64_t)r;
	return 0;
}

/* One line per distinct unimplemented number, where FreeBSD's nosys() would
 * only signal: the user needs to know what is missing.  Numbers outside the
 * table are named too, the first few of them. */
static void report_unimplemented(uint64_t nr, const uint64_t args[8])
{
	static atomic_uchar said[FBSD_SYS_MAXSYSCALL];
	static atomic_int out_of_range;
	const struct fbsd_sysent *e;
	char buf[512];
	size_t n = 0;

	if (nr >= FBSD_SYS_MAXSYSCALL) {
		if (atomic_fetch_add(&out_of_range, 1) < 8)
			log_msg("unimplemented FreeBSD syscall %" PRId64 " (no such syscall)", (int64_t)nr);
		return;
	}
	if (atomic_exchange(&said[nr], 1))
		return;
	e = &fbsd_sysent[nr];
	for (int i = 0; i < e->nargs && n < sizeof(buf) - 64; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%s=%#" PRIx64, i ? ", " : "",
			      e->args[i].name, args[i]);
	buf[n] = 0;
	log_msg("unimplemented FreeBSD syscall %d %s(%s)%s", (int)nr, e->name, buf,
		e->type == FBSD_SYT_STD ? "" : " [obsolete or compat call]");
}

static int nosys(struct fbsd_thread *td, uint64_t nr, const uint64_t args[8])
{
	report_unimplemented(nr, args);
	fbsd_trap_nosys(td);
	return FBSD_ENOSYS;
}

/* Calls FreeBSD turns ERESTART into EINTR for (kern_clock_nanosleep,
 * kern_select, kern_poll, kern_kevent, kern_connectat, the signal waits):
 * they end with EINTR even under SA_RESTART.  Every other EINTR is
 * decided by fbsd_signal_intr_error(): untimed _umtx_op waits restart
 * like FreeBSD's, and a spurious wake-up (nothing deliverable) restarts. */
static bool never_restarted(int nr)
{
	switch (nr) {
	case FBSD_SYS_nanosleep:
	case FBSD_SYS_clock_nanosleep:
	case FBSD_SYS_select:
	case FBSD_SYS_pselect:
	case FBSD_SYS_poll:
	case FBSD_SYS_ppoll:
	case FBSD_SYS_kevent:
	case FBSD_SYS_freebsd11_kevent:
	case FBSD_SYS_connect:
	case FBSD_SYS_connectat:
	case FBSD_SYS_sigsuspend:
	case FBSD_SYS_sigtimedwait:
	case FBSD_SYS_sigwaitinfo:
	case FBSD_SYS_sigwait:
		return true;
	default:
		return false;
	}
}

void fbsd_syscall(struct fbsd_thread *td)
{
	uint64_t args[8];
	uint64_t raw = fbsd_arch_fetch_syscall(td, args);
	/* -1 stands for every number outside the table from here on. */
	int nr = raw < FBSD_SYS_MAXSYSCALL ? (int)raw : -1;
	const struct fbsd_sysent *e = nr >= 0 ? &fbsd_sysent[nr] : NULL;
	int error;

	td->cur_syscall = nr;
	td->retval[0] = 0;
	td->retval[1] = 0;
	if (e && e->call && e->type != FBSD_SYT_SYSMUX) {
		if (e->flags & FBSD_SYF_NORETURN) {
			/* exit and thr_exit never come back to be traced. */
			if (emu.strace)
				fbsd_strace_noreturn(td, nr, args);
			if (emu.report_path)
				fbsd_report_count(nr, 0);
		}
		error = e->call(td, args);
	} else {
		error = nosys(td, raw, args);
	}
	if (error == FBSD_EINTR && !never_restarted(nr))
		error = fbsd_signal_intr_error(td);
	if (emu.report_path && nr >= 0)
		fbsd_report_count(nr, error > 0 ? error : 0);
	if (emu.strace)
		fbsd_strace_call(td, nr, args, error, td->retval);
	fbsd_arch_set_syscall_result(td, error);
}
