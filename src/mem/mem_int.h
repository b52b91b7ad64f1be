/* Private to src/mem/: the mapping table and its lock. */
#ifndef BSDEMU_MEM_INT_H
#define BSDEMU_MEM_INT_H

#include <pthread.h>

#include "mem/mem.h"

/* Sorted, non-overlapping array of guest mappings.  A few hundred entries
 * is typical, so a sorted array with binary search beats a tree here. */
struct gmtab {
	struct gmapping *v;
	size_t n, cap;
};

extern struct gmtab mem_tab;
extern pthread_mutex_t mem_lock;

/* Everything below runs with mem_lock held. */

/* Make room for EXTRA more entries (splits).  0 or -ENOMEM. */
int tab_reserve(struct gmtab *t, size_t extra);
/* Index of the first mapping whose end is above ADDR (n when none). */
size_t tab_find(const struct gmtab *t, gaddr_t addr);
/* Cut the mapping straddling ADDR (if any) in two.  Needs one free slot. */
void tab_split(struct gmtab *t, gaddr_t addr);
/* Forget [a, b).  Needs two free slots. */
void tab_remove(struct gmtab *t, gaddr_t a, gaddr_t b);
/* Add M, whose range must be free, and merge it with its neighbours. */
void tab_insert(struct gmtab *t, const struct gmapping *m);
/* Merge compatible neighbours among entries overlapping [a - 1, b + 1). */
void tab_merge_range(struct gmtab *t, gaddr_t a, gaddr_t b);
/* [a, b) is entirely covered by mappings, without holes. */
bool tab_covered(const struct gmtab *t, gaddr_t a, gaddr_t b);
/* No mapping overlaps [a, b). */
bool tab_free(const struct gmtab *t, gaddr_t a, gaddr_t b);

/* Tests: make the copies use the table check + memcpy path (on != 0). */
void copy_force_fallback(int on);

#endif
