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
	fprintf(f, "total: %llu calls, %llu errors, %d distinct syscalls, %d unimplemented\n",
		(unsigned long long)tcalls, (unsigned long long)terrors, n, nunimpl);
	fflush(f);
}
