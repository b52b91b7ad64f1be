/* Unit test of the guest address space (src/mem/) and of kern_break (not
 * reachable from an arm64 guest).  Host-side: links with every bsdemu
 * object except main.o.
 * Build: gcc -std=gnu11 -Isrc -D_GNU_SOURCE tests/unit/test_mem.c
 *        build/obj/ (all objects but main.o) -lpthread */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mem/mem.h"
#include "mem/mem_int.h"

#include "os/freebsd/syscall.h"

int fbsd_kern_break(struct fbsd_thread *td, gaddr_t nsize);


static int failures;

#define T(name, cond, ...)                                  \
	do {                                                \
		if (cond) {                                 \
			printf("PASS %s\n", name);          \
		} else {                                    \
			printf("FAIL %s: ", name);          \
			printf(__VA_ARGS__);                \
			printf(" (%s:%d)\n", __FILE__, __LINE__); \
			failures++;                         \
		}                                           \
	} while (0)

#define PG GUEST_PAGE_SIZE
#define RW (GPROT_READ | GPROT_WRITE)

static int count_cb(const struct gmapping *m, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int nmaps(void)
{
	int n = 0;
	mem_foreach(count_cb, &n);
	return n;
}

static void test_reserve(void)
{
	T("reserve", guest_base && guest_limit >= (1ULL << 36) &&
		     !(guest_limit & (guest_limit - 1)),
	  "base %p limit %#lx", (void *)guest_base, (unsigned long)guest_limit);
	T("reserve_empty", nmaps() == 0 && mem_prot_at(MEM_MMAP_BASE) == -1,
	  "%d mappings", nmaps());
	T("range_ok", guest_range_ok(0, guest_limit) &&
		      !guest_range_ok(guest_limit - PG, 2 * PG) &&
		      !guest_range_ok(1, ~0ULL), "guest_range_ok");
}

static void test_map_unmap(void)
{
	gaddr_t a = MEM_MMAP_BASE;
	struct gmapping m;
	int r;

	r = mem_map_fixed(a, 8 * PG, RW, 0, -1, 0);
	T("map_anon", r == 0 && mem_prot_at(a) == RW &&
		      mem_prot_at(a + 8 * PG - 1) == RW &&
		      mem_prot_at(a + 8 * PG) == -1, "r=%d", r);
	memset(g2h(a), 0x5a, 8 * PG);
	T("map_lookup", mem_lookup(a + PG, &m) && m.start == a &&
			m.end == a + 8 * PG && (m.flags & GMAP_ANON),
	  "start %#lx end %#lx", (unsigned long)m.start, (unsigned long)m.end);

	/* punch a hole in the middle: split in two */
	r = mem_unmap(a + 2 * PG, 2 * PG);
	T("unmap_split", r == 0 && nmaps() == 2 && mem_prot_at(a + 2 * PG) == -1 &&
			 mem_prot_at(a + 3 * PG) == -1 && mem_prot_at(a + 4 * PG) == RW &&
			 mem_prot_at(a + PG) == RW, "r=%d n=%d", r, nmaps());
	T("unmap_data_kept", *(uint8_t *)g2h(a + 5 * PG) == 0x5a &&
			     *(uint8_t *)g2h(a + PG) == 0x5a, "data lost");
	T("unmap_range_free", mem_range_free(a + 2 * PG, 2 * PG) &&
			      !mem_range_free(a + PG, 2 * PG) &&
			      !mem_range_free(a + 3 * PG, 2 * PG), "range_free");

	/* fill the hole: merges back into one mapping, new pages zeroed */
	r = mem_map_fixed(a + 2 * PG, 2 * PG, RW, 0, -1, 0);
	T("remap_merge", r == 0 && nmaps() == 1 && mem_lookup(a, &m) &&
			 m.end == a + 8 * PG, "r=%d n=%d", r, nmaps());
	T("remap_zeroed", *(uint8_t *)g2h(a + 2 * PG) == 0 &&
			  *(uint8_t *)g2h(a + 2 * PG - 1) == 0x5a, "not zero");

	/* map over the middle with a different protection: three pieces */
	r = mem_map_fixed(a + 3 * PG, PG, GPROT_READ, 0, -1, 0);
	T("map_over", r == 0 && nmaps() == 3 && mem_prot_at(a + 3 * PG) == GPROT_READ,
	  "r=%d n=%d", r, nmaps());

	/* unmap across pieces and beyond the end */
	r = mem_unmap(a + PG, 16 * PG);
	T("unmap_across", r == 0 && nmaps() == 1 && mem_lookup(a, &m) &&
			  m.end == a + PG, "r=%d n=%d", r, nmaps());
	T("unmap_unmapped_ok", mem_unmap(a + 100 * PG, PG) == 0, "unmap hole");
	T("unmap_bad", mem_unmap(a + 1, PG) == -EINVAL &&
		       mem_unmap(guest_limit - PG, 2 * PG) == -EINVAL &&
		       mem_unmap(a, 0) == -EINVAL, "bad args accepted");
	mem_unmap(a, PG);
	T("unmap_all", nmaps() == 0, "n=%d", nmaps());
}

static void test_protect(void)
{
	gaddr_t a = MEM_MMAP_BASE + 0x100000;
	int r;

	mem_map_fixed(a, 4 * PG, RW, 0, -1, 0);
	r = mem_protect(a + PG, PG, GPROT_READ);
	T("protect_split", r == 0 && nmaps() == 3 && mem_prot_at(a + PG) == GPROT_READ &&
			   mem_prot_at(a) == RW && mem_prot_at(a + 2 * PG) == RW,
	  "r=%d n=%d", r, nmaps());
	r = mem_protect(a + PG, PG, RW);
	T("protect_merge", r == 0 && nmaps() == 1, "r=%d n=%d", r, nmaps());
	r = mem_protect(a + 2 * PG, 4 * PG, GPROT_READ);
	T("protect_hole_enomem", r == -ENOMEM && mem_prot_at(a + 2 * PG) == RW,
	  "r=%d", r);
	r = mem_protect(a, 4 * PG, GPROT_EXEC);
	T("protect_exec_readable", r == 0 && mem_prot_at(a) == GPROT_EXEC &&
				   *(volatile uint8_t *)g2h(a) == 0, "r=%d", r);

	/* FreeBSD flavour: holes skipped, guards skipped, max_prot enforced */
	mem_unmap(a, 4 * PG);
	mem_map(a, PG, GPROT_READ, GPROT_READ, 0, -1, 0);
	mem_map_fixed(a + 2 * PG, PG, GPROT_NONE, GMAP_GUARD, -1, 0);
	mem_map_fixed(a + 3 * PG, PG, GPROT_NONE, 0, -1, 0);
	r = mem_protect_fbsd(a, 4 * PG, RW, 0, MEM_PROT_SET);
	T("protect_fbsd_maxprot", r == -EACCES && mem_prot_at(a) == GPROT_READ,
	  "r=%d", r);
	r = mem_protect_fbsd(a + PG, 3 * PG, RW, 0, MEM_PROT_SET);
	T("protect_fbsd_skip", r == 0 && mem_prot_at(a + 2 * PG) == GPROT_NONE &&
			       mem_prot_at(a + 3 * PG) == RW, "r=%d", r);
	r = mem_protect_fbsd(a + 3 * PG, PG, 0, GPROT_READ, MEM_PROT_SET_MAX);
	T("protect_fbsd_setmax", r == 0 && mem_prot_at(a + 3 * PG) == GPROT_READ &&
				 mem_protect_fbsd(a + 3 * PG, PG, RW, 0, MEM_PROT_SET) == -EACCES,
	  "r=%d", r);
	mem_unmap(a, 4 * PG);
	T("protect_clean", nmaps() == 0, "n=%d", nmaps());
}

static void test_find_free(void)
{
	gaddr_t out = 0, b = MEM_MMAP_BASE;
	int r;

	r = mem_find_free(0, 4 * PG, 0, &out);
	T("find_free_base", r == 0 && out == b, "r=%d out=%#lx", r, (unsigned long)out);
	mem_map_fixed(b, 4 * PG, RW, 0, -1, 0);
	mem_map_fixed(b + 6 * PG, 4 * PG, RW, 0, -1, 0);
	r = mem_find_free(0, 2 * PG, 0, &out);
	T("find_free_gap", r == 0 && out == b + 4 * PG, "out=%#lx", (unsigned long)out);
	r = mem_find_free(0, 3 * PG, 0, &out);
	T("find_free_skip_small", r == 0 && out == b + 10 * PG, "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free(0, PG, 1 << 21, &out);
	T("find_free_align", r == 0 && out == b + (1 << 21), "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free(0xc000000000ULL, 64 * PG, 0, &out);
	T("find_free_go_hint", (r == 0 && out == 0xc000000000ULL) || guest_limit < 0x10000000000ULL,
	  "out=%#lx", (unsigned long)out);
	r = mem_find_free(b + PG, PG, 0, &out);
	T("find_free_hint_busy", r == 0 && out == b + 4 * PG, "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free(mem_mmap_top - PG, 2 * PG, 0, &out);
	T("find_free_hint_wrap", r == 0 && out == b + 4 * PG, "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free(0x40000000, 2 * PG, 0, &out);
	T("find_free_low_hint", r == 0 && out == 0x40000000, "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free_in(MEM_LOW_LIMIT, MEM_32BIT_TOP, 0, PG, 0, &out);
	T("find_free_32bit", r == 0 && out == MEM_LOW_LIMIT, "out=%#lx",
	  (unsigned long)out);
	r = mem_find_free(0, guest_limit, 0, &out);
	T("find_free_enomem", r == -ENOMEM, "r=%d", r);
	mem_unmap(b, 10 * PG);
}

static const char *nm(const char *tag, const char *name)
{
	static char buf[8][64];
	static int k;
	char *b = buf[k++ & 7];
	snprintf(b, 64, "%s%s", tag, name);
	return b;
}

static void test_copies(const char *tag)
{
	gaddr_t a = MEM_MMAP_BASE + 0x200000;
	char buf[3 * 4096], s[64];
	long n;
	int r;

	mem_map_fixed(a, 3 * PG, RW, 0, -1, 0);
	memset(buf, 'x', sizeof(buf));
	r = copy_to_guest(a + 100, buf, 2 * PG);
	T(nm(tag, "copy_to"), r == 0 && *(char *)g2h(a + 100 + 2 * PG - 1) == 'x', "r=%d", r);
	memset(buf, 0, sizeof(buf));
	r = copy_from_guest(buf, a + 100, 2 * PG);
	T(nm(tag, "copy_from"), r == 0 && buf[2 * PG - 1] == 'x', "r=%d", r);

	mem_protect(a + PG, PG, GPROT_NONE);
	r = copy_from_guest(buf, a + PG - 10, 20);
	T(nm(tag, "copy_from_prot_none"), r == -1, "r=%d", r);
	r = copy_to_guest(a + PG - 10, buf, 20);
	T(nm(tag, "copy_to_prot_none"), r == -1, "r=%d", r);
	mem_protect(a + PG, PG, GPROT_READ);
	r = copy_to_guest(a + PG + 10, buf, 20);
	T(nm(tag, "copy_to_readonly"), r == -1 && *(char *)g2h(a + PG + 10) == 'x', "r=%d", r);
	r = copy_from_guest(buf, a + PG + 10, 20);
	T(nm(tag, "copy_from_readonly"), r == 0, "r=%d", r);
	r = copy_from_guest(buf, a + 3 * PG - 4, 8);
	T(nm(tag, "copy_from_unmapped"), r == -1, "r=%d", r);
	r = copy_from_guest(buf, guest_limit - 4, 8);
	T(nm(tag, "copy_from_outside"), r == -1, "r=%d", r);

	/* strings: NUL in the last byte of the mapping */
	memset(g2h(a + 2 * PG), 'y', PG);
	*(char *)g2h(a + 3 * PG - 1) = 0;
	strcpy(g2h(a + 3 * PG - 6), "hello");
	n = copy_str_from_guest(s, a + 3 * PG - 6, sizeof(s));
	T(nm(tag, "str_end_of_mapping"), n == 5 && !strcmp(s, "hello"), "n=%ld", n);
	*(char *)g2h(a + 3 * PG - 1) = 'z';
	n = copy_str_from_guest(s, a + 3 * PG - 6, sizeof(s));
	T(nm(tag, "str_runs_off_mapping"), n == -1, "n=%ld", n);
	n = copy_str_from_guest(s, a + 2 * PG, sizeof(s));
	T(nm(tag, "str_too_long"), n == -2, "n=%ld", n);
	strcpy(g2h(a + 2 * PG), "abc");
	n = copy_str_from_guest(s, a + 2 * PG, 4);
	T(nm(tag, "str_exact_cap"), n == 3 && !strcmp(s, "abc"), "n=%ld", n);
	n = copy_str_from_guest(s, a + 2 * PG, 3);
	T(nm(tag, "str_cap_short"), n == -2, "n=%ld", n);
	mem_unmap(a, 3 * PG);
}

static void test_file(void)
{
	char path[] = "/tmp/test_mem_XXXXXX", page[4096];
	gaddr_t a = MEM_MMAP_BASE + 0x400000;
	struct gmapping m;
	int fd = mkstemp(path), r;

	if (fd < 0) {
		T("file_setup", 0, "mkstemp: %s", strerror(errno));
		return;
	}
	unlink(path);
	memset(page, 'A', sizeof(page));
	write(fd, page, sizeof(page));
	memset(page, 'B', sizeof(page));
	write(fd, page, sizeof(page));
	r = mem_map_fixed(a, PG, GPROT_READ, 0, fd, PG);
	T("file_map", r == 0 && *(char *)g2h(a) == 'B' && mem_lookup(a, &m) &&
		      !(m.flags & GMAP_ANON) && m.ino != 0 && m.offset == PG,
	  "r=%d", r);
	r = mem_map_fixed(a + PG, PG, GPROT_READ, 0, fd, 0);
	T("file_no_merge_offset", r == 0 && nmaps() == 2, "n=%d", nmaps());
	mem_unmap(a, 2 * PG);
	mem_map_fixed(a, 2 * PG, RW, GMAP_SHARED, fd, 0);
	*(char *)g2h(a + PG) = 'C';
	pread(fd, page, 1, PG);
	T("file_shared_write", page[0] == 'C', "got %c", page[0]);
	mem_unmap(a + PG, PG);
	T("file_split_offset", mem_lookup(a, &m) && m.end == a + PG && m.offset == 0,
	  "split");
	mem_unmap(a, PG);
	close(fd);
	T("file_bad_fd", mem_map_fixed(a, PG, GPROT_READ, 0, fd, 0) == -EBADF &&
			 mem_range_free(a, PG), "bad fd mapped");
}

static void test_break(void)
{
	static struct fbsd_thread td;
	gaddr_t base = 0x40000000;
	int r;

	mem_brk_base = mem_brk_cur = base;
	r = fbsd_kern_break(&td, 0);
	T("break_query", r == 0 && td.retval[0] == base, "r=%d ret=%#lx", r,
	  (unsigned long)td.retval[0]);
	r = fbsd_kern_break(&td, base + 3 * PG + 5);
	T("break_grow", r == 0 && td.retval[0] == base + 4 * PG &&
			mem_prot_at(base + 4 * PG - 1) == RW && mem_brk_cur == base + 4 * PG,
	  "r=%d ret=%#lx", r, (unsigned long)td.retval[0]);
	*(char *)g2h(base + 4 * PG - 1) = 1;
	r = fbsd_kern_break(&td, base + PG);
	T("break_shrink", r == 0 && td.retval[0] == base + PG &&
			  mem_prot_at(base + PG) == -1 && mem_prot_at(base) == RW,
	  "r=%d", r);
	mem_map_fixed(base + 3 * PG, PG, GPROT_READ, 0, -1, 0);
	r = fbsd_kern_break(&td, base + 8 * PG);
	T("break_collide", r == FBSD_ENOMEM && mem_brk_cur == base + PG &&
			   mem_prot_at(base + 2 * PG) == -1, "r=%d", r);
	r = fbsd_kern_break(&td, base);
	T("break_to_base", r == 0 && mem_prot_at(base) == -1, "r=%d", r);
	mem_unmap(base + 3 * PG, PG);
	mem_brk_base = mem_brk_cur = 0;
}

int main(void)
{
	if (mem_init() < 0) {
		printf("FAIL mem_init\n");
		return 1;
	}
	test_reserve();
	test_map_unmap();
	test_protect();
	test_find_free();
	test_copies("");
	copy_force_fallback(1);
	test_copies("fallback_");
	copy_force_fallback(0);
	test_file();
	test_break();
	printf("%s\n", failures ? "test_mem: FAILED" : "test_mem: ok");
	return failures != 0;
}
