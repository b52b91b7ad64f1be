/* Host-side tests of the AArch64 core.
 *
 * Build (from the repository root, after `make`):
 *   gcc -std=gnu11 -O2 -Isrc -D_GNU_SOURCE tests/unit/test_a64.c \
 *       $(find build/obj -name '*.o' ! -name main.o) -o build/tests/test_a64 -lpthread
 * (it needs only src/cpu/aarch64, src/mem, src/host and src/log.c).
 * Needs clang, llvm-objcopy and llvm-nm (the -14 suffixed names also work).
 * Run from the repository root:
 *   build/tests/test_a64            all tests, one PASS/FAIL line each
 *   build/tests/test_a64 --bench    guest instructions per second
 *   A64_ASM_DIR=dir                 where the tests/cpu .S files are
 *
 * The instruction words come from the assembler: every .S file in tests/cpu is
 * assembled at start-up with clang --target=aarch64-unknown-freebsd14.0,
 * its .text extracted with llvm-objcopy and its labels read with llvm-nm.
 * Each test sets registers/memory, runs from a label until BRK #0 (or the
 * exit under test) and checks registers, flags and memory against values
 * derived from the architecture manual. */
#include "a64_harness.h"

#define A 0x0123456789abcdefull
#define B 0xfedcba9876543210ull

/* ---- data processing, immediate ---- */
static void test_dp_imm(void)
{
	start("add_imm", "t_add_imm");
	X(1) = 5; X(4) = 0xffffffff;
	run_brk();
	EQ(X(0), 4100); EQ(X(2), 0xfff005); EQ(X(3), 0);
	end();

	start("adds_imm_overflow", "t_adds_ovf");
	X(1) = 0x7fffffffffffffffull;
	run_brk();
	EQ(X(0), 0x8000000000000000ull); EQ(NZCV, 0x90000000);
	end();

	start("adds_imm_carry", "t_adds_carry");
	X(1) = ~0ull;
	run_brk();
	EQ(X(0), 0); EQ(NZCV, 0x60000000);
	end();

	start("adds_imm_w", "t_adds_w");
	X(1) = 0xffffffff7fffffffull;
	run_brk();
	EQ(X(0), 0x80000000); EQ(NZCV, 0x90000000);
	end();

	start("subs_imm_w_borrow", "t_subs_w");
	run_brk();
	EQ(X(0), 0xffffffff); EQ(NZCV, 0x80000000);
	end();

	start("cmp_imm_eq", "t_cmp_eq");
	X(1) = 42;
	run_brk();
	EQ(NZCV, 0x60000000);
	end();

	start("cmn_imm", "t_cmn");
	X(1) = ~0ull;
	run_brk();
	EQ(NZCV, 0x60000000);
	end();

	start("add_sub_imm_sp", "t_sp_imm");
	run_brk();
	EQ(SP, STACK_TOP - 16); EQ(X(0), STACK_TOP - 16); EQ(X(1), STACK_TOP - 8);
	end();

	start("adr_adrp", "t_adr");
	run_brk();
	EQ(X(0), sym("t_adr")); EQ(X(1), sym("t_adr") + 12); EQ(X(2), sym("t_adr") & ~0xfffull);
	end();

	start("logical_imm", "t_logic_imm");
	X(1) = A;
	run_brk();
	EQ(X(0), 0x010045008900cd00ull); EQ(X(2), 0x55555555); EQ(X(3), A ^ 1);
	EQ(X(4), 0x8000000000000001ull); EQ(X(5), 0x89abcdee); EQ(X(6), 0xfedcba9876543211ull);
	end();

	start("ands_imm_flags", "t_ands_imm");
	X(1) = 0x8000000000000001ull;
	a64_set_nzcv(&cpu, 0x30000000);
	run_brk();
	EQ(X(0), 0x8000000000000000ull); EQ(NZCV, 0x80000000);
	end();

	start("tst_imm_w", "t_tst_w");
	X(1) = 0xffffffff7fffffffull;
	run_brk();
	EQ(NZCV, 0x40000000);
	end();

	start("orr_imm_to_sp", "t_orr_sp");
	run_brk();
	EQ(X(0), 0x3ff000); EQ(SP, STACK_TOP);
	end();

	start("move_wide", "t_movw");
	X(3) = ~0ull; X(6) = ~0ull;
	run_brk();
	EQ(X(0), 0xffff000000000000ull); EQ(X(1), ~0ull); EQ(X(2), 0xffffffff);
	EQ(X(3), 0xffffffff1234ffffull); EQ(X(4), 0xffff0000); EQ(X(5), 0xffffedcbffffffffull);
	EQ(X(6), 0xffffabcd); EQ(X(7), 0xfffffffffffffffeull);
	end();

	start("bitfield", "t_bitfield");
	X(1) = 0x9234567887654381ull; X(6) = ~0ull;
	run_brk();
	EQ(X(0), 0x8000000000000000ull); EQ(X(2), 0x491a2b3c43b2a1c0ull); EQ(X(3), ~0ull);
	EQ(X(4), 0x43); EQ(X(5), 0x38); EQ(X(6), 0xfffffffffffff81full); EQ(X(7), 9);
	EQ(X(8), 0xffffffffffffff81ull); EQ(X(9), 0x4381); EQ(X(10), 0xffffffff87654381ull);
	EQ(X(11), 0x81); EQ(X(12), 0x4381); EQ(X(13), 0x80000000); EQ(X(14), 0xffffffff);
	EQ(X(15), 1); EQ(X(16), 0x1000000000000000ull); EQ(X(17), 0x10000000);
	EQ(X(18), 0x9234567887654381ull);
	end();

	start("sbfx_negative", "t_bitfield");
	X(1) = 0x0000000000000f80ull;
	run_brk();
	EQ(X(5), 0xfffffffffffffff8ull); /* bits 11:4 = 0xf8 */
	EQ(X(3), 0); EQ(X(14), 0);
	end();

	start("extr_ror", "t_extr");
	X(1) = A; X(2) = B;
	run_brk();
	EQ(X(0), 0xffedcba987654321ull); EQ(X(3), 0xef0123456789abcdull); EQ(X(4), 0x13579bde);
	EQ(X(5), B); EQ(X(6), 0xf89abcde);
	end();
}

/* ---- data processing, register ---- */
static void test_dp_reg(void)
{
	start("add_sub_shifted", "t_add_sh");
	X(1) = A; X(2) = B;
	run_brk();
	EQ(X(0), A); /* B << 63 = 0 (bit 0 of B is 0) */
	EQ(X(3), 0x8091a2b3c4d5e6f7ull); EQ(X(4), A + 1); EQ(X(5), 0x89abcdef);
	EQ(X(6), 0x02468acf13579bdfull); EQ(X(7), ~0ull); EQ(X(8), 0x0123456789abcdf0ull);
	end();

	start("adds_reg_flags", "t_adds_reg");
	X(1) = 0x8000000000000000ull; X(2) = 0x8000000000000000ull;
	run_brk();
	EQ(X(0), 0); EQ(NZCV, 0x70000000); /* Z C V */
	end();

	start("subs_reg_flags", "t_subs_reg");
	X(1) = 0x8000000000000000ull; X(2) = 1;
	run_brk();
	EQ(X(0), 0x7fffffffffffffffull); EQ(NZCV, 0x30000000); /* C V */
	end();

	start("subs_w_shifted", "t_subs_w_reg");
	X(1) = 4; X(2) = 0x80000002;
	run_brk();
	EQ(X(0), 0); EQ(NZCV, 0x60000000); /* (w2 << 1) = 4 */
	end();

	start("cmp_reg_lt", "t_cmp_reg");
	X(1) = 1; X(2) = 2;
	run_brk();
	EQ(NZCV, 0x80000000);
	end();

	start("add_extended", "t_add_ext");
	X(1) = 0xfffffffffffff0ffull; X(3) = 0x1000;
	run_brk();
	EQ(X(0), STACK_TOP + 4ull * 0xfffff0ff);
	EQ(X(2), 0x1000 - 0xf01); EQ(X(4), 0x1000 + 16); EQ(X(5), 0x1000 + 0xf0ff);
	EQ(X(6), 0x1000 - 0xf01); EQ(X(7), 0x1000 - 0x1e02); EQ(X(8), 0x10ff);
	EQ(X(9), STACK_TOP + 0xf01); EQ(SP, STACK_TOP);
	end();

	start("adc_sbc", "t_adc");
	X(1) = ~0ull; X(2) = 1; X(4) = 10; X(5) = 3;
	run_brk();
	EQ(X(0), 0); EQ(X(3), 14); EQ(X(6), 0xffffffffffffffffull); EQ(X(7), 7); /* C=1 from adcs */
	EQ(NZCV, 0xa0000000); /* adcs ~0 + ~0 + 1: N C */
	end();

	start("sbcs_borrow", "t_sbcs");
	X(1) = 5; X(2) = 5; /* C clear: 5 - 5 - 1 = -1 */
	run_brk();
	EQ(X(0), ~0ull); EQ(NZCV, 0x80000000);
	end();

	start("adcs_w_overflow", "t_adcs_w");
	X(1) = 0x7fffffff; X(2) = 0; a64_set_nzcv(&cpu, 0x20000000);
	run_brk();
	EQ(X(0), 0x80000000); EQ(NZCV, 0x90000000);
	end();

	start("logical_shifted", "t_logic_reg");
	X(1) = A; X(2) = B;
	run_brk();
	EQ(X(0), A & B); EQ(X(3), A | (B << 4)); EQ(X(4), A ^ ((B >> 4) | (B << 60)));
	EQ(X(5), A & ~B); EQ(X(6), ~B); EQ(X(7), ~(A ^ B)); EQ(X(8), B); EQ(X(9), 0x76543210);
	EQ(X(10), 0x89abcdef | 0x07654321); EQ(X(11), 0x89abcdef);
	end();

	start("ands_reg_flags", "t_ands_reg");
	X(1) = A; X(2) = B; a64_set_nzcv(&cpu, 0xf0000000);
	run_brk();
	EQ(X(0), 0); EQ(NZCV, 0x40000000); /* A & B == 0 */
	end();

	start("bics_w_zero", "t_bics_w");
	X(1) = 0xf0; X(2) = 0xff;
	run_brk();
	EQ(X(0), 0); EQ(NZCV, 0x40000000);
	end();

	start("variable_shifts", "t_shiftv");
	X(1) = 0x8000000000000001ull; X(2) = 65; /* amounts mod 64 / mod 32 = 1 */
	run_brk();
	EQ(X(0), 2); EQ(X(3), 0x4000000000000000ull); EQ(X(4), 0xc000000000000000ull);
	EQ(X(5), 0xc000000000000000ull); EQ(X(6), 2); EQ(X(7), 0); EQ(X(8), 0); EQ(X(9), 0x80000000);
	end();

	start("variable_shifts_max", "t_shiftv");
	X(1) = 0x80000000ffffffffull; X(2) = 63;
	run_brk();
	EQ(X(0), 0x8000000000000000ull); EQ(X(3), 1); EQ(X(4), ~0ull); EQ(X(5), 0x00000001ffffffffull);
	EQ(X(6), 0x80000000); EQ(X(7), 1); EQ(X(8), 0xffffffff); EQ(X(9), 0xffffffff);
	end();

	start("one_source", "t_1src");
	X(1) = A;
	run_brk();
	EQ(X(0), 0xf7b3d591e6a2c480ull); EQ(X(2), 0xf7b3d591); EQ(X(3), 0xefcdab8967452301ull);
	EQ(X(4), 0xefcdab89); EQ(X(5), 0x23016745ab89efcdull); EQ(X(6), 0x67452301efcdab89ull);
	EQ(X(7), 7); EQ(X(8), 0); EQ(X(9), 6); EQ(X(10), 0); EQ(X(11), 64); EQ(X(12), 63);
	EQ(X(13), 0xab89efcd);
	end();

	start("cls_negative", "t_1src");
	X(1) = 0xfff0000000000000ull;
	run_brk();
	EQ(X(9), 11); EQ(X(10), 31); EQ(X(8), 32);
	end();

	start("crc32", "t_crc");
	X(1) = 0x12345678; X(2) = A;
	run_brk();
	EQ(X(0), 0x6e7932b1); EQ(X(3), 0x59dd4425); EQ(X(4), 0x40d55215); EQ(X(5), 0x9b62eadf);
	EQ(X(6), 0x4670acaa); EQ(X(7), 0xa3d207be);
	end();
}

static void test_muldiv(void)
{
	start("multiply", "t_mul");
	X(1) = 0xfffffffffffffffeull; X(2) = 3; X(4) = 100; /* x1 = -2 */
	run_brk();
	EQ(X(0), (uint64_t)-6); EQ(X(3), 94); EQ(X(5), 106); EQ(X(6), 0xfffffffa);
	EQ(X(7), (uint64_t)-6); EQ(X(8), 0x2fffffffa); EQ(X(9), ~0ull); EQ(X(10), 2);
	EQ(X(11), 106); EQ(X(12), 0x2fffffffa + 100); EQ(X(13), 6);
	end();

	start("umulh_smulh_big", "t_mul");
	X(1) = 0x8000000000000000ull; X(2) = 0x8000000000000000ull;
	run_brk();
	EQ(X(9), 0x4000000000000000ull); EQ(X(10), 0x4000000000000000ull); EQ(X(0), 0);
	end();

	start("divide", "t_div");
	X(1) = (uint64_t)-7; X(2) = 2;
	run_brk();
	EQ(X(0), 0x7ffffffffffffffcull); EQ(X(3), (uint64_t)-3); EQ(X(4), 0x7ffffffc);
	EQ(X(5), 0xfffffffd);
	end();

	start("divide_by_zero", "t_div");
	X(1) = 1234; X(2) = 0;
	run_brk();
	EQ(X(0), 0); EQ(X(3), 0); EQ(X(4), 0); EQ(X(5), 0);
	end();

	start("divide_int_min_by_minus1", "t_div");
	X(1) = 0x8000000080000000ull; X(2) = ~0ull;
	run_brk();
	EQ(X(0), 0); EQ(X(3), 0x7fffffff80000000ull); EQ(X(4), 0); EQ(X(5), 0x80000000);
	end();

	start("sdiv64_int_min", "t_div");
	X(1) = 0x8000000000000000ull; X(2) = ~0ull;
	run_brk();
	EQ(X(3), 0x8000000000000000ull);
	end();
}

static void test_condsel(void)
{
	start("csel_family_eq", "t_csel");
	X(1) = 5; X(2) = 5; X(3) = 10; X(4) = 20;
	run_brk();
	EQ(X(0), 10); EQ(X(5), 20); EQ(X(6), 10); EQ(X(7), 10); EQ(X(8), 10); EQ(X(9), 0);
	EQ(X(10), 0xffffffff); EQ(X(11), 10); EQ(X(12), (uint32_t)-10); EQ(X(13), 10);
	end();

	start("csel_family_ne", "t_csel");
	X(1) = 1; X(2) = 5; X(3) = 10; X(4) = 20;
	run_brk();
	EQ(X(0), 20); EQ(X(5), 10); EQ(X(6), 21); EQ(X(7), ~20ull); EQ(X(8), (uint64_t)-20);
	EQ(X(9), 1); EQ(X(10), 0); EQ(X(11), 10); EQ(X(12), (uint32_t)-10);
	end();

	start("ccmp_taken", "t_ccmp");
	X(1) = 1; X(2) = 1; X(3) = 1; X(4) = 2;
	run_brk();
	EQ(NZCV, 0x80000000);
	end();

	start("ccmp_not_taken", "t_ccmp");
	X(1) = 1; X(2) = 2;
	run_brk();
	EQ(NZCV, 0x50000000);
	end();

	start("ccmp_imm", "t_ccmp_imm");
	X(1) = 3; X(2) = 3; X(3) = 31;
	run_brk();
	EQ(NZCV, 0x60000000);
	end();

	start("ccmn_w", "t_ccmn");
	X(1) = 3; X(2) = 4; X(3) = 0x7fffffff; X(4) = 1;
	run_brk();
	EQ(NZCV, 0x90000000);
	end();

	/* 1 - 2: N=1 Z=0 C=0 V=0 */
	start("all_conditions_lt", "t_conds");
	X(1) = 1; X(2) = 2;
	run_brk();
	EQ(X(0), 0); EQ(X(3), 1); EQ(X(4), 0); EQ(X(5), 1); EQ(X(6), 1); EQ(X(7), 0);
	EQ(X(8), 0); EQ(X(9), 1); EQ(X(10), 0); EQ(X(11), 1); EQ(X(12), 0); EQ(X(13), 1);
	EQ(X(14), 0); EQ(X(15), 1);
	end();

	/* INT64_MIN - 1: N=0 Z=0 C=1 V=1: ge false (N!=V), hi true */
	start("all_conditions_overflow", "t_conds");
	X(1) = 0x8000000000000000ull; X(2) = 1;
	run_brk();
	EQ(X(0), 0); EQ(X(3), 1); EQ(X(4), 1); EQ(X(5), 0); EQ(X(6), 0); EQ(X(7), 1);
	EQ(X(8), 1); EQ(X(9), 0); EQ(X(10), 1); EQ(X(11), 0); EQ(X(12), 0); EQ(X(13), 1);
	EQ(X(14), 0); EQ(X(15), 1);
	end();
}

static void test_branch(void)
{
	start("b", "t_b");
	run_brk();
	EQ(X(0), 2);
	end();

	start("bl_ret", "t_bl");
	run_brk();
	EQ(X(0), sym("t_bl") + 4); EQ(X(1), 7);
	end();

	start("br_blr", "t_br");
	X(3) = sym("t_br_sub");
	run_brk();
	EQ(X(0), 5); EQ(X(4), 9); EQ(X(30), sym("t_br") + 24);
	end();

	start("bcond_loop", "t_bcond");
	run_brk();
	EQ(X(0), 30); EQ(X(1), 0);
	end();

	start("cbz_cbnz", "t_cbz");
	X(1) = 0x100000000ull; X(2) = 0xffffffff00000000ull;
	run_brk();
	EQ(X(0), 3); /* x1 != 0: +1; w1 == 0: cbnz not taken: +2; w2 == 0: skip +4 */
	end();

	start("tbz_tbnz", "t_tbz");
	X(1) = 0x8000000000000020ull;
	run_brk();
	EQ(X(0), 1 | 2 | 4);
	end();

	start("loop_100", "t_loop");
	X(1) = 100;
	run_brk();
	EQ(X(0), 100);
	end();

	start("svc", "t_svc");
	EQ(run(), A64_EXIT_SVC); EQ(cpu.pc, sym("t_svc") + 8); EQ(cpu.exit_info, 0); EQ(X(8), 4);
	EQ(run(), A64_EXIT_SVC); EQ(cpu.pc, sym("t_svc") + 12); EQ(cpu.exit_info, 0x1234);
	EQ(run(), A64_EXIT_BRK); EQ(cpu.pc, sym("t_brk5")); EQ(cpu.exit_info, 5);
	end();

	start("udf_undef", "t_udf");
	EQ(run(), A64_EXIT_UNDEF); EQ(cpu.pc, sym("t_udf") + 4); EQ(cpu.exit_code, A64_ILL_ILLOPC);
	end();

	start("hvc_undef", "t_hvc");
	EQ(run(), A64_EXIT_UNDEF); EQ(cpu.pc, sym("t_hvc"));
	end();

	start("fetch_not_exec", "t_jump");
	X(1) = NX_PAGE;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, NX_PAGE); EQ(cpu.fault_addr, NX_PAGE);
	EQ(cpu.fault_sig, A64_FAULT_SIGSEGV); EQ(cpu.exit_code, A64_SEGV_ACCERR);
	end();

	start("fetch_unmapped", "t_jump");
	X(1) = UNMAPPED + 8;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, UNMAPPED + 8); EQ(cpu.fault_addr, UNMAPPED + 8);
	EQ(cpu.exit_code, A64_SEGV_MAPERR);
	end();

	start("fetch_misaligned", "t_jump");
	X(1) = sym("t_b") + 2;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_sig, A64_FAULT_SIGBUS);
	EQ(cpu.exit_code, A64_BUS_ADRALN); EQ(cpu.fault_addr, sym("t_b") + 2);
	end();

	start("interrupt", "t_loop");
	X(1) = 1000;
	cpu.interrupt = 1;
	EQ(run(), A64_EXIT_INTERRUPT); EQ(cpu.pc, sym("t_loop"));
	cpu.interrupt = 0;
	run_brk();
	EQ(X(0), 1000);
	end();
}

static void test_ldst(void)
{
	start("load_forms", "t_ldr_forms");
	X(1) = DATA + 0x100; X(12) = 16; X(14) = (uint64_t)-1; X(16) = 0xffffffff00000003ull;
	X(18) = 2;
	for (int i = 0; i < 64; i++)
		D[0x100 + i] = (uint8_t)(0x80 + i);
	D[0xff] = 0x90;
	wr64(0x100 + 32760, 0x1122334455667788ull);
	run_brk();
	EQ(X(0), 0x8786858483828180ull); EQ(X(2), 0x87868584); EQ(X(3), 0x87); EQ(X(4), 0x8786);
	EQ(X(5), 0xffffffffffffff87ull); EQ(X(6), 0xffff8786); EQ(X(7), 0xffffffff87868584ull);
	EQ(X(8), 0x8887868584838281ull); EQ(X(9), 0x1122334455667788ull);
	EQ(X(10), 0xffffff90); EQ(X(11), 0x9796959493929190ull); EQ(X(13), 0x9000000000000000ull); /* [x1 - 8] */
	EQ(X(15), 0x83); EQ(X(17), 0xffffffffffff8584ull); EQ(X(19), 0x8f8e8d8c8b8a8988ull);
	EQ(X(20), 0xffffffffffffff87ull);
	end();

	start("store_forms", "t_str_forms");
	X(1) = DATA + 0x100; X(2) = A; X(3) = 5; X(4) = (uint64_t)-2;
	run_brk();
	EQ(rd64(0x100), A); EQ(rd64(0x108), 0x89abcdef); EQ(rd64(0x110), 0xef);
	EQ(rd64(0x118), 0xcdef); EQ(rd64(0x121), (A & 0x00ffffffffffffffull) | (0xefull << 56)); EQ(rd64(0x128), A); EQ(rd64(0x130), 0x89abcdef);
	EQ(rd64(0x138), 0); EQ(D[0xfe], 0xef);
	end();

	start("pre_post_index", "t_prepost");
	X(1) = DATA + 0x100; X(4) = DATA + 0x200; X(3) = 0x1234;
	wr64(0x108, 111); wr64(0x100, 222); wr64(0x10c, 0xfffffffe00000000ull);
	run_brk();
	EQ(X(0), 111); EQ(X(2), 111); EQ(rd64(0x1f0), 0x1234); EQ(D[0x1f0], 0x34);
	EQ(X(4), DATA + 0x1f1);
	EQ(X(5), 0); /* [0x104]: low half of 222's upper word */
	EQ(X(6), 0); EQ(X(7), 0x6f00000000ull); /* [0x104]: 4 zero bytes, then 111 */
	EQ(X(1), DATA + 0x104);
	end();

	start("sp_writeback", "t_sp_wb");
	X(1) = 0xaaaa; X(3) = 0xbbbb;
	run_brk();
	EQ(X(0), 0xaaaa); EQ(X(2), STACK_TOP); EQ(X(4), STACK_TOP - 32); EQ(X(5), 0xaaaa);
	EQ(X(6), 0xbbbb); EQ(X(7), STACK_TOP); EQ(SP, STACK_TOP);
	end();

	start("literal_loads", "t_literal");
	run_brk();
	EQ(X(0), 0x8877665544332211ull); EQ(X(2), 0x44332211); EQ(X(3), 0xffffffff80000000ull);
	end();

	start("pairs", "t_pairs");
	X(1) = DATA + 0x400; X(9) = A; X(10) = B;
	wr64(0x400, 1); wr64(0x408, 0x80000000fffffffeull); wr64(0x3f0, 3); wr64(0x3f8, 4);
	wr64(0x400 + 504, 5); wr64(0x400 + 512, 6); wr64(0x200, 7); wr64(0x208, 8);
	run_brk();
	EQ(X(0), 1); EQ(X(2), 0x80000000fffffffeull); EQ(X(3), 0xfffffffe); EQ(X(4), 0x80000000);
	EQ(X(5), (uint64_t)-2); EQ(X(6), 0xffffffff80000000ull); EQ(X(7), 3); EQ(X(8), 4);
	EQ(rd64(0x420), A); EQ(rd64(0x428), B); EQ(rd64(0x430), 0x7654321089abcdefull);
	EQ(rd64(0x440), B); EQ(rd64(0x448), A); EQ(X(11), 5); EQ(X(12), 6); EQ(X(13), 7); EQ(X(14), 8);
	end();

	start("pairs_writeback", "t_pair_wb");
	X(1) = DATA + 0x400; X(7) = DATA + 0x500; X(5) = 0x55; X(6) = 0x66;
	wr64(0x410, 10); wr64(0x418, 20); wr64(0x408, 0xffffffff00000001ull);
	run_brk();
	EQ(X(0), 10); EQ(X(2), 20); EQ(X(3), 10); EQ(X(4), 0);
	EQ(rd64(0x4f8), 0x66); EQ(rd64(0x4f0), 0x0000006600000055ull); /* w pair over x pair */
	EQ(X(7), DATA + 0x4f8);
	EQ(X(1), DATA + 0x410); EQ(X(8), 10); EQ(X(9), 0);
	end();

	start("load_past_limit", "t_ldst_fault");
	X(1) = guest_limit - 4;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, sym("t_ldst_fault")); EQ(cpu.fault_addr, guest_limit - 4);
	EQ(cpu.fault_sig, A64_FAULT_SIGSEGV); EQ(cpu.exit_code, A64_SEGV_MAPERR);
	end();

	start("load_huge_address", "t_ldst_fault");
	X(1) = ~0ull - 3;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_addr, ~0ull - 3); EQ(cpu.exit_code, A64_SEGV_MAPERR);
	end();

	start("load_prot_none", "t_ldst_fault");
	X(1) = NONE_PAGE + 16;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, sym("t_ldst_fault")); EQ(cpu.fault_addr, NONE_PAGE + 16);
	EQ(cpu.exit_code, A64_SEGV_ACCERR);
	end();

	start("load_unmapped", "t_ldst_fault");
	X(1) = UNMAPPED;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_addr, UNMAPPED); EQ(cpu.exit_code, A64_SEGV_MAPERR);
	end();

	start("store_readonly_code", "t_st_fault");
	X(1) = CODE + CODE_SIZE; /* the R-X page after the code */
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, sym("t_st_fault") + 4);
	EQ(cpu.fault_addr, CODE + CODE_SIZE + 8); EQ(cpu.exit_code, A64_SEGV_ACCERR); EQ(X(0), 1);
	end();

	start("ldp_fault_keeps_regs", "t_ldp_fault");
	X(1) = CODE + CODE_SIZE + 0x1000 - 8; X(2) = 77; X(3) = 88; /* second half unmapped */
	EQ(run(), A64_EXIT_FAULT); EQ(X(2), 77); EQ(X(3), 88);
	EQ(cpu.fault_addr, CODE + CODE_SIZE + 0x1000); EQ(cpu.exit_code, A64_SEGV_MAPERR);
	end();
}

static void test_atomics(void)
{
	start("ldxr_stxr", "t_ldxr_stxr");
	X(1) = DATA + 0x40; X(5) = 0x1122334455667788ull;
	wr64(0x40, 41);
	run_brk();
	EQ(X(0), 42); EQ(X(2), 0); EQ(X(3), 42); EQ(X(4), 0); EQ(X(6), 0x88); EQ(X(7), 0);
	EQ(X(8), 0x7788); EQ(X(9), 0); EQ(rd64(0x40), 0x0000000055667788ull);
	end();

	start("stxr_fails", "t_stxr_fail");
	X(1) = DATA + 0x40; X(5) = 99; X(7) = DATA + 0x48;
	wr64(0x40, 5);
	run_brk();
	EQ(X(2), 1); EQ(X(3), 1); EQ(X(4), 1); EQ(X(6), 1); EQ(rd64(0x40), 99); EQ(rd64(0x48), 0);
	end();

	start("ldxp_stxp", "t_ldxp");
	X(1) = DATA + 0x60;
	wr64(0x60, 1); wr64(0x68, 2);
	run_brk();
	EQ(X(0), 1); EQ(X(2), 2); EQ(X(3), 0); EQ(rd64(0x68), 1);
	EQ(X(4), 2); EQ(X(5), 0); EQ(X(6), 0); EQ(rd64(0x60), 0x200000000ull); /* w5=0, w4=2 */
	end();

	start("ldxr_misaligned_sigbus", "t_ldxr_unal");
	X(1) = DATA + 0x44;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_sig, A64_FAULT_SIGBUS);
	EQ(cpu.exit_code, A64_BUS_ADRALN); EQ(cpu.fault_addr, DATA + 0x44); EQ(cpu.pc, sym("t_ldxr_unal"));
	end();

	start("ldar_stlr", "t_ldar_stlr");
	X(1) = DATA + 0x80; X(2) = 0xabcdef0123456789ull;
	wr64(0x80, 17);
	run_brk();
	EQ(X(0), 17); EQ(X(3), 0x89); EQ(X(4), 0x23456789); EQ(X(5), 0xabcdef0123456789ull);
	EQ(rd64(0x80), 0xabcdef0123456789ull);
	end();

	start("stlr_misaligned_sigbus", "t_stlr_unal");
	X(1) = DATA + 0x82;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_sig, A64_FAULT_SIGBUS);
	end();

	start("cas", "t_cas");
	X(1) = DATA + 0x40; X(0) = 5; X(2) = 6; X(3) = 1; X(4) = 0x06; X(5) = 0x1ff; X(6) = 0x77;
	wr64(0x40, 5);
	run_brk();
	EQ(X(0), 5); /* success: old value */
	EQ(X(3), 6); /* failure: compare 1 != 6, gets 6 */
	EQ(X(4), 6); /* byte CAS succeeds: stores 0xff */
	EQ(X(6), 0xff); /* halfword: 0x00ff != 0x77, fails */
	EQ(rd64(0x40), 0xff);
	end();

	start("casp", "t_casp");
	X(1) = DATA + 0x50; X(2) = 1; X(3) = 2; X(4) = 10; X(5) = 20;
	X(10) = DATA + 0x60; X(6) = 3; X(7) = 4; X(8) = 30; X(9) = 40;
	wr64(0x50, 1); wr64(0x58, 2); wr64(0x60, 0x0000000900000003ull);
	run_brk();
	EQ(X(2), 1); EQ(X(3), 2); EQ(rd64(0x50), 10); EQ(rd64(0x58), 20);
	EQ(X(6), 3); EQ(X(7), 9); EQ(rd64(0x60), 0x0000000900000003ull);
	end();

	start("lse_ops", "t_ldops");
	X(1) = DATA + 0x40; X(2) = 3; X(3) = 0xf0; X(5) = 0xff; X(7) = 0x100; X(9) = 1000;
	X(12) = 0xfffffffe; X(14) = DATA + 0x80; X(19) = DATA + 0x90;
	wr64(0x40, 0xf7); wr64(0x80, 5); wr64(0x90, 0x8000);
	run_brk();
	EQ(X(0), 0xf7); EQ(X(4), 0xfa); EQ(X(6), 0x0a); EQ(X(8), 0xf5); EQ(X(10), 0x1f5);
	EQ(X(11), 0xd0); /* after stadd: 1000 + 1000 = 2000 = 0x7d0: old byte 0xd0 */
	EQ(X(13), 5); /* smax(5, -2) = 5 */
	EQ(X(15), 5); /* smin -> -2 stored */
	EQ(X(16), 0xfffffffe); /* umax(0xfffffffe, 0xfffffffe) */
	EQ(X(17), 0xfffffffe); EQ(rd64(0x80), 0xfffffffe);
	EQ(X(18), 0x8000); EQ(rd64(0x90), 0xfffe); /* smax(h: -32768, -2) = -2 */
	EQ(X(20), 0x7d3); EQ(rd64(0x40), 0x7d6);
	end();

	start("lse_misaligned_sigbus", "t_lse_unal");
	X(1) = DATA + 0x41;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.fault_sig, A64_FAULT_SIGBUS); EQ(cpu.fault_addr, DATA + 0x41);
	end();

	start("ldapr", "t_ldapr");
	X(1) = DATA + 0x40; wr64(0x40, 0x1234);
	run_brk();
	EQ(X(0), 0x1234); EQ(X(2), 0x34);
	end();
}

static void test_system(void)
{
	start("sysregs", "t_sysregs");
	cpu.tpidr_el0 = 0x77; cpu.tpidrro_el0 = 0x88; X(1) = 0x1234;
	run_brk();
	EQ(X(0), 0x77); EQ(X(2), 0x1234); EQ(cpu.tpidr_el0, 0x1234); EQ(X(3), 0x88);
	EQ(X(4), 24000000); EQ(X(6) >= X(5), 1); EQ(X(5) != 0, 1);
	EQ(X(7) >> 31, 1); EQ((X(7) >> 28) & 3, 0); EQ((X(7) >> 16) & 15, 4);
	EQ(X(8), 4); EQ(X(9) != 0, 1);
	EQ((X(10) >> 20) & 15, 2); EQ((X(10) >> 16) & 15, 1); EQ((X(10) >> 4) & 15, 2);
	/* ISAR0: SHA1 1, SHA2 2, SHA3 1, DP 1, TS 2, RDM 0 */
	EQ((X(10) >> 8) & 15, 1); EQ((X(10) >> 12) & 15, 2); EQ((X(10) >> 32) & 15, 1);
	EQ((X(10) >> 44) & 15, 1); EQ((X(10) >> 52) & 15, 2); EQ((X(10) >> 28) & 15, 0);
	/* PFR0: FP 1, AdvSIMD 1 (with FP16), SVE 0 */
	EQ((X(11) >> 16) & 15, 1); EQ((X(11) >> 20) & 15, 1); EQ((X(11) >> 32) & 15, 0);
	EQ(X(12), 0); EQ((X(13) >> 4) & 0xff, 0); EQ((X(13) >> 20) & 15, 2);
	/* ISAR1.JSCVT 1, ISAR1.FRINTTS 1; PFR0.FP/AdvSIMD 1 (FP16) */
	EQ((X(13) >> 12) & 15, 1); EQ((X(13) >> 32) & 15, 1);
	EQ((X(11) >> 16) & 0xff, 0x11);
	EQ(a64_hwcap() & 0x1, 1); EQ(a64_hwcap() & 0x100, 0x100); EQ(a64_hwcap() & 0x80, 0x80);
	/* AES PMULL SHA1 SHA2 SHA3 ASIMDDP SHA512 ILRCPC FLAGM */
	EQ(a64_hwcap() & 0xc320078, 0xc320078);
	EQ(a64_hwcap() & (0x400000 | 0xc0000000), 0);
	/* JSCVT, FPHP (9), ASIMDHP (10) yes; FCMA (14), ASIMDFHM (23) no;
	 * HWCAP2: FLAGM2 and FRINT */
	EQ(a64_hwcap() & 0x2000, 0x2000); EQ(a64_hwcap() & 0x600, 0x600);
	EQ(a64_hwcap() & (0x4000 | 0x800000), 0); EQ(a64_hwcap2(), 0x180);
	end();

	start("nzcv_msr_mrs", "t_nzcv");
	X(1) = 0x50000000 | 0x0fffffff;
	run_brk();
	EQ(X(0), 0x50000000); EQ(X(2), 1); EQ(X(3), 1);
	end();

	start("fpcr_fpsr", "t_fpcr");
	X(1) = 0x03c00000 | 0x9f00; X(2) = 0x0800009f;
	run_brk();
	EQ(X(0), 0x03c00000); EQ(X(3), 0x0800009f);
	end();

	start("hints_barriers", "t_hints");
	run_brk();
	EQ(X(0), 1);
	end();

	start("dc_zva_ic", "t_dc");
	X(1) = DATA + 0x1005;
	memset(D, 0xaa, DATA_SIZE);
	{
		int r = run();
		EQ(r, A64_EXIT_BRK);
	}
	EQ(D[0xfff], 0xaa); EQ(D[0x1000], 0); EQ(D[0x103f], 0); EQ(D[0x1040], 0xaa);
	end();

	start("dc_zva_fault", "t_dc");
	X(1) = NONE_PAGE + 64;
	EQ(run(), A64_EXIT_FAULT); EQ(cpu.pc, sym("t_dc")); EQ(cpu.exit_code, A64_SEGV_ACCERR);
	end();

	static const char *const undefs[] = { "t_msr_ro", "t_mrs_bad", "t_mrs_cntpct", "t_daif",
		"t_smc", "t_simd_undef" };
	expect_undef(undefs, sizeof(undefs) / sizeof(undefs[0]));

	/* Self-modifying code: run the target once (mov x0, #1), then rewrite
	 * it to mov x0, #2 with the cache maintenance sequence. */
	start("self_modifying_code", "t_smc_target");
	run_brk();
	EQ(X(0), 1);
	reset();
	cpu.pc = sym("t_smc_write");
	X(1) = sym("t_smc_target");
	X(2) = 0xd2800040; /* mov x0, #2 (from clang: see branch.S t_b for the form) */
	run_brk();
	EQ(X(0), 2);
	{
		uint32_t orig = 0xd2800020; /* mov x0, #1 */
		memcpy(g2h(sym("t_smc_target")), &orig, 4);
		a64_invalidate(sym("t_smc_target"), 4);
	}
	end();
}

static void test_simd(void)
{
	start("fp_reg_ldst", "t_vldst");
	X(1) = DATA + 0x100; X(2) = 16;
	for (int i = 0; i < 128; i++)
		D[0x100 + i] = (uint8_t)i;
	memset(&cpu.v[1], 0xff, 16);
	run_brk();
	EQ(cpu.v[0].d[0], 0x0706050403020100ull); EQ(cpu.v[0].d[1], 0x0f0e0d0c0b0a0908ull);
	EQ(cpu.v[1].d[0], 0x0f0e0d0c0b0a0908ull); EQ(cpu.v[1].d[1], 0);
	EQ(cpu.v[2].d[0], 0x07060504); EQ(cpu.v[3].d[0], 0x0302); EQ(cpu.v[4].d[0], 1); EQ(cpu.v[4].d[1], 0);
	EQ(rd64(0x140), 0x0706050403020100ull); EQ(rd64(0x148), 0x0f0e0d0c0b0a0908ull);
	EQ(rd64(0x150), 0x0706050403020100ull); EQ(D[0x15b], 0x00); EQ(D[0x15e], 0x03);
	EQ(cpu.v[5].d[0], 0x0706050403020100ull); EQ(cpu.v[6].d[0], 0x1716151413121110ull);
	EQ(X(1), DATA + 0x160); EQ(rd64(0x160), 0x1716151413121110ull); EQ(rd64(0x170), 0x0706050403020100ull);
	EQ(cpu.v[7].d[0], 0x0807060504030201ull);
	EQ(cpu.v[8].d[0], 0x0706050403020100ull); /* [0x160 + 16] = v5 */
	EQ(cpu.v[9].d[0], 0x1716151413121110ull); EQ(cpu.v[10].d[0], 0x1f1e1d1c1b1a1918ull);
	end();

	start("fp_literal", "t_vlit");
	run_brk();
	EQ(cpu.v[0].d[1], 0x0f0e0d0c0b0a0908ull); EQ(cpu.v[1].d[0], 0x0706050403020100ull);
	EQ(cpu.v[1].d[1], 0); EQ(cpu.v[2].d[0], 0x03020100);
	end();

	start("ld1_st1", "t_ld1");
	X(1) = DATA + 0x100; X(2) = 8; X(3) = DATA + 0x200; X(4) = DATA + 0x300;
	for (int i = 0; i < 64; i++) {
		D[0x100 + i] = (uint8_t)i;
		D[0x200 + i] = (uint8_t)(0xc0 + i);
	}
	run_brk();
	EQ(cpu.v[2].d[1], 0x1f1e1d1c1b1a1918ull);
	EQ(cpu.v[3].d[0], 0x2726252423222120ull); EQ(cpu.v[3].d[1], 0);
	EQ(cpu.v[5].d[0], 0x3736353433323130ull); EQ(X(1), DATA + 0x128);
	EQ(cpu.v[30].d[0], 0xc7c6c5c4c3c2c1c0ull); EQ(cpu.v[31].d[0], 0xd7d6d5d4d3d2d1d0ull);
	EQ(cpu.v[0].d[1], 0xefeeedecebeae9e8ull); EQ(cpu.v[1].d[0], 0xf7f6f5f4f3f2f1f0ull);
	EQ(rd64(0x318), 0);
	EQ(rd64(0x300), 0x1716151413121110ull); EQ(rd64(0x310), 0x2726252423222120ull);
	EQ(rd64(0x320), 0x3736353433323130ull); EQ(X(4), DATA + 0x320);
	end();

	start("ld2_st4", "t_ld2");
	X(1) = DATA + 0x100; X(3) = DATA + 0x300;
	for (int i = 0; i < 32; i++)
		D[0x100 + i] = (uint8_t)i;
	run_brk();
	EQ(cpu.v[0].h[0], 0x0100); EQ(cpu.v[1].h[0], 0x0302); EQ(cpu.v[0].h[1], 0x0504);
	EQ(cpu.v[1].h[7], 0x1f1e);
	EQ(X(3), DATA + 0x340);
	{
		uint32_t w;
		memcpy(&w, D + 0x300, 4); EQ(w, cpu.v[0].s[0]);
		memcpy(&w, D + 0x304, 4); EQ(w, cpu.v[1].s[0]);
		memcpy(&w, D + 0x310, 4); EQ(w, cpu.v[0].s[1]);
	}
	end();

	start("fmov", "t_fmov");
	X(1) = A;
	run_brk();
	EQ(cpu.v[0].d[0], A); EQ(cpu.v[0].d[1], 0); EQ(X(2), A); EQ(cpu.v[1].d[0], 0x89abcdef);
	EQ(X(3), 0x89abcdef); EQ(cpu.v[2].d[1], A); EQ(X(4), A);
	EQ(cpu.v[3].d[0], 0x3ff0000000000000ull); EQ(cpu.v[4].d[0], 0xbf000000);
	EQ(cpu.v[5].d[0], A); EQ(cpu.v[6].d[0], 0x89abcdef); EQ(cpu.v[6].d[1], 0);
	end();

	start("movi_mvni", "t_movi");
	memset(&cpu.v[6], 0x00, 16); cpu.v[7].d[0] = cpu.v[7].d[1] = ~0ull;
	memset(&cpu.v[10], 0xff, 16);
	run_brk();
	EQ(cpu.v[0].d[0], 0xababababababababull); EQ(cpu.v[0].d[1], 0xababababababababull);
	EQ(cpu.v[1].d[1], 0xff00ff00ff00ff00ull); EQ(cpu.v[2].d[0], 0x0000120000001200ull);
	EQ(cpu.v[3].d[1], 0xfffefffefffefffeull); EQ(cpu.v[4].d[0], ~0ull); EQ(cpu.v[4].d[1], 0);
	EQ(cpu.v[5].d[0], 0x0034ffff0034ffffull); EQ(cpu.v[5].d[1], 0);
	EQ(cpu.v[6].d[1], 0x0100000001000000ull); EQ(cpu.v[7].d[0], 0xff00ff00ff00ff00ull);
	EQ(cpu.v[8].d[1], 0x4000000040000000ull); EQ(cpu.v[9].d[1], 0xbff8000000000000ull);
	EQ(cpu.v[10].d[0], 0x0101010101010101ull); EQ(cpu.v[10].d[1], 0);
	end();

	start("vector_logic", "t_vlogic");
	cpu.v[1].d[0] = A; cpu.v[1].d[1] = B; cpu.v[2].d[0] = B; cpu.v[2].d[1] = 0xff;
	run_brk();
	EQ(cpu.v[0].d[0], A ^ B); EQ(cpu.v[0].d[1], B ^ 0xff); EQ(cpu.v[3].d[0], A & B);
	EQ(cpu.v[4].d[1], B | 0xff); EQ(cpu.v[5].d[1], B); EQ(cpu.v[6].d[0], A & ~B);
	EQ(cpu.v[7].d[0], A | ~B); EQ(cpu.v[7].d[1], 0);
	EQ(cpu.v[8].d[0], (A & B) | (~A & (A & B))); EQ(cpu.v[9].d[1], 0);
	end();

	start("dup_ins_umov_smov", "t_dup");
	X(1) = 0x1122334455667788ull;
	memset(&cpu.v[4], 0, 16);
	cpu.v[10].d[0] = 0x8180;
	run_brk();
	EQ(cpu.v[0].d[1], 0x5566778855667788ull); EQ(cpu.v[1].d[0], 0x8888888888888888ull);
	EQ(cpu.v[2].d[1], 0x1122334455667788ull); EQ(cpu.v[3].d[1], 0x8888888888888888ull);
	EQ(cpu.v[4].d[1], 0x8800000055667788ull); EQ(X(5), 0x88); EQ(X(6), 0x1122334455667788ull);
	EQ(X(7), 0xffffffffffffff80ull); EQ(X(8), 0); EQ(cpu.v[9].d[1], 0);
	end();
}

/* ---- benchmark ---- */
static int bench(void)
{
	reset();
	cpu.pc = sym("t_loop");
	X(1) = 100000000;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int r = run();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	double insns = 3.0 * 100000000 + 2;
	if (r != A64_EXIT_BRK || X(0) != 100000000) {
		printf("bench: bad exit %d x0=%llu\n", r, (unsigned long long)X(0));
		return 1;
	}
	printf("bench: 100M-iteration add/cmp/b.ne loop: %.3f s, %.0f M guest insns/s\n", s,
	       insns / s / 1e6);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("A64_ASM_DIR") ? getenv("A64_ASM_DIR") : "tests/cpu";
	int do_bench = argc > 1 && !strcmp(argv[1], "--bench");
	setvbuf(stdout, NULL, _IOLBF, 0);
	static const char *const files[] = { "dp_imm", "dp_reg", "muldiv", "condsel", "branch",
		"ldst", "ldst_pair", "exclusive", "lse", "system", "simd_ldst" };
	if (harness_init(dir, files, sizeof(files) / sizeof(files[0])) < 0)
		return 2;
	/* The fault tests' pages: execute-only past the code, RW not
	 * executable, and PROT_NONE. */
	if (mem_map_fixed(CODE + CODE_SIZE, 0x1000, GPROT_READ | GPROT_EXEC, GMAP_ANON, -1, 0) ||
	    mem_map_fixed(NX_PAGE, 0x1000, GPROT_READ | GPROT_WRITE, GMAP_ANON, -1, 0) ||
	    mem_map_fixed(NONE_PAGE, 0x1000, GPROT_NONE, GMAP_ANON, -1, 0)) {
		fprintf(stderr, "test_a64: mem_map_fixed failed\n");
		return 2;
	}
	if (do_bench)
		return bench();
	test_dp_imm();
	test_dp_reg();
	test_muldiv();
	test_condsel();
	test_branch();
	test_ldst();
	test_atomics();
	test_system();
	test_simd();
	printf("%d passed, %d failed\n", npass, nfail);
	a64_destroy(&cpu);
	return nfail != 0;
}
