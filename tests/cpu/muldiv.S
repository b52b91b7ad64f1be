	.text
t_mul:		mul x0, x1, x2
		madd x3, x1, x2, x4
		msub x5, x1, x2, x4
		mul w6, w1, w2
		smull x7, w1, w2
		umull x8, w1, w2
		smulh x9, x1, x2
		umulh x10, x1, x2
		smsubl x11, w1, w2, x4
		umaddl x12, w1, w2, x4
		mneg x13, x1, x2
		brk #0
t_div:		udiv x0, x1, x2
		sdiv x3, x1, x2
		udiv w4, w1, w2
		sdiv w5, w1, w2
		brk #0
