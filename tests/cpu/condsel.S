	.text
t_csel:		cmp x1, x2
		csel x0, x3, x4, eq
		csel x5, x3, x4, ne
		csinc x6, x3, x4, eq
		csinv x7, x3, x4, eq
		csneg x8, x3, x4, eq
		cset x9, lt
		csetm w10, ge
		cinc x11, x3, hi
		cneg w12, w3, ls
		csel w13, w3, w4, al
		brk #0
t_ccmp:		cmp x1, x2
		ccmp x3, x4, #0x5, eq
		brk #0
t_ccmp_imm:	cmp x1, x2
		ccmp x3, #31, #0x2, eq
		brk #0
t_ccmn:		cmp x1, x2
		ccmn w3, w4, #0xf, ne
		brk #0
t_conds:	cmp x1, x2
		cset x0, eq
		cset x3, ne
		cset x4, hs
		cset x5, lo
		cset x6, mi
		cset x7, pl
		cset x8, vs
		cset x9, vc
		cset x10, hi
		cset x11, ls
		cset x12, ge
		cset x13, lt
		cset x14, gt
		cset x15, le
		brk #0
