/* FEAT_AES: AESE, AESMC, AESD, AESIMC.  AES-128 of the FIPS-197 Appendix B
 * and C.1 examples through 10 rounds of AESE/AESMC, decryption back with
 * AESD/AESIMC (equivalent inverse cipher), AESIMC(AESMC(x)) == x, and the
 * key schedule checked against Appendix A.1.  The same program built with
 * -DT_LINUX_TEST gives the same results under qemu-aarch64 -cpu max. */
// EXPECT-STDOUT: aes ok
#include "t.h"

typedef uint8_t u8x16 __attribute__((vector_size(16)));
#define ARCH ".arch armv8.5-a+aes\n\t"

static u8x16 aese(u8x16 s, u8x16 k)
{
	__asm__(ARCH "aese %0.16b, %1.16b" : "+w"(s) : "w"(k));
	return s;
}
static u8x16 aesd(u8x16 s, u8x16 k)
{
	__asm__(ARCH "aesd %0.16b, %1.16b" : "+w"(s) : "w"(k));
	return s;
}
static u8x16 aesmc(u8x16 s)
{
	u8x16 r;
	__asm__(ARCH "aesmc %0.16b, %1.16b" : "=w"(r) : "w"(s));
	return r;
}
static u8x16 aesimc(u8x16 s)
{
	u8x16 r;
	__asm__(ARCH "aesimc %0.16b, %1.16b" : "=w"(r) : "w"(s));
	return r;
}

/* Key expansion (FIPS-197 5.2) with an S-box built from its definition. */
static uint8_t sbox[256];

static uint8_t xtime(uint8_t a) { return (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0)); }
static uint8_t mul(uint8_t a, uint8_t b)
{
	uint8_t r = 0;
	for (; b; b >>= 1, a = xtime(a))
		if (b & 1)
			r ^= a;
	return r;
}
static void make_sbox(void)
{
	for (int x = 0; x < 256; x++) {
		uint8_t inv = 0, s;
		for (int y = 1; x && y < 256; y++)
			if (mul((uint8_t)x, (uint8_t)y) == 1)
				inv = (uint8_t)y;
		s = inv;
		for (int i = 1; i < 5; i++)
			s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
		sbox[x] = s ^ 0x63;
	}
}

static void expand(const uint8_t key[16], u8x16 rk[11])
{
	uint8_t w[176], rcon = 1;
	memcpy(w, key, 16);
	for (int i = 16; i < 176; i += 4) {
		uint8_t t[4];
		memcpy(t, w + i - 4, 4);
		if (i % 16 == 0) {
			uint8_t t0 = t[0];
			t[0] = sbox[t[1]] ^ rcon;
			t[1] = sbox[t[2]];
			t[2] = sbox[t[3]];
			t[3] = sbox[t0];
			rcon = xtime(rcon);
		}
		for (int j = 0; j < 4; j++)
			w[i + j] = w[i - 16 + j] ^ t[j];
	}
	for (int r = 0; r < 11; r++)
		memcpy(&rk[r], w + 16 * r, 16);
}

static u8x16 encrypt(u8x16 s, const u8x16 rk[11])
{
	for (int r = 0; r < 9; r++)
		s = aesmc(aese(s, rk[r]));
	return aese(s, rk[9]) ^ rk[10];
}

static u8x16 decrypt(u8x16 s, const u8x16 rk[11])
{
	u8x16 dk[11];
	dk[0] = rk[10];
	for (int i = 1; i < 10; i++)
		dk[i] = aesimc(rk[10 - i]);
	dk[10] = rk[0];
	for (int i = 0; i < 9; i++)
		s = aesimc(aesd(s, dk[i]));
	return aesd(s, dk[9]) ^ dk[10];
}

static u8x16 bytes(const char *hex)
{
	u8x16 v;
	for (int i = 0; i < 16; i++) {
		int hi = hex[2 * i], lo = hex[2 * i + 1];
		hi = hi <= '9' ? hi - '0' : hi - 'a' + 10;
		lo = lo <= '9' ? lo - '0' : lo - 'a' + 10;
		v[i] = (uint8_t)(hi << 4 | lo);
	}
	return v;
}

static int same(u8x16 a, u8x16 b)
{
	return memcmp(&a, &b, 16) == 0;
}

static void show(const char *what, u8x16 v)
{
	t_printf("%s ", what);
	for (int i = 0; i < 16; i++)
		t_printf("%02x", v[i]);
	t_printf("\n");
}

static void vector(const char *key, const char *pt, const char *ct, const char *last_rk)
{
	u8x16 rk[11], k = bytes(key);
	expand((const uint8_t *)&k, rk);
	if (last_rk)
		CHECK(same(rk[10], bytes(last_rk)));
	u8x16 c = encrypt(bytes(pt), rk);
	show("ciphertext", c);
	CHECK(same(c, bytes(ct)));
	u8x16 p = decrypt(c, rk);
	show("plaintext ", p);
	CHECK(same(p, bytes(pt)));
}

int main(int argc, char **argv, char **envp)
{
	make_sbox();
	CHECK_EQ(sbox[0x00], 0x63);
	CHECK_EQ(sbox[0x53], 0xed);
	/* Appendix B (key schedule: Appendix A.1, w[40..43]) */
	vector("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734",
	       "3925841d02dc09fbdc118597196a0b32", "d014f9a8c9ee2589e13f0cc8b6630ca6");
	/* Appendix C.1 */
	vector("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
	       "69c4e0d86a7b0430d8cdb78070b4c55a", NULL);

	/* One AESE with a zero key is ShiftRows(SubBytes(x)); AESD undoes it. */
	u8x16 x = bytes("00102030405060708090a0b0c0d0e0f0"), z = { 0 };
	u8x16 e = aese(x, z);
	for (int c = 0; c < 4; c++)
		for (int r = 0; r < 4; r++)
			CHECK_EQ(e[4 * c + r], sbox[x[4 * ((c + r) & 3) + r]]);
	CHECK(same(aesd(e, z), x));
	/* AESMC of the FIPS-197 column db 13 53 45 -> 8e 4d a1 bc */
	u8x16 m = aesmc(bytes("db135345f20a225c01010101c6c6c6c6"));
	CHECK(same(m, bytes("8e4da1bc9fdc589d01010101c6c6c6c6")));
	uint32_t seed = 99;
	for (int i = 0; i < 64; i++) {
		for (int j = 0; j < 16; j++) {
			seed = seed * 1103515245u + 12345u;
			x[j] = (uint8_t)(seed >> 16);
		}
		CHECK(same(aesimc(aesmc(x)), x));
		CHECK(same(aesmc(aesimc(x)), x));
	}
	/* Destination and source the same register. */
	u8x16 y = bytes("3243f6a8885a308d313198a2e0370734");
	__asm__(ARCH "aese %0.16b, %0.16b" : "+w"(y));
	u8x16 y2 = bytes("3243f6a8885a308d313198a2e0370734");
	CHECK(same(y, aese(y2, y2)));
	if (t_failures == 0)
		t_printf("aes ok\n");
	return 0;
}
