	.text
// x1 = data base (data[] prefilled by the test)
t_ldr_forms:	ldr x0, [x1]
		ldr w2, [x1, #4]
		ldrb w3, [x1, #7]
		ldrh w4, [x1, #6]
		ldrsb x5, [x1, #7]
		ldrsh w6, [x1, #6]
		ldrsw x7, [x1, #4]
		ldur x8, [x1, #1]
		ldr x9, [x1, #32760]
		ldursb w10, [x1, #-1]
		ldr x11, [x1, x12]
		ldr x13, [x1, w14, sxtw #3]
		ldrb w15, [x1, w16, uxtw]
		ldrsh x17, [x1, x18, lsl #1]
		ldtr x19, [x1, #8]
		ldtrsb x20, [x1, #7]
		prfm pldl1keep, [x1, #8]
		prfm pstl2strm, [x1, x12]
		prfum pldl1keep, [x1, #-3]
		ldr xzr, [x1]
		brk #0
t_str_forms:	str x2, [x1]
		str w2, [x1, #8]
		strb w2, [x1, #16]
		strh w2, [x1, #24]
		stur x2, [x1, #33]
		str x2, [x1, x3, lsl #3]
		sttr w2, [x1, #48]
		str xzr, [x1, #56]
		strb w2, [x1, w4, sxtw]
		brk #0
t_prepost:	ldr x0, [x1, #8]!
		ldr x2, [x1], #-8
		str x3, [x4, #-16]!
		strb w3, [x4], #1
		ldrsw x5, [x1, #4]!
		ldrb w6, [x1], #255
		ldr x7, [x1, #-255]!
		brk #0
t_sp_wb:	mov x9, sp
		str x1, [sp, #-16]!
		ldr x0, [sp], #16
		mov x2, sp
		stp x1, x3, [sp, #-32]!
		mov x4, sp
		ldp x5, x6, [sp], #32
		mov x7, sp
		brk #0
t_literal:	ldr x0, 1f
		ldr w2, 1f
		ldrsw x3, 2f
		prfm pldl1keep, 1f
		brk #0
		.p2align 3
1:		.quad 0x8877665544332211
2:		.word 0x80000000
t_ldst_fault:	ldr x0, [x1]
		brk #0
t_st_fault:	mov x0, #1
		str x0, [x1, #8]
		brk #0
t_ldp_fault:	ldp x2, x3, [x1]
		brk #0
