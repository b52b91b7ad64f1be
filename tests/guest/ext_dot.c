/* FEAT_DotProd: SDOT and UDOT, vector (2S and 4S) and by element (every
 * index), against C loops on random and extreme bytes; the 64-bit forms
 * clear the upper half.  Same results under qemu-aarch64 -cpu max with
 * -DT_LINUX_TEST. */
// EXPECT-STDOUT: dot ok
#include "t.h"

typedef uint32_t u32x4 __attribute__((vector_size(16)));
typedef uint8_t u8x16 __attribute__((vector_size(16)));
#define ARCH ".arch armv8.5-a+crc+dotprod\n\t" /* clang 14 wants two "+" here */

static u32x4 ref(u32x4 d, u8x16 n, u8x16 m, int u, int q, int idx)
{
	u32x4 r = d;
	for (int e = 0; e < (q ? 4 : 2); e++) {
		int me = idx < 0 ? e : idx;
		for (int i = 0; i < 4; i++) {
			uint8_t a = n[4 * e + i], b = m[4 * me + i];
			r[e] += u ? (uint32_t)a * b : (uint32_t)((int8_t)a * (int8_t)b);
		}
	}
	if (!q)
		r[2] = r[3] = 0;
	return r;
}

#define DOT(d, n, m, text) __asm__(ARCH text : "+w"(d) : "w"(n), "x"(m))

static int eq(u32x4 a, u32x4 b)
{
	return memcmp(&a, &b, 16) == 0;
}

int main(int argc, char **argv, char **envp)
{
	uint32_t seed = 5;
	int bad = 0;
	for (int it = 0; it < 40; it++) {
		u8x16 n, m;
		u32x4 d0;
		for (int i = 0; i < 16; i++) {
			seed = seed * 1103515245u + 12345u;
			n[i] = (uint8_t)(seed >> 16);
			seed = seed * 1103515245u + 12345u;
			m[i] = (uint8_t)(seed >> 16);
		}
		if (it == 0) {
			memset(&n, 0x80, 16);
			memset(&m, 0x80, 16);
		} else if (it == 1) {
			memset(&n, 0xff, 16);
			memset(&m, 0xff, 16);
		}
		for (int i = 0; i < 4; i++) {
			seed = seed * 1103515245u + 12345u;
			d0[i] = seed * 2654435761u;
		}
		u32x4 d;
#define T(text, u, q, idx) d = d0; DOT(d, n, m, text); bad += !eq(d, ref(d0, n, m, u, q, idx))
		T("sdot %0.4s, %1.16b, %2.16b", 0, 1, -1);
		T("sdot %0.2s, %1.8b, %2.8b", 0, 0, -1);
		T("udot %0.4s, %1.16b, %2.16b", 1, 1, -1);
		T("udot %0.2s, %1.8b, %2.8b", 1, 0, -1);
		T("sdot %0.4s, %1.16b, %2.4b[0]", 0, 1, 0);
		T("sdot %0.4s, %1.16b, %2.4b[1]", 0, 1, 1);
		T("sdot %0.4s, %1.16b, %2.4b[2]", 0, 1, 2);
		T("sdot %0.2s, %1.8b, %2.4b[3]", 0, 0, 3);
		T("udot %0.4s, %1.16b, %2.4b[0]", 1, 1, 0);
		T("udot %0.2s, %1.8b, %2.4b[1]", 1, 0, 1);
		T("udot %0.4s, %1.16b, %2.4b[2]", 1, 1, 2);
		T("udot %0.4s, %1.16b, %2.4b[3]", 1, 1, 3);
		if (it == 0 && t_failures == 0 && bad == 0) {
			/* 0x80 * 0x80: signed 4 * 16384, unsigned 4 * 16384 too */
			d = (u32x4){ 0 };
			DOT(d, n, m, "sdot %0.4s, %1.16b, %2.16b");
			CHECK_EQ(d[0], 65536);
		}
	}
	/* Vm = v16..v31 in the by-element form (the M bit). */
	u8x16 n = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	u32x4 d = { 0 };
	__asm__(ARCH "mov v17.16b, %1.16b\n\tudot %0.4s, %1.16b, v17.4b[3]" : "+w"(d) : "w"(n) : "v17");
	CHECK_EQ(d[0], 1 * 13 + 2 * 14 + 3 * 15 + 4 * 16);
	CHECK_EQ(d[3], 13 * 13 + 14 * 14 + 15 * 15 + 16 * 16);
	CHECK_EQ(bad, 0);
	if (t_failures == 0)
		t_printf("dot ok\n");
	return 0;
}
