/* Differential-test driver: runs every generated case (cases.S) and writes
 * the architectural state after each to stdout, raw.  Built twice from the
 * same sources: for Linux/aarch64 (-DT_LINUX_TEST, the reference run under
 * qemu-aarch64) and for FreeBSD/aarch64 (run under bsdemu).
 *
 * A case is a function case_N(in, out) (see gen.py): it loads x0-x15,
 * v0-v7, FPCR, FPSR and NZCV from IN, runs the instructions under test and
 * stores the same state (FPSR and NZCV read back) to OUT. */
#include "t.h"

#define STATE_SIZE 304 /* x[16], v[8][2], fpcr, fpsr, nzcv, mem[2] */

extern const long dt_ncases;
extern void (*const dt_cases[])(const void *in, void *out);
extern const unsigned char dt_inputs[];

static unsigned char outbuf[STATE_SIZE * 64];

int main(void)
{
	long i, fill = 0;

	for (i = 0; i < dt_ncases; i++) {
		dt_cases[i](dt_inputs + i * STATE_SIZE, outbuf + fill);
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
