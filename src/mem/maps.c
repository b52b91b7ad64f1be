/* The table of guest mappings: a sorted array of non-overlapping ranges,
 * split on partial unmap/protect and re-merged with equal neighbours (as
 * FreeBSD's vm_map_simplify_entry does, so kern.proc.vmmap stays short). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mem/mem_int.h"

struct gmtab mem_tab;
pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;

int tab_reserve(struct gmtab *t, size_t extra)
{
	size_t want = t->n + extra, cap;
	struct gmapping *v;

	if (want <= t->cap)
		return 0;
	cap = t->cap ? t->cap : 64;
	while (cap < want)
		cap *= 2;
	v = realloc(t->v, cap * sizeof(*v));
	if (!v)
		return -ENOMEM;
	t->v = v;
	t->cap = cap;
	return 0;
}

size_t tab_find(const struct gmtab *t, gaddr_t addr)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void tab_insert_at(struct gmtab *t, size_t i, const struct gmapping *m)
{
	memmove(&t->v[i + 1], &t->v[i], (t->n - i) * sizeof(t->v[0]));
	t->v[i] = *m;
	t->n++;
}

static void tab_delete(struct gmtab *t, size_t i, size_t count)
{
	memmove(&t->v[i], &t->v[i + count],
		(t->n - i - count) * sizeof(t->v[0]));
	t->n -= count;
}

void tab_split(struct gmtab *t, gaddr_t addr)
{
	size_t i = tab_find(t, addr);
	struct gmapping hi;

	if (i == t->n || t->v[i].start >= addr)
		return;
	hi = t->v[i];
	hi.start = addr;
	if (!(hi.flags & GMAP_ANON))
		hi.offset += addr - t->v[i].start;
	t->v[i].end = addr;
	tab_insert_at(t, i + 1, &hi);
}

void tab_remove(struct gmtab *t, gaddr_t a, gaddr_t b)
{
	size_t i, j;

	tab_split(t, a);
	tab_split(t, b);
	i = tab_find(t, a);
	for (j = i; j < t->n && t->v[j].start < b; j++)
		;
	tab_delete(t, i, j - i);
}

/* Can B (just above A) be folded into A? */
static bool mergeable(const struct gmapping *a, const struct gmapping *b)
{
	if (a->end != b->start || a->prot != b->prot ||
	    a->max_prot != b->max_prot || a->flags != b->flags ||
	    a->dev != b->dev || a->ino != b->ino)
		return false;
	if (a->flags & GMAP_ANON)
		return true;
	return a->offset + (a->end - a->start) == b->offset;
}

void tab_merge_range(struct gmtab *t, gaddr_t a, gaddr_t b)
{
	size_t i = tab_find(t, a ? a - 1 : 0);

	if (i > 0)
		i--;
	while (i + 1 < t->n && t->v[i].start <= b) {
		if (mergeable(&t->v[i], &t->v[i + 1])) {
			t->v[i].end = t->v[i + 1].end;
			tab_delete(t, i + 1, 1);
		} else {
			i++;
		}
	}
}

void tab_insert(struct gmtab *t, const struct gmapping *m)
{
	tab_insert_at(t, tab_find(t, m->start), m);
	tab_merge_range(t, m->start, m->end);
}

bool tab_covered(const struct gmtab *t, gaddr_t a, gaddr_t b)
{
	size_t i = tab_find(t, a);

	while (a < b) {
		if (i == t->n || t->v[i].start > a)
			return false;
		a = t->v[i++].end;
	}
	return true;
}

bool tab_free(const struct gmtab *t, gaddr_t a, gaddr_t b)
{
	size_t i = tab_find(t, a);

	return a >= b || i == t->n || t->v[i].start >= b;
}
