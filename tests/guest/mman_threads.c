/* mmap from several threads at once: each mapping is the caller's alone.
 * Picking a free range and mapping it must be one step (FreeBSD holds the
 * vm_map lock across both); otherwise two threads can be handed the same
 * range and the second mapping silently replaces the first, which shows
 * up here as another thread's pattern (or zeros) in a fresh mapping. */
#include "thr_util.h"

#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_ANON 0x1000
#define NTHR 4
#define ROUNDS 3000
#define LEN (3 * 4096)

static volatile int bad;

static void worker(void *arg)
{
	unsigned long tag = (unsigned long)arg;

	for (int r = 0; r < ROUNDS && !bad; r++) {
		unsigned long *p = (unsigned long *)sys(FBSD_SYS_mmap, 0, LEN, PROT_READ | PROT_WRITE,
							 MAP_PRIVATE | MAP_ANON, -1, 0);
		if ((long)p < 0) {
			bad = 1;
			break;
		}
		for (unsigned i = 0; i < LEN / 8; i += 64)
			p[i] = tag << 32 | (unsigned)r;
		/* let the others run their mmap calls meanwhile */
		sys(FBSD_SYS_sched_yield);
		for (unsigned i = 0; i < LEN / 8; i += 64)
			if (p[i] != (tag << 32 | (unsigned)r))
				bad = 2;
		if (sys(FBSD_SYS_munmap, p, LEN) != 0)
			bad = 3;
	}
}

int main(int argc, char **argv, char **envp)
{
	struct thr t[NTHR];

	for (int i = 0; i < NTHR; i++)
		CHECK_EQ(thr_start(&t[i], worker, (void *)(unsigned long)(i + 1)), 0);
	for (int i = 0; i < NTHR; i++)
		thr_join(&t[i]);
	CHECK_EQ(bad, 0);
	return 0;
}
