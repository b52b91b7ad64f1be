	.text
t_ldxr_stxr:	ldxr x0, [x1]
		add x0, x0, #1
		stxr w2, x0, [x1]
		ldaxr w3, [x1]
		stlxr w4, w5, [x1]
		ldxrb w6, [x1]
		stxrb w7, w5, [x1]
		ldxrh w8, [x1]
		stxrh w9, w5, [x1, #0]
		brk #0
t_stxr_fail:	ldxr x0, [x1]
		str x5, [x1]
		stxr w2, x0, [x1]
		stxr w3, x0, [x1]
		ldxr x0, [x1]
		clrex
		stxr w4, x0, [x1]
		ldxr x0, [x1]
		stxr w6, x0, [x7]
		brk #0
t_ldxp:		ldxp x0, x2, [x1]
		stxp w3, x2, x0, [x1]
		ldaxp w4, w5, [x1, #0]
		stlxp w6, w5, w4, [x1]
		brk #0
t_ldxr_unal:	ldxr x0, [x1]
		brk #0
t_ldar_stlr:	ldar x0, [x1]
		stlr x2, [x1, #0]
		ldarb w3, [x1]
		stlrh w2, [x1]
		ldar w4, [x1]
		ldar x5, [x1]
		brk #0
t_stlr_unal:	stlr w2, [x1]
		brk #0
