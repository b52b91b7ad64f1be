	.arch armv8-a+crc
	.text
t_add_sh:	add x0, x1, x2, lsl #63
		add x3, x1, x2, lsr #1
		sub x4, x1, x2, asr #63
		add w5, w1, w2, lsl #31
		sub x6, x1, x2
		add x7, x1, x2
		neg x8, x2
		brk #0
t_adds_reg:	adds x0, x1, x2
		brk #0
t_subs_reg:	subs x0, x1, x2
		brk #0
t_subs_w_reg:	subs w0, w1, w2, lsl #1
		brk #0
t_cmp_reg:	cmp x1, x2
		brk #0
t_add_ext:	add x0, sp, w1, uxtw #2
		add x2, x3, w1, sxtw
		sub x4, x3, w1, sxtb #4
		add x5, x3, w1, uxth
		add w6, w3, w1, sxth
		add x7, x3, x1, sxtx #1
		adds x8, x3, w1, uxtb
		sub sp, sp, x1, uxtx
		mov x9, sp
		add sp, sp, x1
		brk #0
t_adc:		adds x0, x1, x2
		adc x3, x4, x5
		adcs x6, x1, x1
		sbc x7, x4, x5
		brk #0
t_sbcs:		sbcs x0, x1, x2
		brk #0
t_adcs_w:	adcs w0, w1, w2
		brk #0
t_logic_reg:	and x0, x1, x2
		orr x3, x1, x2, lsl #4
		eor x4, x1, x2, ror #4
		bic x5, x1, x2
		orn x6, xzr, x2
		eon x7, x1, x2
		mov x8, x2
		mov w9, w2
		orr w10, w1, w2, asr #4
		mvn w11, w2
		brk #0
t_ands_reg:	ands x0, x1, x2
		brk #0
t_bics_w:	bics w0, w1, w2
		brk #0
t_shiftv:	lsl x0, x1, x2
		lsr x3, x1, x2
		asr x4, x1, x2
		ror x5, x1, x2
		lsl w6, w1, w2
		lsr w7, w1, w2
		asr w8, w1, w2
		ror w9, w1, w2
		brk #0
t_1src:		rbit x0, x1
		rbit w2, w1
		rev x3, x1
		rev w4, w1
		rev16 x5, x1
		rev32 x6, x1
		clz x7, x1
		clz w8, w1
		cls x9, x1
		cls w10, w1
		clz x11, xzr
		cls x12, xzr
		rev16 w13, w1
		brk #0
t_crc:		crc32b w0, w1, w2
		crc32h w3, w1, w2
		crc32w w4, w1, w2
		crc32x w5, w1, x2
		crc32cb w6, w1, w2
		crc32cx w7, w1, x2
		brk #0
