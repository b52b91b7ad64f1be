	.text
t_b:		mov x0, #0
		b 1f
		mov x0, #1
1:		add x0, x0, #2
		brk #0
t_bl:		bl 1f
		mov x1, #7
		brk #0
1:		mov x0, x30
		ret
t_br:		adr x2, 1f
		br x2
		mov x0, #1
		brk #0
1:		mov x0, #5
		blr x3
		brk #0
t_br_sub:	mov x4, #9
		ret
t_bcond:	mov x0, #0
		mov x1, #10
1:		add x0, x0, #3
		subs x1, x1, #1
		b.ne 1b
		b.eq 2f
		mov x0, #0
2:		brk #0
t_cbz:		mov x0, #0
		cbz x1, 1f
		orr x0, x0, #1
1:		cbnz w1, 2f
		orr x0, x0, #2
2:		cbz w2, 3f
		orr x0, x0, #4
3:		brk #0
t_tbz:		mov x0, #0
		tbz x1, #63, 1f
		orr x0, x0, #1
1:		tbnz x1, #0, 2f
		orr x0, x0, #2
2:		tbz w1, #5, 3f
		orr x0, x0, #4
3:		brk #0
t_loop:		// bench: x1 iterations of add/cmp/b.ne
		mov x0, #0
1:		add x0, x0, #1
		cmp x0, x1
		b.ne 1b
		brk #0
t_svc:		mov x8, #4
		svc #0
		svc #0x1234
t_brk5:		brk #5
t_udf:		nop
		udf #0
t_hvc:		hvc #0
t_jump:		br x1
