/* Cryptographic extension instructions (ARM ARM C4.1.95 "Cryptographic
 * AES", "two-register SHA", "three-register SHA", "SHA512", "four
 * register", XAR): FEAT_AES (AESE, AESD, AESMC, AESIMC; 64-bit PMULL is
 * in simd_3diff.c), FEAT_SHA1, FEAT_SHA256, FEAT_SHA512 and FEAT_SHA3
 * (EOR3, RAX1, XAR, BCAX).  The SM3/SM4 encodings of the same classes are
 * not implemented (and not advertised): UNDEF.
 *
 * The semantics are the ARM ARM pseudo-code's; the AES tables are built
 * from their FIPS-197 definitions (S-box = affine map of the GF(2^8)
 * inverse) when the program starts.  Every instruction writes the whole
 * 128-bit register (SHA1H: the 32-bit result, zero-extended). */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define V(i) cpu->v[op->i]

/* ---- AES ---- */

static uint8_t sbox[256], inv_sbox[256];
/* gf_mul[k][x] = x * {2, 3, 9, 11, 13, 14}[k] in GF(2^8) */
static uint8_t gf_mul[6][256];

static uint8_t gmul(uint8_t a, uint8_t b)
{
	uint8_t r = 0;
	while (b) {
		if (b & 1)
			r ^= a;
		a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
		b >>= 1;
	}
	return r;
}

static uint8_t rol8(uint8_t x, int n)
{
	return (uint8_t)((x << n) | (x >> (8 - n)));
}

__attribute__((constructor)) static void aes_tables(void)
{
	for (int x = 0; x < 256; x++) {
		uint8_t inv = 0;
		for (int y = 1; x && y < 256; y++)
			if (gmul((uint8_t)x, (uint8_t)y) == 1) {
				inv = (uint8_t)y;
				break;
			}
		uint8_t s = inv ^ rol8(inv, 1) ^ rol8(inv, 2) ^ rol8(inv, 3) ^ rol8(inv, 4) ^ 0x63;
		sbox[x] = s;
		inv_sbox[s] = (uint8_t)x;
		static const uint8_t k[6] = { 2, 3, 9, 11, 13, 14 };
		for (int i = 0; i < 6; i++)
			gf_mul[i][x] = gmul((uint8_t)x, k[i]);
	}
}

/* The state is column-major: byte 4*c + r is row r, column c.  ShiftRows
 * rotates row r left by r columns; the inverse rotates it right. */
static void aes_shift(uint8_t out[16], const uint8_t in[16], int inverse)
{
	for (int c = 0; c < 4; c++)
		for (int r = 0; r < 4; r++) {
			int src = inverse ? (c - r + 4) & 3 : (c + r) & 3;
			out[4 * c + r] = in[4 * src + r];
		}
}

enum { M2, M3, M9, M11, M13, M14 };

/* MixColumns: each column times the circulant {2 3 1 1}; the inverse
 * times {14 11 13 9}. */
static void aes_mix(uint8_t out[16], const uint8_t in[16], int inverse)
{
	for (int c = 0; c < 4; c++) {
		const uint8_t *a = in + 4 * c;
		uint8_t *o = out + 4 * c;
		for (int r = 0; r < 4; r++) {
			uint8_t a0 = a[r], a1 = a[(r + 1) & 3], a2 = a[(r + 2) & 3], a3 = a[(r + 3) & 3];
			if (inverse)
				o[r] = gf_mul[M14][a0] ^ gf_mul[M11][a1] ^ gf_mul[M13][a2] ^ gf_mul[M9][a3];
			else
				o[r] = gf_mul[M2][a0] ^ gf_mul[M3][a1] ^ a2 ^ a3;
		}
	}
}

/* AESE: AddRoundKey, ShiftRows, SubBytes (f = 0); AESD: AddRoundKey,
 * InvShiftRows, InvSubBytes (f = 1). */
H(op_aes_round)
{
	union a64_vreg t, r;
	t.q = V(d).q ^ V(n).q;
	aes_shift(r.b, t.b, op->f);
	const uint8_t *s = op->f ? inv_sbox : sbox;
	for (int i = 0; i < 16; i++)
		r.b[i] = s[r.b[i]];
	V(d) = r;
	NEXT(op + 1);
}

/* AESMC (f = 0), AESIMC (f = 1). */
H(op_aes_mix)
{
	union a64_vreg r;
	aes_mix(r.b, V(n).b, op->f);
	V(d) = r;
	NEXT(op + 1);
}

/* The same four operations on the host's AES-NI, when it has it.  Both
 * architectures number the state bytes as FIPS-197 does (byte i = row
 * i % 4, column i / 4), so vector registers map to xmm unchanged:
 * AESE = AESENCLAST(d ^ n, 0), AESD = AESDECLAST(d ^ n, 0), AESIMC =
 * AESIMC, and AESMC = AESENC(AESDECLAST(n, 0), 0) (the inverse and forward
 * ShiftRows/SubBytes cancel, leaving MixColumns). */
typedef long long aes_v2di __attribute__((vector_size(16)));
static int have_aesni = -1;

static inline aes_v2di aes_ld(const union a64_vreg *v)
{
	aes_v2di x;
	memcpy(&x, v, 16);
	return x;
}
static inline void aes_st(union a64_vreg *v, aes_v2di x)
{
	memcpy(v, &x, 16);
}
H(op_aese_ni)
{
	aes_v2di x = aes_ld(&V(d)) ^ aes_ld(&V(n)), z = { 0, 0 };
	__asm__("aesenclast %1, %0" : "+x"(x) : "x"(z));
	aes_st(&V(d), x);
	NEXT(op + 1);
}
H(op_aesd_ni)
{
	aes_v2di x = aes_ld(&V(d)) ^ aes_ld(&V(n)), z = { 0, 0 };
	__asm__("aesdeclast %1, %0" : "+x"(x) : "x"(z));
	aes_st(&V(d), x);
	NEXT(op + 1);
}
H(op_aesmc_ni)
{
	aes_v2di x = aes_ld(&V(n)), z = { 0, 0 };
	__asm__("aesdeclast %1, %0\n\taesenc %1, %0" : "+x"(x) : "x"(z));
	aes_st(&V(d), x);
	NEXT(op + 1);
}
H(op_aesimc_ni)
{
	aes_v2di x = aes_ld(&V(n));
	__asm__("aesimc %0, %0" : "+x"(x));
	aes_st(&V(d), x);
	NEXT(op + 1);
}

/* ---- SHA-1 and SHA-256 ---- */

static inline uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint64_t ror64(uint64_t x, int n) { return n ? (x >> n) | (x << (64 - n)) : x; }

static inline uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static inline uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
static inline uint32_t sha_major(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }

/* SHA1C/SHA1P/SHA1M Qd, Sn, Vm.4S: four rounds; c = 0 choose, 1 parity,
 * 2 majority.  X = Qd (a, b, c, d in lanes 0..3), Y = e. */
H(op_sha1_hash)
{
	uint32_t x[4], y = V(n).s[0];
	union a64_vreg w = V(m);
	memcpy(x, V(d).s, sizeof(x));
	for (int e = 0; e < 4; e++) {
		uint32_t t;
		switch (op->c) {
		case 0: t = sha_choose(x[1], x[2], x[3]); break;
		case 1: t = sha_parity(x[1], x[2], x[3]); break;
		default: t = sha_major(x[1], x[2], x[3]); break;
		}
		y = y + rol32(x[0], 5) + t + w.s[e];
		x[1] = rol32(x[1], 30);
		/* <Y, X> = ROL(Y:X, 32) */
		uint32_t top = x[3];
		x[3] = x[2];
		x[2] = x[1];
		x[1] = x[0];
		x[0] = y;
		y = top;
	}
	memcpy(V(d).s, x, sizeof(x));
	NEXT(op + 1);
}

H(op_sha1h)
{
	uint32_t v = rol32(V(n).s[0], 30);
	V(d).q = 0;
	V(d).s[0] = v;
	NEXT(op + 1);
}

H(op_sha1su0)
{
	union a64_vreg a = V(d), b = V(n), c = V(m), r;
	r.d[0] = a.d[1] ^ a.d[0] ^ c.d[0];
	r.d[1] = b.d[0] ^ a.d[1] ^ c.d[1];
	V(d) = r;
	NEXT(op + 1);
}

H(op_sha1su1)
{
	union a64_vreg x = V(d), y = V(n), t, r;
	t.q = x.q ^ (y.q >> 32);
	r.s[0] = rol32(t.s[0], 1);
	r.s[1] = rol32(t.s[1], 1);
	r.s[2] = rol32(t.s[2], 1);
	r.s[3] = rol32(t.s[3], 1) ^ rol32(t.s[0], 2);
	V(d) = r;
	NEXT(op + 1);
}

/* SHA256H (f = 0): X = Qd, Y = Qn, result X; SHA256H2 (f = 1): X = Qn,
 * Y = Qd, result Y.  X = a..d, Y = e..h (lane 0 first). */
H(op_sha256_hash)
{
	uint32_t x[4], y[4];
	union a64_vreg w = V(m);
	memcpy(x, op->f ? V(n).s : V(d).s, sizeof(x));
	memcpy(y, op->f ? V(d).s : V(n).s, sizeof(y));
	for (int e = 0; e < 4; e++) {
		uint32_t chs = sha_choose(y[0], y[1], y[2]);
		uint32_t maj = sha_major(x[0], x[1], x[2]);
		uint32_t s1 = ror32(y[0], 6) ^ ror32(y[0], 11) ^ ror32(y[0], 25);
		uint32_t s0 = ror32(x[0], 2) ^ ror32(x[0], 13) ^ ror32(x[0], 22);
		uint32_t t = y[3] + s1 + chs + w.s[e];
		x[3] = t + x[3];
		y[3] = t + s0 + maj;
		/* <Y, X> = ROL(Y:X, 32) */
		uint32_t xt = x[3], yt = y[3];
		x[3] = x[2]; x[2] = x[1]; x[1] = x[0]; x[0] = yt;
		y[3] = y[2]; y[2] = y[1]; y[1] = y[0]; y[0] = xt;
	}
	memcpy(V(d).s, op->f ? y : x, sizeof(x));
	NEXT(op + 1);
}

H(op_sha256su0)
{
	union a64_vreg a = V(d), b = V(n), t, r;
	t.q = (a.q >> 32) | ((unsigned __int128)b.s[0] << 96);
	for (int e = 0; e < 4; e++) {
		uint32_t v = t.s[e];
		r.s[e] = (ror32(v, 7) ^ ror32(v, 18) ^ (v >> 3)) + a.s[e];
	}
	V(d) = r;
	NEXT(op + 1);
}

static inline uint32_t sha256_s1(uint32_t v)
{
	return ror32(v, 17) ^ ror32(v, 19) ^ (v >> 10);
}

H(op_sha256su1)
{
	union a64_vreg a = V(d), b = V(n), c = V(m), t0, r;
	t0.q = (b.q >> 32) | ((unsigned __int128)c.s[0] << 96);
	r.s[0] = sha256_s1(c.s[2]) + a.s[0] + t0.s[0];
	r.s[1] = sha256_s1(c.s[3]) + a.s[1] + t0.s[1];
	r.s[2] = sha256_s1(r.s[0]) + a.s[2] + t0.s[2];
	r.s[3] = sha256_s1(r.s[1]) + a.s[3] + t0.s[3];
	V(d) = r;
	NEXT(op + 1);
}

/* ---- SHA-512 ---- */

static inline uint64_t sig1_big(uint64_t v) { return ror64(v, 14) ^ ror64(v, 18) ^ ror64(v, 41); }
static inline uint64_t sig0_big(uint64_t v) { return ror64(v, 28) ^ ror64(v, 34) ^ ror64(v, 39); }

H(op_sha512h)
{
	union a64_vreg x = V(n), y = V(m), w = V(d), r;
	uint64_t hi = (y.d[1] & x.d[0]) ^ (~y.d[1] & x.d[1]);
	hi = hi + sig1_big(y.d[1]) + w.d[1];
	uint64_t tmp = hi + y.d[0];
	uint64_t lo = (tmp & y.d[1]) ^ (~tmp & x.d[0]);
	lo = lo + sig1_big(tmp) + w.d[0];
	r.d[0] = lo;
	r.d[1] = hi;
	V(d) = r;
	NEXT(op + 1);
}

H(op_sha512h2)
{
	union a64_vreg x = V(n), y = V(m), w = V(d), r;
	uint64_t hi = (x.d[0] & y.d[1]) ^ (x.d[0] & y.d[0]) ^ (y.d[1] & y.d[0]);
	hi = hi + sig0_big(y.d[0]) + w.d[1];
	uint64_t lo = (hi & y.d[0]) ^ (hi & y.d[1]) ^ (y.d[1] & y.d[0]);
	lo = lo + sig0_big(hi) + w.d[0];
	r.d[0] = lo;
	r.d[1] = hi;
	V(d) = r;
	NEXT(op + 1);
}

static inline uint64_t sha512_s0(uint64_t v) { return ror64(v, 1) ^ ror64(v, 8) ^ (v >> 7); }
static inline uint64_t sha512_s1(uint64_t v) { return ror64(v, 19) ^ ror64(v, 61) ^ (v >> 6); }

H(op_sha512su0)
{
	union a64_vreg x = V(n), w = V(d), r;
	r.d[0] = w.d[0] + sha512_s0(w.d[1]);
	r.d[1] = w.d[1] + sha512_s0(x.d[0]);
	V(d) = r;
	NEXT(op + 1);
}

H(op_sha512su1)
{
	union a64_vreg x = V(n), y = V(m), w = V(d), r;
	r.d[1] = w.d[1] + sha512_s1(x.d[1]) + y.d[1];
	r.d[0] = w.d[0] + sha512_s1(x.d[0]) + y.d[0];
	V(d) = r;
	NEXT(op + 1);
}

/* ---- SHA3 ---- */

H(op_eor3) { V(d).q = V(n).q ^ V(m).q ^ V(a).q; NEXT(op + 1); }
H(op_bcax) { V(d).q = V(n).q ^ (V(m).q & ~V(a).q); NEXT(op + 1); }
H(op_rax1)
{
	union a64_vreg r;
	for (int i = 0; i < 2; i++)
		r.d[i] = V(n).d[i] ^ ror64(V(m).d[i], 63);
	V(d) = r;
	NEXT(op + 1);
}
/* XAR: sh = rotate right amount */
H(op_xar)
{
	union a64_vreg r;
	for (int i = 0; i < 2; i++)
		r.d[i] = ror64(V(n).d[i] ^ V(m).d[i], op->sh);
	V(d) = r;
	NEXT(op + 1);
}

/* ---- decoder ---- */

int a64_crypto_class(uint32_t insn)
{
	return (insn & 0xff3e0c00) == 0x4e280800 || /* AES */
	       (insn & 0xff208c00) == 0x5e000000 || /* three-register SHA */
	       (insn & 0xff3e0c00) == 0x5e280800 || /* two-register SHA */
	       (insn & 0xffe0b000) == 0xce608000 || /* SHA512 three-register */
	       (insn & 0xfffff000) == 0xcec08000 || /* SHA512 two-register */
	       (insn & 0xff808000) == 0xce000000 || /* four-register */
	       (insn & 0xffe00000) == 0xce800000;   /* XAR */
}

static void regs(struct a64_op *op, uint32_t insn)
{
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	op->a = (uint8_t)bits(insn, 14, 10);
}

int a64_decode_crypto(struct a64_op *op, uint32_t insn)
{
	regs(op, insn);
	if ((insn & 0xff3e0c00) == 0x4e280800) {
		if (bits(insn, 23, 22))
			return undef(op);
		unsigned opc = bits(insn, 16, 12);
		if (opc < 4 || opc > 7)
			return undef(op);
		op->f = (uint8_t)(opc & 1);
		if (have_aesni < 0)
			have_aesni = __builtin_cpu_supports("aes") ? 1 : 0;
		if (have_aesni) {
			static const a64_fn ni[4] = { op_aese_ni, op_aesd_ni, op_aesmc_ni, op_aesimc_ni };
			op->fn = ni[opc - 4];
		} else {
			op->fn = opc < 6 ? op_aes_round : op_aes_mix;
		}
		return 0;
	}
	if ((insn & 0xff208c00) == 0x5e000000) {
		if (bits(insn, 23, 22))
			return undef(op);
		unsigned opc = bits(insn, 14, 12);
		switch (opc) {
		case 0: case 1: case 2: op->c = (uint8_t)opc; op->fn = op_sha1_hash; return 0;
		case 3: op->fn = op_sha1su0; return 0;
		case 4: case 5: op->f = (uint8_t)(opc & 1); op->fn = op_sha256_hash; return 0;
		case 6: op->fn = op_sha256su1; return 0;
		}
		return undef(op);
	}
	if ((insn & 0xff3e0c00) == 0x5e280800) {
		if (bits(insn, 23, 22))
			return undef(op);
		switch (bits(insn, 16, 12)) {
		case 0: op->fn = op_sha1h; return 0;
		case 1: op->fn = op_sha1su1; return 0;
		case 2: op->fn = op_sha256su0; return 0;
		}
		return undef(op);
	}
	if ((insn & 0xffe0b000) == 0xce608000) {
		if (bits(insn, 14, 14))
			return undef(op); /* SM3PARTW1/2, SM4EKEY */
		static const a64_fn fns[4] = { op_sha512h, op_sha512h2, op_sha512su1, op_rax1 };
		op->fn = fns[bits(insn, 11, 10)];
		return 0;
	}
	if ((insn & 0xfffff000) == 0xcec08000) {
		if (bits(insn, 11, 10))
			return undef(op); /* SM4E */
		op->fn = op_sha512su0;
		return 0;
	}
	if ((insn & 0xff808000) == 0xce000000) {
		switch (bits(insn, 22, 21)) {
		case 0: op->fn = op_eor3; return 0;
		case 1: op->fn = op_bcax; return 0;
		}
		return undef(op); /* SM3SS1 */
	}
	if ((insn & 0xffe00000) == 0xce800000) {
		op->sh = (uint8_t)bits(insn, 15, 10);
		op->fn = op_xar;
		return 0;
	}
	return undef(op);
}
