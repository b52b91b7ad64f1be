	.text
t_pairs:	ldp x0, x2, [x1]
		ldp w3, w4, [x1, #8]
		ldpsw x5, x6, [x1, #8]
		ldnp x7, x8, [x1, #-16]
		stp x9, x10, [x1, #32]
		stp w9, w10, [x1, #48]
		stnp x10, x9, [x1, #64]
		ldp x11, x12, [x1, #504]
		ldp x13, x14, [x1, #-512]
		brk #0
t_pair_wb:	ldp x0, x2, [x1, #16]!
		ldp w3, w4, [x1], #-8
		stp x5, x6, [x7, #-16]!
		stp w5, w6, [x7], #8
		ldpsw x8, x9, [x1, #8]!
		brk #0
