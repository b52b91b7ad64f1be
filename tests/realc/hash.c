/* hash.c: FNV-1a (32 and 64 bit), CRC-32 and CRC-32C computed bitwise, with
 * a byte table, and with the ACLE __crc32* intrinsics (crc32b/h/w/x and
 * crc32cb/h/w/x instructions), SipHash-2-4, and a multiply-xorshift mixer,
 * over buffers of many lengths and alignments. */
// CFLAGS: -march=armv8-a+crc
// EMITS: crc32cx
// EMITS: crc32b
#include "rc.h"
#if __ARM_FEATURE_CRC32
#include <arm_acle.h>
#endif

#define BUF 4099
static uint8_t buf[BUF + 16];
static uint32_t tab[256], tabc[256];

static uint32_t fnv32(const uint8_t *p, size_t n)
{
	uint32_t h = 0x811c9dc5u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x01000193u;
	return h;
}

static uint64_t fnv64(const uint8_t *p, size_t n)
{
	uint64_t h = RC_H0;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

static uint32_t crc_bitwise(uint32_t poly, const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (poly & -(c & 1));
	}
	return ~c;
}

static void crc_table(uint32_t poly, uint32_t *t)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ poly : c >> 1;
		t[i] = c;
	}
}

static uint32_t crc_tab(const uint32_t *t, const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	for (size_t i = 0; i < n; i++)
		c = t[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return ~c;
}

#if __ARM_FEATURE_CRC32
/* Mixed widths: bytes up to 8-alignment, then x, w, h, b for the tail. */
static uint32_t crc_acle(int castagnoli, const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	while (n && ((uintptr_t)p & 7)) {
		c = castagnoli ? __crc32cb(c, *p) : __crc32b(c, *p);
		p++, n--;
	}
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t v;
		__builtin_memcpy(&v, p, 8);
		c = castagnoli ? __crc32cd(c, v) : __crc32d(c, v);
	}
	if (n >= 4) {
		uint32_t v;
		__builtin_memcpy(&v, p, 4);
		c = castagnoli ? __crc32cw(c, v) : __crc32w(c, v);
		p += 4, n -= 4;
	}
	if (n >= 2) {
		uint16_t v;
		__builtin_memcpy(&v, p, 2);
		c = castagnoli ? __crc32ch(c, v) : __crc32h(c, v);
		p += 2, n -= 2;
	}
	if (n)
		c = castagnoli ? __crc32cb(c, *p) : __crc32b(c, *p);
	return ~c;
}
#endif

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                     \
	do {                                                         \
		v0 += v1;                                            \
		v1 = ROTL(v1, 13);                                   \
		v1 ^= v0;                                            \
		v0 = ROTL(v0, 32);                                   \
		v2 += v3;                                            \
		v3 = ROTL(v3, 16);                                   \
		v3 ^= v2;                                            \
		v0 += v3;                                            \
		v3 = ROTL(v3, 21);                                   \
		v3 ^= v0;                                            \
		v2 += v1;                                            \
		v1 = ROTL(v1, 17);                                   \
		v1 ^= v2;                                            \
		v2 = ROTL(v2, 32);                                   \
	} while (0)

static uint64_t siphash24(uint64_t k0, uint64_t k1, const uint8_t *p, size_t n)
{
	uint64_t v0 = 0x736f6d6570736575ull ^ k0, v1 = 0x646f72616e646f6dull ^ k1;
	uint64_t v2 = 0x6c7967656e657261ull ^ k0, v3 = 0x7465646279746573ull ^ k1;
	uint64_t b = (uint64_t)n << 56, m;
	const uint8_t *end = p + (n & ~(size_t)7);
	for (; p != end; p += 8) {
		__builtin_memcpy(&m, p, 8);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	for (int i = 0; i < (int)(n & 7); i++)
		b |= (uint64_t)p[i] << (8 * i);
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

static uint64_t murmix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	return x ^ (x >> 33);
}

int main(void)
{
	uint64_t s = 42;
	for (int i = 0; i < BUF + 16; i++)
		buf[i] = (uint8_t)(rc_rand(&s) >> 56);
	crc_table(0xedb88320u, tab);
	crc_table(0x82f63b78u, tabc);

	/* Known answers for "123456789". */
	const uint8_t *kat = (const uint8_t *)"123456789";
	P32("kat_crc32", crc_tab(tab, kat, 9));
	P32("kat_crc32c", crc_tab(tabc, kat, 9));
	P32("kat_fnv32", fnv32(kat, 9));
	P64("kat_fnv64", fnv64(kat, 9));
	uint8_t key[16], msg[64];
	for (int i = 0; i < 16; i++)
		key[i] = (uint8_t)i;
	for (int i = 0; i < 64; i++)
		msg[i] = (uint8_t)i;
	uint64_t k0, k1;
	__builtin_memcpy(&k0, key, 8);
	__builtin_memcpy(&k1, key + 8, 8);
	P64("kat_sip15", siphash24(k0, k1, msg, 15)); /* reference: a129ca6149be45e5 */

	uint64_t h[8] = {RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0};
	int mism = 0;
	for (size_t len = 0; len < 300; len += 7) {
		for (int off = 0; off < 8; off++) {
			const uint8_t *p = buf + off;
			uint32_t cb = crc_bitwise(0xedb88320u, p, len);
			uint32_t ct = crc_tab(tab, p, len);
			uint32_t ccb = crc_bitwise(0x82f63b78u, p, len);
			uint32_t cct = crc_tab(tabc, p, len);
			mism += (cb != ct) + (ccb != cct);
#if __ARM_FEATURE_CRC32
			uint32_t ca = crc_acle(0, p, len), cca = crc_acle(1, p, len);
			mism += (ca != ct) + (cca != cct);
			h[6] = rc_mix(h[6], (uint64_t)ca << 32 | cca);
#endif
			h[0] = rc_mix(h[0], cb);
			h[1] = rc_mix(h[1], cct);
			h[2] = rc_mix(h[2], fnv32(p, len));
			h[3] = rc_mix(h[3], fnv64(p, len));
			h[4] = rc_mix(h[4], siphash24(k0 ^ len, k1 + (uint64_t)off, p, len));
		}
	}
	for (int i = 0; i < 100000; i++)
		h[5] = murmix(h[5] + (uint64_t)i);
	P32("crc_full", crc_tab(tab, buf, BUF));
#if __ARM_FEATURE_CRC32
	P32("crc_full_acle", crc_acle(0, buf, BUF));
	P32("crcc_full_acle", crc_acle(1, buf + 3, BUF));
#else
	t_puts("crc acle unavailable");
#endif
	P64("sip_full", siphash24(1, 2, buf, BUF));
	for (int k = 0; k < 7; k++)
		t_printf("h%d %016llx\n", k, (unsigned long long)h[k]);
	t_printf("mismatches %d\n", mism);
	return 0;
}
