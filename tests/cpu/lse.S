	.arch armv8.1-a+lse+rcpc
	.text
t_cas:		cas x0, x2, [x1]
		casal x3, x2, [x1]
		casb w4, w5, [x1]
		cash w6, w5, [x1]
		brk #0
t_casp:		casp x2, x3, x4, x5, [x1]
		casp w6, w7, w8, w9, [x10]
		brk #0
t_ldops:	ldadd x2, x0, [x1]
		ldclr x3, x4, [x1]
		ldeor x5, x6, [x1]
		ldset x7, x8, [x1]
		swp x9, x10, [x1]
		stadd x9, [x1]
		ldaddb w2, w11, [x1]
		ldsmax w12, w13, [x14]
		ldsmin w12, w15, [x14]
		ldumax w12, w16, [x14]
		ldumin w12, w17, [x14]
		ldsmaxh w12, w18, [x19]
		ldaddal x2, x20, [x1]
		brk #0
t_lse_unal:	ldadd x2, x0, [x1]
		brk #0
t_ldapr:	ldapr x0, [x1]
		ldaprb w2, [x1]
		brk #0
