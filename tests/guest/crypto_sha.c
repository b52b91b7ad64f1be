/* FEAT_SHA1, FEAT_SHA256, FEAT_SHA512: SHA-1, SHA-256 and SHA-512 digests
 * computed with SHA1C/P/M/H/SU0/SU1, SHA256H/H2/SU0/SU1 and
 * SHA512H/H2/SU0/SU1 only (message schedule and rounds), checked against
 * the FIPS 180-4 example digests ("abc", the two-block messages, the
 * empty string).  The round constants are FIPS 180-4's (fractional parts
 * of the cube and square roots of the first primes).  Same results under
 * qemu-aarch64 -cpu max with -DT_LINUX_TEST. */
// EXPECT-STDOUT: sha ok
#include "t.h"

typedef uint32_t u32x4 __attribute__((vector_size(16)));
typedef uint64_t u64x2 __attribute__((vector_size(16)));
#define ARCH ".arch armv8.5-a+sha2+sha3\n\t"

static const uint32_t k256[64] = {
	0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u,
	0x923f82a4u, 0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
	0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u,
	0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
	0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u,
	0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
	0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
	0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
	0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au,
	0x5b9cca4fu, 0x682e6ff3u, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
	0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};
static const uint32_t h256[8] = {
	0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu,
	0x1f83d9abu, 0x5be0cd19u,
};
static const uint64_t k512[80] = {
	0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
	0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
	0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
	0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
	0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
	0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
	0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
	0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
	0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
	0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
	0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
	0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
	0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
	0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
	0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
	0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
	0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
	0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
	0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
	0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};
static const uint64_t h512[8] = {
	0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
	0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

static const char msg2[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg4[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/* ---- instruction wrappers ---- */
#define SHA1HASH(name)                                                        \
	static u32x4 name(u32x4 abcd, uint32_t e, u32x4 wk)                  \
	{                                                                     \
		u32x4 ev = { e, 0, 0, 0 };                                    \
		__asm__(ARCH #name " %q0, %s1, %2.4s" : "+w"(abcd) : "w"(ev), "w"(wk)); \
		return abcd;                                                  \
	}
SHA1HASH(sha1c)
SHA1HASH(sha1p)
SHA1HASH(sha1m)

static uint32_t sha1h(uint32_t a)
{
	u32x4 v = { a, 0x11111111, 0x22222222, 0x33333333 }, r;
	__asm__(ARCH "sha1h %s0, %s1" : "=w"(r) : "w"(v));
	CHECK(r[1] == 0 && r[2] == 0 && r[3] == 0);
	return r[0];
}
static u32x4 sha1su0(u32x4 a, u32x4 b, u32x4 c)
{
	__asm__(ARCH "sha1su0 %0.4s, %1.4s, %2.4s" : "+w"(a) : "w"(b), "w"(c));
	return a;
}
static u32x4 sha1su1(u32x4 a, u32x4 b)
{
	__asm__(ARCH "sha1su1 %0.4s, %1.4s" : "+w"(a) : "w"(b));
	return a;
}
static u32x4 sha256h(u32x4 abcd, u32x4 efgh, u32x4 wk)
{
	__asm__(ARCH "sha256h %q0, %q1, %2.4s" : "+w"(abcd) : "w"(efgh), "w"(wk));
	return abcd;
}
static u32x4 sha256h2(u32x4 efgh, u32x4 abcd, u32x4 wk)
{
	__asm__(ARCH "sha256h2 %q0, %q1, %2.4s" : "+w"(efgh) : "w"(abcd), "w"(wk));
	return efgh;
}
static u32x4 sha256su0(u32x4 a, u32x4 b)
{
	__asm__(ARCH "sha256su0 %0.4s, %1.4s" : "+w"(a) : "w"(b));
	return a;
}
static u32x4 sha256su1(u32x4 a, u32x4 b, u32x4 c)
{
	__asm__(ARCH "sha256su1 %0.4s, %1.4s, %2.4s" : "+w"(a) : "w"(b), "w"(c));
	return a;
}
static u64x2 sha512h(u64x2 w, u64x2 x, u64x2 y)
{
	__asm__(ARCH "sha512h %q0, %q1, %2.2d" : "+w"(w) : "w"(x), "w"(y));
	return w;
}
static u64x2 sha512h2(u64x2 w, u64x2 x, u64x2 y)
{
	__asm__(ARCH "sha512h2 %q0, %q1, %2.2d" : "+w"(w) : "w"(x), "w"(y));
	return w;
}
static u64x2 sha512su0(u64x2 w, u64x2 x)
{
	__asm__(ARCH "sha512su0 %0.2d, %1.2d" : "+w"(w) : "w"(x));
	return w;
}
static u64x2 sha512su1(u64x2 w, u64x2 x, u64x2 y)
{
	__asm__(ARCH "sha512su1 %0.2d, %1.2d, %2.2d" : "+w"(w) : "w"(x), "w"(y));
	return w;
}

/* ---- padding: big-endian words of the padded message ---- */
static unsigned pad(const char *m, size_t len, uint8_t *out, unsigned blk)
{
	unsigned lenfield = blk / 8, total = (unsigned)((len + 1 + lenfield + blk - 1) / blk * blk);
	memset(out, 0, total);
	memcpy(out, m, len);
	out[len] = 0x80;
	uint64_t bitlen = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		out[total - 1 - i] = (uint8_t)(bitlen >> (8 * i));
	return total / blk;
}
static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static void hex(char *out, const void *words, unsigned n, unsigned wsize)
{
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		uint64_t w = wsize == 4 ? ((const uint32_t *)words)[i] : ((const uint64_t *)words)[i];
		for (unsigned b = 0; b < 2 * wsize; b++)
			*out++ = digits[(w >> (8 * wsize - 4 - 4 * b)) & 15];
	}
	*out = 0;
}

/* ---- SHA-1 ---- */
static void sha1(const char *m, char *digest)
{
	static const uint32_t k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
	static uint8_t buf[256];
	unsigned nblk = pad(m, strlen(m), buf, 64);
	u32x4 abcd = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
	uint32_t e = 0xc3d2e1f0;
	for (unsigned b = 0; b < nblk; b++) {
		u32x4 w[20];
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 4; j++)
				w[i][j] = be32(buf + 64 * b + 16 * i + 4 * j);
		for (int i = 4; i < 20; i++)
			w[i] = sha1su1(sha1su0(w[i - 4], w[i - 3], w[i - 2]), w[i - 1]);
		u32x4 abcd0 = abcd;
		uint32_t e0 = e;
		for (int i = 0; i < 20; i++) {
			u32x4 kv = { k[i / 5], k[i / 5], k[i / 5], k[i / 5] };
			u32x4 wk = w[i] + kv;
			uint32_t enext = sha1h(abcd[0]);
			if (i < 5)
				abcd = sha1c(abcd, e, wk);
			else if (i < 10 || i >= 15)
				abcd = sha1p(abcd, e, wk);
			else
				abcd = sha1m(abcd, e, wk);
			e = enext;
		}
		abcd += abcd0;
		e += e0;
	}
	uint32_t h[5] = { abcd[0], abcd[1], abcd[2], abcd[3], e };
	hex(digest, h, 5, 4);
}

/* ---- SHA-256 ---- */
static void sha256(const char *m, char *digest)
{
	static uint8_t buf[256];
	unsigned nblk = pad(m, strlen(m), buf, 64);
	u32x4 abcd = { h256[0], h256[1], h256[2], h256[3] };
	u32x4 efgh = { h256[4], h256[5], h256[6], h256[7] };
	for (unsigned b = 0; b < nblk; b++) {
		u32x4 w[16];
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 4; j++)
				w[i][j] = be32(buf + 64 * b + 16 * i + 4 * j);
		for (int i = 4; i < 16; i++)
			w[i] = sha256su1(sha256su0(w[i - 4], w[i - 3]), w[i - 2], w[i - 1]);
		u32x4 a0 = abcd, e0 = efgh;
		for (int i = 0; i < 16; i++) {
			u32x4 kv = { k256[4 * i], k256[4 * i + 1], k256[4 * i + 2], k256[4 * i + 3] };
			u32x4 wk = w[i] + kv, prev = abcd;
			abcd = sha256h(abcd, efgh, wk);
			efgh = sha256h2(efgh, prev, wk);
		}
		abcd += a0;
		efgh += e0;
	}
	uint32_t h[8];
	for (int i = 0; i < 4; i++) {
		h[i] = abcd[i];
		h[4 + i] = efgh[i];
	}
	hex(digest, h, 8, 4);
}

/* ---- SHA-512: two rounds per SHA512H/SHA512H2 pair; the state lives in
 * scalars a..h and each pair gets its operands as the instructions define
 * them (SHA512H: Vd = {g + K1 + W1, h + K0 + W0}, Vn = {f, g},
 * Vm = {d, e}; SHA512H2: Vd = SHA512H's result, Vn = {c, -}, Vm = {a, b}). */
static void sha512(const char *m, char *digest)
{
	static uint8_t buf[512];
	unsigned nblk = pad(m, strlen(m), buf, 128);
	uint64_t s[8];
	memcpy(s, h512, sizeof(s));
	for (unsigned b = 0; b < nblk; b++) {
		u64x2 w[40];
		for (int i = 0; i < 8; i++) {
			w[i][0] = be64(buf + 128 * b + 16 * i);
			w[i][1] = be64(buf + 128 * b + 16 * i + 8);
		}
		/* W[t+16, t+17] from W[t, t+1], W[t+2, t+3], W[t+9, t+10],
		 * W[t+14, t+15]. */
		for (int i = 8; i < 40; i++) {
			u64x2 w9 = { w[i - 4][1], w[i - 3][0] };
			w[i] = sha512su1(sha512su0(w[i - 8], w[i - 7]), w[i - 1], w9);
		}
		uint64_t a = s[0], bb = s[1], c = s[2], d = s[3];
		uint64_t e = s[4], f = s[5], g = s[6], h = s[7];
		for (int i = 0; i < 40; i++) {
			u64x2 wk = { g + k512[2 * i + 1] + w[i][1], h + k512[2 * i] + w[i][0] };
			u64x2 fg = { f, g }, de = { d, e };
			u64x2 t1 = sha512h(wk, fg, de); /* {T1 round 2, T1 round 1} */
			u64x2 cx = { c, 0x5555 }, ab = { a, bb };
			u64x2 na = sha512h2(t1, cx, ab); /* {a'', a'} */
			uint64_t e1 = d + t1[1], e2 = c + t1[0];
			h = f; g = e; f = e1; e = e2;
			d = bb; c = a; bb = na[1]; a = na[0];
		}
		s[0] += a; s[1] += bb; s[2] += c; s[3] += d;
		s[4] += e; s[5] += f; s[6] += g; s[7] += h;
	}
	hex(digest, s, 8, 8);
}

static void expect(const char *what, const char *got, const char *want)
{
	t_printf("%s: %s\n", what, got);
	if (strcmp(got, want) != 0) {
		t_printf("  want %s\n", want);
		CHECK(!"digest mismatch");
	}
}

int main(int argc, char **argv, char **envp)
{
	char d[130];
	sha1("abc", d);
	expect("sha1 abc", d, "a9993e364706816aba3e25717850c26c9cd0d89d");
	sha1(msg2, d);
	expect("sha1 msg2", d, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	sha1("", d);
	expect("sha1 empty", d, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	sha256("abc", d);
	expect("sha256 abc", d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256(msg2, d);
	expect("sha256 msg2", d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	sha256("", d);
	expect("sha256 empty", d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha512("abc", d);
	expect("sha512 abc", d, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
				"2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
	sha512(msg4, d);
	expect("sha512 msg4", d, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
				 "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
	sha512("", d);
	expect("sha512 empty", d, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
				  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
	if (t_failures == 0)
		t_printf("sha ok\n");
	return 0;
}
