/* The guest address space.
 *
 * bsdemu reserves one contiguous host range at start-up and places every
 * guest mapping inside it, so a guest address becomes a host pointer with one
 * add: host = guest_base + guest.  Nothing else of bsdemu's ever lives there.
 * Guest addresses >= guest_limit do not exist (they fault like unmapped
 * memory).  Unmapped guest pages stay reserved as PROT_NONE host pages, so
 * the host kernel answers EFAULT for them and the host MMU traps guest loads.
 *
 * A table of guest mappings (start, end, guest protection, flags, backing)
 * sits beside the host mappings: it decides placement, tells a bad access
 * from an unmapped one (SEGV_ACCERR vs SEGV_MAPERR), and later feeds
 * kern.proc.vmmap.  The host protection of a page is the guest protection
 * without PROT_EXEC (the host never executes guest code). */
#ifndef BSDEMU_MEM_H
#define BSDEMU_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t gaddr_t;

#define GUEST_PAGE_SIZE 4096ULL
#define GUEST_PAGE_MASK (GUEST_PAGE_SIZE - 1)

extern uint8_t *guest_base;  /* host address of guest address 0 */
extern gaddr_t guest_limit;  /* size of the guest address space */

static inline void *g2h(gaddr_t a) { return guest_base + a; }
static inline gaddr_t h2g(const void *p) { return (gaddr_t)((const uint8_t *)p - guest_base); }
/* [a, a+len) lies inside the guest address space (says nothing of mappings). */
static inline bool guest_range_ok(gaddr_t a, uint64_t len)
{
	return a <= guest_limit && len <= guest_limit - a;
}

/* Guest protection bits: the FreeBSD PROT_* values. */
#define GPROT_NONE  0
#define GPROT_READ  1
#define GPROT_WRITE 2
#define GPROT_EXEC  4

/* What a mapping is, for placement, fault reports and kern.proc.vmmap. */
#define GMAP_ANON    0x01u /* anonymous memory */
#define GMAP_SHARED  0x02u /* MAP_SHARED */
#define GMAP_STACK   0x04u /* a stack (MAP_STACK or the main stack) */
#define GMAP_GUARD   0x08u /* MAP_GUARD: reserved, always faults, no mprotect */
#define GMAP_NOCORE  0x10u
#define GMAP_IMAGE   0x20u /* part of the loaded program or interpreter */
#define GMAP_SYSTEM  0x40u /* shared page and other bsdemu-made guest pages */

struct gmapping {
	gaddr_t start, end;   /* page aligned, end exclusive */
	int prot;             /* GPROT_* */
	int max_prot;         /* GPROT_* (PROT_MAX) */
	unsigned flags;       /* GMAP_* */
	uint64_t offset;      /* file offset of start, for file mappings */
	uint64_t dev, ino;    /* backing file identity, 0 for anonymous */
};

/* Reserve the guest space.  Returns 0, or -1 after printing why. */
int mem_init(void);

/* Map [addr, addr+len) with guest protection PROT, replacing whatever guest
 * mapping was there.  hostfd < 0 means anonymous zero-filled memory.
 * Returns 0 or a negative host errno. */
int mem_map_fixed(gaddr_t addr, uint64_t len, int prot, unsigned gflags,
		  int hostfd, uint64_t offset);
/* Return [addr, addr+len) to the reserved, unmapped state. */
int mem_unmap(gaddr_t addr, uint64_t len);
/* Change guest protection; -ENOMEM if part of the range is unmapped. */
int mem_protect(gaddr_t addr, uint64_t len, int prot);
/* Find a free, ALIGN-aligned range of LEN bytes at or above HINT (first fit,
 * then from the bottom of the mmap area).  0 and *out set, or -ENOMEM. */
int mem_find_free(gaddr_t hint, uint64_t len, uint64_t align, gaddr_t *out);
/* No guest mapping overlaps [addr, addr+len). */
bool mem_range_free(gaddr_t addr, uint64_t len);
/* Guest protection of the page holding ADDR, or -1 when unmapped. */
int mem_prot_at(gaddr_t addr);
/* Copy of the mapping containing ADDR; false when unmapped. */
bool mem_lookup(gaddr_t addr, struct gmapping *out);
/* Call FN for every mapping in address order (stop when it returns non-zero). */
int mem_foreach(int (*fn)(const struct gmapping *, void *), void *arg);

/* Layout of the guest space (see the top of src/mem/mem.c). */
#define MEM_LOW_LIMIT  0x10000ULL      /* nothing is placed below this */
#define MEM_MMAP_BASE  0x100000000ULL  /* default mmap placement starts here */
#define MEM_32BIT_TOP  0x80000000ULL   /* MAP_32BIT: below 2 GiB */
#define MEM_STACK_AREA 0x100000000ULL  /* top 4 GiB: main stack, shared page */
/* Default mmap placement stays below this (guest_limit - MEM_STACK_AREA). */
extern gaddr_t mem_mmap_top;

/* mem_map_fixed with an explicit maximum protection (PROT_MAX). */
int mem_map(gaddr_t addr, uint64_t len, int prot, int max_prot,
	    unsigned gflags, int hostfd, uint64_t offset);
/* First fit of an ALIGN-aligned LEN-byte hole inside [lo, hi), starting at
 * HINT when it lies in that window.  0 and *out set, or -ENOMEM. */
int mem_find_free_in(gaddr_t lo, gaddr_t hi, gaddr_t hint, uint64_t len,
		     uint64_t align, gaddr_t *out);
/* mprotect(2) as FreeBSD's vm_map_protect does it: holes and MAP_GUARD
 * ranges are skipped, -EACCES when PROT (or MAX_PROT, when SET_MAX) exceeds
 * a mapping's max_prot.  SET_MAX also sets max_prot (prot &= max). */
#define MEM_PROT_SET     1
#define MEM_PROT_SET_MAX 2
int mem_protect_fbsd(gaddr_t addr, uint64_t len, int prot, int max_prot,
		     int how);
/* [addr, addr+len) is mapped without holes. */
bool mem_range_mapped(gaddr_t addr, uint64_t len);
/* Host protection for a guest protection (GPROT_EXEC implies PROT_READ). */
int mem_host_prot(int gprot);

/* The program break (obreak): set by the loader after the last segment. */
extern gaddr_t mem_brk_base, mem_brk_cur;

/* The address-space lock (FreeBSD's vm_map lock for placement): held by
 * whoever picks a free range and maps it, so two threads' mmap calls can
 * never pick the same range and one silently replace the other; and by
 * whoever maps over or unmaps a range meanwhile.  mem_lock alone protects
 * the table within one call. */
void mem_vm_lock(void);
void mem_vm_unlock(void);

/* Around a host fork(): hold the mapping table steady, then repair it in
 * the child (which must not go on using its parent's pid for copies). */
void mem_fork_prepare(void);
void mem_fork_parent(void);
void mem_fork_child(void);

/* Copies between bsdemu and guest memory that never fault: a missing or
 * protected guest page gives -1 (the caller answers FBSD_EFAULT). */
int copy_from_guest(void *dst, gaddr_t src, size_t n);
int copy_to_guest(gaddr_t dst, const void *src, size_t n);
/* Copy a NUL-terminated guest string of at most CAP-1 bytes into DST.
 * Returns its length, -1 on a bad address, -2 when it does not fit. */
long copy_str_from_guest(char *dst, gaddr_t src, size_t cap);

#endif
