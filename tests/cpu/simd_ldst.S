	.text
t_vldst:	ldr q0, [x1]
		ldr d1, [x1, #8]
		ldr s2, [x1, #4]
		ldr h3, [x1, #2]
		ldr b4, [x1, #1]
		str q0, [x1, #64]
		str d0, [x1, #80]
		stur s0, [x1, #91]
		ldp q5, q6, [x1]
		stp q6, q5, [x1, #96]!
		ldur q7, [x1, #-95]
		ldr q8, [x1, x2]
		ldnp d9, d10, [x1]
		brk #0
t_vlit:		ldr q0, 1f
		ldr d1, 1f
		ldr s2, 1f
		brk #0
		.p2align 4
1:		.quad 0x0706050403020100, 0x0f0e0d0c0b0a0908
t_ld1:		ld1 {v0.16b}, [x1]
		ld1 {v1.2d, v2.2d}, [x1], #32
		ld1 {v3.8b, v4.8b, v5.8b}, [x1], x2
		ld1 {v30.4s, v31.4s, v0.4s, v1.4s}, [x3]
		st1 {v2.16b, v3.16b}, [x4], #32
		st1 {v5.8b}, [x4]
		brk #0
t_ld2:		ld2 {v0.8h, v1.8h}, [x1]
		st4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x3], #64
		brk #0
t_fmov:		fmov d0, x1
		fmov x2, d0
		fmov s1, w1
		fmov w3, s1
		fmov v2.d[1], x1
		fmov x4, v2.d[1]
		fmov d3, #1.0
		fmov s4, #-0.5
		fmov d5, d0
		fmov s6, s0
		brk #0
t_movi:		movi v0.16b, #0xab
		movi v1.2d, #0xff00ff00ff00ff00
		movi v2.4s, #0x12, lsl #8
		mvni v3.8h, #0x1
		movi d4, #0xffffffffffffffff
		movi v5.2s, #0x34, msl #16
		orr v6.4s, #0x1, lsl #24
		bic v7.8h, #0xff
		fmov v8.4s, #2.0
		fmov v9.2d, #-1.5
		movi v10.8b, #1
		brk #0
t_vlogic:	eor v0.16b, v1.16b, v2.16b
		and v3.16b, v1.16b, v2.16b
		orr v4.16b, v1.16b, v2.16b
		mov v5.16b, v1.16b
		bic v6.16b, v1.16b, v2.16b
		orn v7.8b, v1.8b, v2.8b
		mov v8.16b, v1.16b
		bsl v8.16b, v2.16b, v3.16b
		eor v9.8b, v1.8b, v2.8b
		brk #0
t_dup:		dup v0.4s, w1
		dup v1.16b, w1
		dup v2.2d, x1
		dup v3.8h, v1.h[3]
		ins v4.s[2], w1
		mov v4.b[15], v1.b[0]
		umov w5, v1.b[3]
		mov x6, v2.d[1]
		smov x7, v10.b[0]
		smov w8, v10.h[1]
		dup v9.2s, w1
		brk #0
t_simd_undef:	.inst 0x04a20020	// add z0.s, z1.s, z2.s: SVE, never implemented
