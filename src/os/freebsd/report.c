/* --report: per-syscall call and error counts, written as a table at exit.
 * Counting is one relaxed atomic add per call, so guest threads never
 * contend on a lock for it. */
#include "os/freebsd/report.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "os/freebsd/syscalls_gen.h"

/* Index FBSD_SYS_MAXSYSCALL collects numbers outside the table. */
#define NROWS (FBSD_SYS_MAXSYSCALL + 1)

static _Atomic uint64_t ncalls[NROWS];
static _Atomic uint64_t nerrors[NROWS];

void fbsd_report_count(int nr, int error)
{
	int i = (nr >= 0 && nr < FBSD_SYS_MAXSYSCALL) ? nr : FBSD_SYS_MAXSYSCALL;

	atomic_fetch_add_explicit(&ncalls[i], 1, memory_order_relaxed);
	if (error > 0)
		atomic_fetch_add_explicit(&nerrors[i], 1, memory_order_relaxed);
}

/* Unknown ioctl requests: a small open table, slots claimed by CAS. */
#define NIOCTL 64
static _Atomic uint32_t ioctl_req[NIOCTL];   /* 0: free */
static _Atomic uint64_t ioctl_calls[NIOCTL];
static _Atomic uint64_t ioctl_lost;

void fbsd_report_ioctl(uint32_t request)
{
	uint32_t key = request ? request : 0xffffffffu;  /* 0 marks a free slot */

	for (int i = 0; i < NIOCTL; i++) {
		uint32_t cur = atomic_load_explicit(&ioctl_req[i], memory_order_acquire);

		if (cur == 0) {
			uint32_t expect = 0;

			if (atomic_compare_exchange_strong(&ioctl_req[i], &expect, key))
				cur = key;
			else
				cur = expect;
		}
		if (cur == key) {
			atomic_fetch_add_explicit(&ioctl_calls[i], 1, memory_order_relaxed);
			return;
		}
	}
	atomic_fetch_add_explicit(&ioctl_lost, 1, memory_order_relaxed);
}

/* "unknown ioctl 0x...  _IOR('t', 26, 4)  N calls" rows, after the table. */
static void write_ioctls(FILE *f)
{
	static const char *const dir[] = { "_IO?", "_IO", "_IOR", "_IOWR" };
	uint64_t lost = atomic_load_explicit(&ioctl_lost, memory_order_relaxed);

	for (int i = 0; i < NIOCTL; i++) {
		uint32_t r = atomic_load_explicit(&ioctl_req[i], memory_order_acquire);
		unsigned d, g;

		if (!r)
			break;
		if (r == 0xffffffffu)
			r = 0;
		/* FreeBSD encoding: IOC_VOID 0x2, IOC_OUT 0x4, IOC_IN 0x8 in
		 * the top nibble */
		d = r >> 29;
		g = (r >> 8) & 0xff;
		fprintf(f, "unknown ioctl 0x%08x  %s('%c', %u, %u)  %llu calls  ENOTTY\n", r,
			d == 1 ? dir[1] : d == 2 ? dir[2] : d == 4 ? "_IOW" : d == 6 ? dir[3] : dir[0],
			g >= 0x20 && g < 0x7f ? (int)g : '?', r & 0xff, (r >> 16) & 0x1fff,
			(unsigned long long)atomic_load_explicit(&ioctl_calls[i], memory_order_relaxed));
	}
	if (lost)
		fprintf(f, "unknown ioctl (more requests)  %llu calls  ENOTTY\n",
			(unsigned long long)lost);
}

struct row {
	int nr;
	uint64_t calls, errors;
};

/* Most calls first; equal counts in syscall-number order. */
static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->calls != y->calls)
		return x->calls > y->calls ? -1 : 1;
	return (x->nr > y->nr) - (x->nr < y->nr);
}

static bool implemented(int nr)
{
	const struct fbsd_sysent *e;

	if (nr >= FBSD_SYS_MAXSYSCALL)
		return false;
	e = &fbsd_sysent[nr];
	return e->call != NULL || e->type == FBSD_SYT_SYSMUX;
}

void fbsd_report_write(FILE *f)
{
	struct row rows[NROWS];
	int n = 0, nunimpl = 0;
	uint64_t tcalls = 0, terrors = 0;

	for (int i = 0; i < NROWS; i++) {
		uint64_t c = atomic_load_explicit(&ncalls[i], memory_order_relaxed);
		if (!c)
			continue;
		rows[n].nr = i;
		rows[n].calls = c;
		rows[n].errors = atomic_load_explicit(&nerrors[i], memory_order_relaxed);
		tcalls += c;
		terrors += rows[n].errors;
		nunimpl += !implemented(i);
		n++;
	}
	qsort(rows, (size_t)n, sizeof(rows[0]), row_cmp);

	fprintf(f, "bsdemu syscall report\n");
	fprintf(f, "%5s  %-28s %12s %12s  %s\n", "nr", "syscall", "calls", "errors", "status");
	for (int i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		const char *name = r->nr < FBSD_SYS_MAXSYSCALL ? fbsd_sysent[r->nr].name
							      : "(no such syscall)";
		if (r->nr < FBSD_SYS_MAXSYSCALL)
			fprintf(f, "%5d  ", r->nr);
		else
			fprintf(f, "%5s  ", ">max");
		fprintf(f, "%-28s %12llu %12llu%s\n", name, (unsigned long long)r->calls,
			(unsigned long long)r->errors,
			implemented(r->nr) ? "" : "  UNIMPLEMENTED");
	}
	write_ioctls(f);
	fprintf(f, "total: %llu calls, %llu errors, %d distinct syscalls, %d unimplemented\n",
		(unsigned long long)tcalls, (unsigned long long)terrors, n, nunimpl);
	fflush(f);
}
