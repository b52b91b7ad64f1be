/* c-sorthash (integer): xorshift-generated keys, FNV-1a hashing of byte
 * records, an open-addressing hash table (insert, update, lookups that
 * hit and miss) and an in-place quicksort + merge pass.
 * Size: SCALE x 48 rounds. */
#include "bench.h"

#define NKEYS (1 << 16)
#define TBITS 17
#define TSIZE (1u << TBITS)

static uint64_t keys[NKEYS];
static uint64_t tab_k[TSIZE];
static uint32_t tab_v[TSIZE];
static uint32_t arr[NKEYS], tmp[NKEYS];

static uint64_t xs(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

/* Keys always have bit 1 set, so 0 can mark an empty slot. */
static uint32_t *slot(uint64_t k, int insert)
{
	uint32_t i = (uint32_t)(k * 0x9e3779b97f4a7c15ull >> (64 - TBITS));
	for (;;) {
		if (tab_k[i] == k)
			return &tab_v[i];
		if (tab_k[i] == 0) {
			if (!insert)
				return 0;
			tab_k[i] = k;
			tab_v[i] = 0;
			return &tab_v[i];
		}
		i = (i + 1) & (TSIZE - 1);
	}
}

static void qsort_u32(uint32_t *a, long lo, long hi)
{
	while (hi - lo > 16) {
		uint32_t p = a[lo + (hi - lo) / 2];
		long i = lo, j = hi;
		while (i <= j) {
			while (a[i] < p)
				i++;
			while (a[j] > p)
				j--;
			if (i <= j) {
				uint32_t t = a[i];
				a[i++] = a[j];
				a[j--] = t;
			}
		}
		if (j - lo < hi - i) {
			qsort_u32(a, lo, j);
			lo = i;
		} else {
			qsort_u32(a, i, hi);
			hi = j;
		}
	}
	for (long i = lo + 1; i <= hi; i++) {
		uint32_t v = a[i];
		long j = i - 1;
		while (j >= lo && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

int main(int argc, char **argv)
{
	long rounds = 48 * b_scale(argc, argv);
	uint64_t s = 88172645463325252ull, h = 0;
	unsigned char rec[24];
	for (long r = 0; r < rounds; r++) {
		memset(tab_k, 0, sizeof tab_k);
		for (int i = 0; i < NKEYS; i++) {
			uint64_t x = xs(&s);
			for (int b = 0; b < 24; b++)
				rec[b] = (unsigned char)(x >> (b % 8 * 8)) + b;
			keys[i] = (fnv1a(rec, sizeof rec) % (NKEYS * 4)) | 2;
			*slot(keys[i], 1) += 1;
		}
		for (int i = 0; i < NKEYS; i += 3)
			*slot(keys[i], 0) = 0x7fffffff; /* update */
		uint64_t found = 0;
		for (int i = 0; i < NKEYS; i++) {
			uint32_t *v = slot(keys[i] ^ (i & 4), 0);
			found += v ? *v : 0;
		}
		h = b_mix(h, found);
		for (int i = 0; i < NKEYS; i++)
			arr[i] = (uint32_t)xs(&s);
		qsort_u32(arr, 0, NKEYS - 1);
		/* merge the two sorted halves of a rotated copy */
		for (int i = 0; i < NKEYS; i++)
			tmp[i] = arr[(i + NKEYS / 2) % NKEYS];
		int a = 0, b = NKEYS / 2, o = 0;
		while (a < NKEYS / 2 && b < NKEYS)
			arr[o++] = tmp[a] <= tmp[b] ? tmp[a++] : tmp[b++];
		while (a < NKEYS / 2)
			arr[o++] = tmp[a++];
		while (b < NKEYS)
			arr[o++] = tmp[b++];
		for (int i = 0; i < NKEYS; i += 97)
			h = b_mix(h, arr[i]);
		h = b_mix(h, fnv1a((const unsigned char *)arr, sizeof arr));
	}
	b_checksum(h);
	return 0;
}
