/* Integer arithmetic self-checks in compiled C (clang -O2 picks the
 * instructions): hashes, 128-bit multiply, signed/unsigned division and
 * remainder, shifts, bit tricks, a sort.  Expected values were computed by
 * the same code on the x86-64 host (portable C: identical results). */
#include "t.h"

#ifndef EXPECT_PRINT
#define EXPECT(name, got, want) CHECK_EQ((long)(got), (long)(want))
#endif

static unsigned crc32(const unsigned char *p, unsigned long n)
{
	unsigned c = 0xffffffffu;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

static unsigned long fnv1a(const unsigned char *p, unsigned long n)
{
	unsigned long h = 0xcbf29ce484222325ul;
	while (n--)
		h = (h ^ *p++) * 0x100000001b3ul;
	return h;
}

static unsigned long xorshift(unsigned long *s)
{
	unsigned long x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

static void isort(long *a, int n)
{
	for (int i = 1; i < n; i++) {
		long v = a[i];
		int j = i - 1;
		while (j >= 0 && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

static volatile long vzero = 0, vm1 = -1;
static volatile long vmin = (long)0x8000000000000000ul;
static volatile int vimin = (int)0x80000000u, vim1 = -1;

int main(void)
{
	static const unsigned char msg[] = "The quick brown fox jumps over the lazy dog";
	unsigned long s = 88172645463325252ul, acc = 0;
	long arr[64], sdiv = 0;
	unsigned long udiv = 0;

	EXPECT("crc32", crc32(msg, sizeof(msg) - 1), 0x414fa339);
	EXPECT("fnv1a", fnv1a(msg, sizeof(msg) - 1), 0xf3f9b7f5e7e47110ul);

	for (int i = 0; i < 1000; i++) {
		unsigned long a = xorshift(&s), b = xorshift(&s) | 1;
		unsigned __int128 m = (unsigned __int128)a * b;
		long sa = (long)a >> (i & 63), sb = (long)(b >> (i % 61)) | 1;
		acc += (unsigned long)(m >> 64) ^ (unsigned long)m;
		acc = (acc << 7 | acc >> 57) + __builtin_popcountl(a) + __builtin_clzl(b);
		udiv += a / b + a % (b >> 32 | 1);
		sdiv += sa / sb + sa % sb;
		acc ^= (unsigned)((int)a / ((int)b | 1)) + (unsigned)((unsigned)a % ((unsigned)b | 3));
	}
	EXPECT("mix", acc, 0x3be4fbc737f8a1f4ul);
	EXPECT("udiv", udiv, 0xf7ab207e21ul);
	EXPECT("sdiv", sdiv, 0x6a753d5a5bd5e6e4l);

	/* Division corner cases C leaves undefined, defined by the architecture:
	 * done in inline asm. */
	{
		long q, r;
		__asm__("sdiv %0, %1, %2" : "=r"(q) : "r"(vmin), "r"(vm1));
		CHECK_EQ(q, vmin);
		__asm__("sdiv %0, %1, %2" : "=r"(q) : "r"(123L), "r"(vzero));
		CHECK_EQ(q, 0);
		__asm__("udiv %0, %1, %2" : "=r"(q) : "r"(123L), "r"(vzero));
		CHECK_EQ(q, 0);
		__asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(vimin), "r"(vim1));
		CHECK_EQ((unsigned)r, 0x80000000u);
	}

	for (int i = 0; i < 64; i++)
		arr[i] = (long)xorshift(&s) >> 3;
	isort(arr, 64);
	for (int i = 1; i < 64; i++)
		CHECK(arr[i - 1] <= arr[i]);
	EXPECT("sorted", arr[0] ^ arr[31] ^ arr[63], 0x1ddd4fc87fc82cfl);
	return 0;
}
