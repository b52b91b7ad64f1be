// Data processing (immediate) tests: each label runs until BRK #0.
	.text
t_add_imm:	add x0, x1, #4095
		add x2, x1, #4095, lsl #12
		add w3, w4, #1
		brk #0
t_adds_ovf:	adds x0, x1, #1
		brk #0
t_adds_carry:	adds x0, x1, #1
		brk #0
t_adds_w:	adds w0, w1, #1
		brk #0
t_subs_w:	subs w0, w1, #1
		brk #0
t_cmp_eq:	cmp x1, #42
		brk #0
t_cmn:		cmn x1, #1
		brk #0
t_sp_imm:	sub sp, sp, #16
		mov x0, sp
		add x1, sp, #8
		brk #0
t_adr:		adr x0, t_adr
		adr x1, t_adr_fwd
		adrp x2, t_adr
t_adr_fwd:	brk #0
t_logic_imm:	and x0, x1, #0xff00ff00ff00ff00
		orr w2, wzr, #0x55555555
		eor x3, x1, #0x1
		orr x4, xzr, #0x8000000000000001
		and w5, w1, #0xfffffffe
		eor x6, x1, #0xfffffffffffffffe
		brk #0
t_ands_imm:	ands x0, x1, #0x8000000000000000
		brk #0
t_tst_w:	tst w1, #0x80000000
		brk #0
t_orr_sp:	mov x9, sp
		orr sp, xzr, #0x3ff000
		mov x0, sp
		mov sp, x9
		brk #0
t_movw:		movz x0, #0xffff, lsl #48
		movn x1, #0
		movn w2, #0
		movk x3, #0x1234, lsl #16
		movz w4, #0xffff, lsl #16
		movn x5, #0x1234, lsl #32
		movk w6, #0xabcd
		mov x7, #-2
		brk #0
t_bitfield:	lsl x0, x1, #63
		lsr x2, x1, #1
		asr x3, x1, #63
		ubfx x4, x1, #8, #8
		sbfx x5, x1, #4, #8
		bfi x6, x1, #4, #8
		bfxil x7, x1, #60, #4
		sxtb x8, w1
		sxth x9, w1
		sxtw x10, w1
		uxtb w11, w1
		uxth w12, w1
		lsl w13, w1, #31
		asr w14, w1, #31
		lsr w15, w1, #31
		sbfiz x16, x1, #60, #4
		ubfiz w17, w1, #28, #4
		lsl x18, x1, #0
		brk #0
t_extr:		extr x0, x1, x2, #4
		ror x3, x1, #8
		extr w4, w1, w2, #31
		extr x5, x1, x2, #0
		ror w6, w1, #4
		brk #0
