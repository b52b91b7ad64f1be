/* FEAT_SHA3: EOR3, RAX1, XAR, BCAX.  Keccak-f[1600] computed with them on
 * two states at once (lane 0 and lane 1 of each vector) must match a plain
 * C Keccak-f[1600] on each state, and the zero state's first lane must be
 * the Keccak reference value.  Also single instructions against C
 * expressions, XAR #0 and #63, and EOR3/BCAX on all 16 bytes.  Same
 * results under qemu-aarch64 -cpu max with -DT_LINUX_TEST. */
// EXPECT-STDOUT: sha3 ok
#include "t.h"

typedef uint64_t u64x2 __attribute__((vector_size(16)));
#define ARCH ".arch armv8.5-a+sha3\n\t"

static u64x2 eor3(u64x2 n, u64x2 m, u64x2 a)
{
	u64x2 d;
	__asm__(ARCH "eor3 %0.16b, %1.16b, %2.16b, %3.16b" : "=w"(d) : "w"(n), "w"(m), "w"(a));
	return d;
}
static u64x2 bcax(u64x2 n, u64x2 m, u64x2 a)
{
	u64x2 d;
	__asm__(ARCH "bcax %0.16b, %1.16b, %2.16b, %3.16b" : "=w"(d) : "w"(n), "w"(m), "w"(a));
	return d;
}
static u64x2 rax1(u64x2 n, u64x2 m)
{
	u64x2 d;
	__asm__(ARCH "rax1 %0.2d, %1.2d, %2.2d" : "=w"(d) : "w"(n), "w"(m));
	return d;
}
#define XAR(n, m, imm) ({ u64x2 d_; \
	__asm__(ARCH "xar %0.2d, %1.2d, %2.2d, #" #imm : "=w"(d_) : "w"(n), "w"(m)); d_; })

static uint64_t rol(uint64_t x, unsigned r) { return r ? (x << r) | (x >> (64 - r)) : x; }

/* Keccak round constants, made by the LFSR of the Keccak reference. */
static uint64_t rc[24];
static void make_rc(void)
{
	uint8_t lfsr = 1;
	for (int i = 0; i < 24; i++) {
		rc[i] = 0;
		for (int j = 0; j < 7; j++) {
			if (lfsr & 1)
				rc[i] |= 1ull << ((1u << j) - 1);
			lfsr = (uint8_t)((lfsr << 1) ^ ((lfsr & 0x80) ? 0x71 : 0));
		}
	}
}

/* Rotation offsets r[x + 5y]. */
static const unsigned rho[25] = {
	0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39,
	41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
};

static void keccak_c(uint64_t a[25])
{
	for (int round = 0; round < 24; round++) {
		uint64_t c[5], d[5], b[25];
		for (int x = 0; x < 5; x++)
			c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
		for (int x = 0; x < 5; x++)
			d[x] = c[(x + 4) % 5] ^ rol(c[(x + 1) % 5], 1);
		for (int x = 0; x < 5; x++)
			for (int y = 0; y < 5; y++)
				b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(a[x + 5 * y] ^ d[x], rho[x + 5 * y]);
		for (int x = 0; x < 5; x++)
			for (int y = 0; y < 5; y++)
				a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
		a[0] ^= rc[round];
	}
}

/* B[y + 5((2x + 3y) % 5)] = ROL(A[x + 5y] ^ D[x], rho) = XAR(A, D, 64 - rho). */
#define RP(x, y, r) b[(y) + 5 * ((2 * (x) + 3 * (y)) % 5)] = XAR(a[(x) + 5 * (y)], d[x], r)

static void keccak_simd(u64x2 a[25])
{
	for (int round = 0; round < 24; round++) {
		u64x2 c[5], d[5], b[25];
		for (int x = 0; x < 5; x++)
			c[x] = eor3(eor3(a[x], a[x + 5], a[x + 10]), a[x + 15], a[x + 20]);
		for (int x = 0; x < 5; x++)
			d[x] = rax1(c[(x + 4) % 5], c[(x + 1) % 5]);
		/* 64 - rho[x + 5y] mod 64 */
		RP(0, 0, 0);  RP(1, 0, 63); RP(2, 0, 2);  RP(3, 0, 36); RP(4, 0, 37);
		RP(0, 1, 28); RP(1, 1, 20); RP(2, 1, 58); RP(3, 1, 9);  RP(4, 1, 44);
		RP(0, 2, 61); RP(1, 2, 54); RP(2, 2, 21); RP(3, 2, 39); RP(4, 2, 25);
		RP(0, 3, 23); RP(1, 3, 19); RP(2, 3, 49); RP(3, 3, 43); RP(4, 3, 56);
		RP(0, 4, 46); RP(1, 4, 62); RP(2, 4, 3);  RP(3, 4, 8);  RP(4, 4, 50);
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 5; x++)
				a[x + 5 * y] = bcax(b[x + 5 * y], b[(x + 2) % 5 + 5 * y],
						    b[(x + 1) % 5 + 5 * y]);
		u64x2 k = { rc[round], rc[round] };
		a[0] ^= k;
	}
}

static uint64_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return *s ^ (*s >> 29);
}

int main(int argc, char **argv, char **envp)
{
	make_rc();
	CHECK(rc[0] == 1 && rc[1] == 0x8082 && rc[23] == 0x8000000080008008ull);
	/* the XAR amounts written out in keccak_simd */
	static const unsigned xar_imm[25] = { 0, 63, 2, 36, 37, 28, 20, 58, 9, 44, 61, 54, 21,
					      39, 25, 23, 19, 49, 43, 56, 46, 62, 3, 8, 50 };
	for (int i = 0; i < 25; i++)
		CHECK_EQ((64 - rho[i]) % 64, xar_imm[i]);

	/* Lane 0: the zero state; lane 1: random. */
	uint64_t s0[25] = { 0 }, s1[25], seed = 7;
	u64x2 v[25];
	for (int i = 0; i < 25; i++) {
		s1[i] = rnd(&seed);
		v[i] = (u64x2){ 0, s1[i] };
	}
	keccak_c(s0);
	keccak_c(s1);
	keccak_simd(v);
	CHECK(s0[0] == 0xf1258f7940e1dde7ull);
	int bad = 0;
	for (int i = 0; i < 25; i++)
		bad += v[i][0] != s0[i] || v[i][1] != s1[i];
	CHECK_EQ(bad, 0);
	t_printf("keccak-f lane0 %016llx %016llx\n", (unsigned long long)v[0][0],
		 (unsigned long long)v[0][1]);

	/* Single instructions. */
	for (int i = 0; i < 32; i++) {
		u64x2 n = { rnd(&seed), rnd(&seed) }, m = { rnd(&seed), rnd(&seed) };
		u64x2 a = { rnd(&seed), rnd(&seed) };
		u64x2 r = eor3(n, m, a), q = bcax(n, m, a), x = rax1(n, m);
		u64x2 x0 = XAR(n, m, 0), x63 = XAR(n, m, 63), x7 = XAR(n, m, 7);
		for (int l = 0; l < 2; l++) {
			CHECK(r[l] == (n[l] ^ m[l] ^ a[l]));
			CHECK(q[l] == (n[l] ^ (m[l] & ~a[l])));
			CHECK(x[l] == (n[l] ^ rol(m[l], 1)));
			CHECK(x0[l] == (n[l] ^ m[l]));
			CHECK(x63[l] == rol(n[l] ^ m[l], 1));
			CHECK(x7[l] == rol(n[l] ^ m[l], 57));
		}
	}
	if (t_failures == 0)
		t_printf("sha3 ok\n");
	return 0;
}
