/* Differential-test driver: runs every generated case (cases.S) and writes
 * the architectural state after each to stdout, raw.  Built twice from the
 * same sources: for Linux/aarch64 (-DT_LINUX_TEST, the reference run under
 * qemu-aarch64) and for FreeBSD/aarch64 (run under bsdemu).
 *
 * A case is a function case_N(in, out) (see difftest.py): it loads x0-x15,
 * v0-v7, FPCR, FPSR and NZCV from IN, runs the instructions under test and
 * stores the same state (FPSR and NZCV read back) to OUT.
 *
 * Memory classes work on a window of DT_MEMSZ bytes at the fixed guest
 * address DT_MEM (mapped here with MAP_FIXED, so base registers hold the
 * same values in both builds): the driver copies the case's window image
 * in before the case and the window out after it. */
#include "t.h"

#define STATE_SIZE 560 /* x[16], v[8][2], fpcr, fpsr, nzcv, pad[3], mem[256] */
#define OFF_MEM 304
#define DT_MEM 0x30000400ul
#define DT_MEMSZ 256
#define DT_PAGE 0x30000000ul

#ifdef T_LINUX_TEST
#define NR_mmap 222
#define MAP_ANON_ 0x20
#else
#define NR_mmap 477
#define MAP_ANON_ 0x1000
#endif
#define MAP_PRIVATE_ 0x02
#define MAP_FIXED_ 0x10

extern const long dt_ncases;
extern void (*const dt_cases[])(const void *in, void *out);
extern const unsigned char dt_inputs[];

static unsigned char outbuf[STATE_SIZE * 64];

static void copy(volatile unsigned char *d, const volatile unsigned char *s, long n)
{
	while (n--)
		*d++ = *s++;
}

int main(void)
{
	long i, fill = 0;
	unsigned char *mem = (unsigned char *)DT_MEM;

	if (sys(NR_mmap, DT_PAGE, 4096, 3, MAP_PRIVATE_ | MAP_ANON_ | MAP_FIXED_, -1, 0) !=
	    (long)DT_PAGE)
		return 4;
	for (i = 0; i < dt_ncases; i++) {
		const unsigned char *in = dt_inputs + i * STATE_SIZE;
		copy(mem, in + OFF_MEM, DT_MEMSZ);
		dt_cases[i](in, outbuf + fill);
		copy(outbuf + fill + OFF_MEM, mem, DT_MEMSZ);
		fill += STATE_SIZE;
		if (fill == sizeof(outbuf) || i == dt_ncases - 1) {
			long off = 0;
			while (off < fill) {
				long n = sys(T_NR_write, 1, (long)(outbuf + off), fill - off);
				if (n <= 0)
					return 3;
				off += n;
			}
			fill = 0;
		}
	}
	return 0;
}
