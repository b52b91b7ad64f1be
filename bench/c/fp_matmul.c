/* c-matmul (floating point): C = A*B on N x N doubles, in the i-k-j loop
 * order compilers vectorise, then C feeds back into A.
 * Size: SCALE x 48 rounds. */
#include "bench.h"

#define N 96

static double A[N][N], B[N][N], C[N][N];

int main(int argc, char **argv)
{
	long rounds = 48 * b_scale(argc, argv);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			A[i][j] = (double)((i * 7 + j * 3) % 17 - 8) / 16.0;
			B[i][j] = (double)((i * 5 + j * 11) % 13 - 6) / 13.0;
		}
	uint64_t h = 0;
	for (long r = 0; r < rounds; r++) {
		for (int i = 0; i < N; i++) {
			for (int j = 0; j < N; j++)
				C[i][j] = 0.0;
			for (int k = 0; k < N; k++) {
				double a = A[i][k];
				for (int j = 0; j < N; j++)
					C[i][j] += a * B[k][j];
			}
		}
		/* renormalise so the values stay in range */
		double m = 0.0;
		for (int i = 0; i < N; i++)
			for (int j = 0; j < N; j++)
				m += C[i][j] * C[i][j];
		m = b_sqrt(m / (N * N)) + 1.0;
		for (int i = 0; i < N; i++)
			for (int j = 0; j < N; j++)
				A[i][j] = C[i][j] / m - A[i][j] * 0.25;
		h = b_mix(h, b_bits(m));
	}
	for (int i = 0; i < N; i++)
		h = b_mix(h, b_bits(A[i][(i * 5) % N]));
	b_checksum(h);
	return 0;
}
