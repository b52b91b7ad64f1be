// Integer loop for measuring the interpreter's guest instructions per
// second.  The loop body is 8 instructions; the count comes from argv[1]
// (millions of iterations, default 100) so the harness knows exactly how
// many guest instructions ran.  Builds for FreeBSD (svc numbers 1/4) or,
// with -DLINUX, for Linux/aarch64 (93/64) so qemu-aarch64 runs the same code.
#ifdef LINUX
#define SYS_EXIT 93
#else
#define SYS_EXIT 1
#endif
	.text
	.globl _start
_start:
#ifdef LINUX
	mov	x0, sp			// Linux passes argc at sp, FreeBSD in x0
#endif
	ldr	x1, [x0]		// argc
	mov	x9, #100
	cmp	x1, #2
	b.lt	1f
	ldr	x2, [x0, #16]		// argv[1]
	mov	x9, #0
2:	ldrb	w3, [x2], #1		// parse decimal
	cbz	w3, 1f
	sub	w3, w3, #'0'
	mov	x4, #10
	madd	x9, x9, x4, x3
	b	2b
1:	mov	x4, #16960		// x9 *= 1000000
	movk	x4, #15, lsl #16
	mul	x9, x9, x4
	mov	x5, #0
	mov	x6, #1
	mov	x7, #0
loop:
	add	x5, x5, x6
	eor	x7, x7, x5
	lsl	x8, x5, #3
	add	x7, x7, x8, lsr #5
	and	x8, x7, #0xff
	orr	x6, x8, #1
	subs	x9, x9, #1
	b.ne	loop
	and	x0, x7, #0x7f		// checksum as exit status
	mov	x8, #SYS_EXIT
	svc	#0
#ifndef LINUX
	.section .note.tag,"a"
	.p2align 2
	.long 8, 4, 1
	.asciz "FreeBSD"
	.long 1403000
#endif
