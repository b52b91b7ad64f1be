/* c-fft (floating point): iterative radix-2 complex FFT of 4096 points,
 * forward then inverse, repeated.  Twiddle factors come from half-angle
 * formulas (sqrt only, no libm).  Size: SCALE x 144 round trips. */
#include "bench.h"

#define LOGN 12
#define N (1 << LOGN)

static double re[N], im[N], wr[N / 2], wi[N / 2];

/* cos/sin of 2*pi*k/N for k < N/2, from cos(pi/2^m) by repeated halving
 * and angle addition. */
static void twiddles(void)
{
	double c[LOGN + 1], s[LOGN + 1];
	c[2] = 0.0; /* angle 2*pi/4 */
	s[2] = 1.0;
	for (int m = 3; m <= LOGN; m++) { /* angle 2*pi/2^m */
		c[m] = b_sqrt((1.0 + c[m - 1]) / 2.0);
		s[m] = s[m - 1] / (2.0 * c[m]);
	}
	wr[0] = 1.0;
	wi[0] = 0.0;
	for (int k = 1; k < N / 2; k++) {
		/* k = highest bit b plus rest: angle(k) = angle(2^b) + angle(rest) */
		int b = 31 - __builtin_clz(k);
		int rest = k - (1 << b);
		double cb, sb;
		if (b == LOGN - 2) {
			cb = 0.0; /* angle pi/2 */
			sb = 1.0;
		} else {
			cb = c[LOGN - b];
			sb = s[LOGN - b];
		}
		wr[k] = wr[rest] * cb - wi[rest] * sb;
		wi[k] = wr[rest] * sb + wi[rest] * cb;
	}
}

static void fft(int inverse)
{
	for (int i = 1, j = 0; i < N; i++) {
		int bit = N >> 1;
		for (; j & bit; bit >>= 1)
			j ^= bit;
		j ^= bit;
		if (i < j) {
			double t = re[i];
			re[i] = re[j];
			re[j] = t;
			t = im[i];
			im[i] = im[j];
			im[j] = t;
		}
	}
	for (int len = 2; len <= N; len <<= 1) {
		int step = N / len;
		for (int i = 0; i < N; i += len)
			for (int k = 0; k < len / 2; k++) {
				double c = wr[k * step];
				double s = inverse ? wi[k * step] : -wi[k * step];
				int a = i + k, b = i + k + len / 2;
				double xr = re[b] * c - im[b] * s;
				double xi = re[b] * s + im[b] * c;
				re[b] = re[a] - xr;
				im[b] = im[a] - xi;
				re[a] += xr;
				im[a] += xi;
			}
	}
	if (inverse)
		for (int i = 0; i < N; i++) {
			re[i] /= N;
			im[i] /= N;
		}
}

int main(int argc, char **argv)
{
	long rounds = 144 * b_scale(argc, argv);
	twiddles();
	uint64_t s = 0x2545f4914f6cdd1dull, h = 0;
	for (int i = 0; i < N; i++) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		re[i] = (double)(int32_t)(s >> 32) / 2147483648.0;
		im[i] = 0.0;
	}
	for (long r = 0; r < rounds; r++) {
		fft(0);
		h = b_mix(h, b_bits(re[r % N]));
		h = b_mix(h, b_bits(im[(r * 7) % N]));
		fft(1);
		re[r % N] += 0.001;
	}
	for (int i = 0; i < N; i += 61)
		h = b_mix(h, b_bits(re[i]));
	b_checksum(h);
	return 0;
}
