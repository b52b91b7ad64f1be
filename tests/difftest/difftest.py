#!/usr/bin/env python3
"""Differential CPU tester: generator and comparator (python3 stdlib only).

  difftest.py gen CLASS SEED N DIR     write DIR/cases.S and DIR/cases.json
  difftest.py cmp DIR REF.bin GOT.bin  compare two runs; prints FAIL lines
  difftest.py classes                  list the classes

A class is a list of templates (below); each case picks one (or, for the
"seq" class, several), random registers, and random inputs: x0-x15,
v0-v7 (128 bits each), FPCR (RMode, FZ, DN, AHP), FPSR and NZCV, drawn
from pools of special values (zeros, infinities, NaNs with payloads,
signalling NaNs, denormals, extreme normals, values near integer limits and
rounding ties).  Adding a class = adding a CLASSES entry: templates are
assembler text with {fd} {fn} {fm} {fa} (FP registers of the template's
format), {rd} {rn} (general registers of its integer width), {cond},
{nzcv}, {fbits} and {imm} placeholders.

Integer, SIMD-integer, memory, crypto and extension classes live in
dt_classes.py (templates with register/immediate placeholders, or
generator functions that also point base registers into the memory
window); "int_seq" chains 2-5 of the integer and flag classes.

State layout (driver.c, 560 bytes per case): x0-x15, v0-v7, fpcr, fpsr,
nzcv, pad[3], mem[256] (the window at the fixed guest address DT_MEM).
"""
import json
import random
import struct
import sys

import dt_classes

STATE = 560
OFF_X, OFF_V, OFF_FPCR, OFF_FPSR, OFF_NZCV = 0, 128, 256, 264, 272
OFF_MEM, MEMSZ = dt_classes.OFF_MEM, dt_classes.MEMSZ

FMT = {'h': (5, 10), 's': (8, 23), 'd': (11, 52)}
CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le',
         'al', 'nv']

# ---- instruction classes -------------------------------------------------
# (template, fp format, integer width or None, kind)
def _c(tmpls, fmts, iw=None, kind='fp'):
    return [(t, f, iw, kind) for t in tmpls for f in fmts]

ARITH = ['fadd', 'fsub', 'fmul', 'fdiv', 'fnmul', 'fmax', 'fmin', 'fmaxnm', 'fminnm']
FMA = ['fmadd', 'fmsub', 'fnmadd', 'fnmsub']
UNARY = ['fabs', 'fneg', 'fsqrt', 'frintn', 'frinta', 'frintp', 'frintm', 'frintz', 'frintx',
         'frinti', 'fmov']
TOINT = ['fcvtns', 'fcvtnu', 'fcvtas', 'fcvtau', 'fcvtps', 'fcvtpu', 'fcvtms', 'fcvtmu',
         'fcvtzs', 'fcvtzu']

VARITH = ['fadd', 'fsub', 'fmul', 'fdiv', 'fmla', 'fmls']

CLASSES = {
    'fp_arith': _c([op + ' {fd}, {fn}, {fm}' for op in ARITH], 'sd'),
    'fp_fma': _c([op + ' {fd}, {fn}, {fm}, {fa}' for op in FMA], 'sd'),
    'fp_unary': _c([op + ' {fd}, {fn}' for op in UNARY], 'sd'),
    'fp_cvt': [('fcvt {gd_%s}, {fn}' % to, f, None, 'cvt') for f in 'hsd' for to in 'hsd'
               if f != to],
    'fp_cmp': _c(['fcmp {fn}, {fm}', 'fcmpe {fn}, {fm}', 'fcmp {fn}, #0.0',
                  'fcmpe {fn}, #0.0', 'fccmp {fn}, {fm}, #{nzcv}, {cond}',
                  'fccmpe {fn}, {fm}, #{nzcv}, {cond}', 'fcsel {fd}, {fn}, {fm}, {cond}'],
                 'sd'),
    'fp_toint': [(op + ' {rd}, {fn}', f, w, 'toint') for op in TOINT for f in 'sd'
                 for w in 'wx'] +
                [(op + ' {rd}, {fn}, #{fbits}', f, w, 'toint') for op in ('fcvtzs', 'fcvtzu')
                 for f in 'sd' for w in 'wx'],
    'int_tofp': [(op + ' {fd}, {rn}', f, w, 'tofp') for op in ('scvtf', 'ucvtf')
                 for f in 'sd' for w in 'wx'] +
                [(op + ' {fd}, {rn}, #{fbits}', f, w, 'tofp') for op in ('scvtf', 'ucvtf')
                 for f in 'sd' for w in 'wx'],
    'fp_recip': _c(['frecpe {fd}, {fn}', 'frsqrte {fd}, {fn}', 'frecpx {fd}, {fn}',
                    'frecps {fd}, {fn}, {fm}', 'frsqrts {fd}, {fn}, {fm}'], 'sd'),
    # Advanced SIMD FP: every lane comes from the value pools (make_state).
    'vec_fp': [(op + ' {vd}.%s, {vn}.%s, {vm}.%s' % (a, a, a), a[-1], None, 'vec')
               for op in VARITH for a in ('4s', '2s', '2d')] +
              [(op + ' {vd}.%s, {vn}.%s, {vm}.%s[%d]' % (a, a, a[-1], i), a[-1], None, 'vec')
               for op in ('fmul', 'fmla', 'fmls') for a in ('4s', '2s', '2d')
               for i in ((0, 1) if a == '2d' else (0, 3))],
    'fp_mov': _c(['fmov {fd}, #{imm}'], 'sd') +
              [('fmov {rd}, {fn}', 's', 'w', 'toint'), ('fmov {rd}, {fn}', 'd', 'x', 'toint'),
               ('fmov {fd}, {rn}', 's', 'w', 'tofp'), ('fmov {fd}, {rn}', 'd', 'x', 'tofp'),
               ('fmov {rd}, {vn}.d[1]', 'd', 'x', 'toint'),
               ('fmov {vd}.d[1], {rn}', 'd', 'x', 'tofp')],
}
# Advanced SIMD FP beyond vec_fp: compares, conversions, pairwise, rounding,
# min/max, estimates, across lanes, by element, scalar forms.
V3 = ['fmax', 'fmin', 'fmaxnm', 'fminnm', 'fabd', 'fmulx', 'faddp', 'fmaxp', 'fminp',
      'fmaxnmp', 'fminnmp', 'frecps', 'frsqrts', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt']
V2 = ['fabs', 'fneg', 'fsqrt', 'frintn', 'frinta', 'frintp', 'frintm', 'frintz', 'frintx',
      'frinti', 'frecpe', 'frsqrte', 'scvtf', 'ucvtf'] + TOINT
VARR = ('4s', '2s', '2d')
VEC_FP2 = ([(op + ' {vd}.%s, {vn}.%s, {vm}.%s' % (a, a, a), a[-1], None, 'vec')
            for op in V3 for a in VARR] +
           [(op + ' {vd}.%s, {vn}.%s' % (a, a), a[-1], None, 'vec') for op in V2 for a in VARR] +
           [(op + ' {vd}.%s, {vn}.%s, #0.0' % (a, a), a[-1], None, 'vec')
            for op in ('fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt') for a in VARR] +
           [(op + ' {vd}.%s, {vn}.%s, #{fbits}' % (a, a), a[-1], 'w' if a[-1] == 's' else 'x',
             'vec') for op in ('fcvtzs', 'fcvtzu', 'scvtf', 'ucvtf') for a in VARR] +
           [('fcvtn {vd}.4h, {vn}.4s', 's', None, 'vec'),
            ('fcvtn2 {vd}.8h, {vn}.4s', 's', None, 'vec'),
            ('fcvtn {vd}.2s, {vn}.2d', 'd', None, 'vec'),
            ('fcvtn2 {vd}.4s, {vn}.2d', 'd', None, 'vec'),
            ('fcvtxn {vd}.2s, {vn}.2d', 'd', None, 'vec'),
            ('fcvtxn2 {vd}.4s, {vn}.2d', 'd', None, 'vec'),
            ('fcvtxn {gd_s}, {fn}', 'd', None, 'vec'),
            ('fcvtl {vd}.4s, {vn}.4h', 'h', None, 'vec'),
            ('fcvtl2 {vd}.4s, {vn}.8h', 'h', None, 'vec'),
            ('fcvtl {vd}.2d, {vn}.2s', 's', None, 'vec'),
            ('fcvtl2 {vd}.2d, {vn}.4s', 's', None, 'vec')] +
           [(op + ' {fd}, {vn}.4s', 's', None, 'vec')
            for op in ('fmaxv', 'fminv', 'fmaxnmv', 'fminnmv')] +
           [(op + ' {fd}, {vn}.%s' % a, t, None, 'vec')
            for op in ('faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp')
            for t, a in (('s', '2s'), ('d', '2d'))] +
           _c([op + ' {fd}, {fn}, {fm}' for op in ('fabd', 'fmulx', 'fcmeq', 'fcmge', 'fcmgt',
                                                    'facge', 'facgt')], 'sd') +
           [(op + ' {fd}, {fn}, #{fbits}', f, 'w' if f == 's' else 'x', 'vec')
            for op in ('fcvtzs', 'fcvtzu', 'scvtf', 'ucvtf') for f in 'sd'] +
           _c([op + ' {fd}, {fn}' for op in ('fcvtzs', 'fcvtzu', 'scvtf', 'ucvtf', 'fcvtns',
                                             'fcvtau', 'frecpe', 'frsqrte', 'frecpx')], 'sd') +
           [(op + ' {vd}.%s, {vn}.%s, {vm}.%s[%d]' % (a, a, a[-1], i), a[-1], None, 'vec')
            for op in ('fmulx',) for a in VARR for i in ((0, 1) if a == '2d' else (0, 3))] +
           [(op + ' {fd}, {fn}, {vm}.%s[%d]' % (f, i), f, None, 'vec')
            for op in ('fmul', 'fmla', 'fmls', 'fmulx') for f in 'sd'
            for i in ((0, 1) if f == 'd' else (0, 3))])
CLASSES['vec_fp2'] = VEC_FP2
# FEAT_FRINTTS (scalar and vector FRINT32/64) and FEAT_JSCVT (FJCVTZS); the
# FEAT_FP16 scalar classes are in dt_classes.py (encoded there: clang 14
# cannot assemble FP16 under a .arch directive).
CLASSES['fp_frintts'] = (
    _c([op + ' {fd}, {fn}' for op in ('frint32z', 'frint32x', 'frint64z', 'frint64x')], 'sd') +
    [(op + ' {vd}.%s, {vn}.%s' % (a, a), a[-1], None, 'vec')
     for op in ('frint32z', 'frint32x', 'frint64z', 'frint64x') for a in VARR] +
    [('fjcvtzs {rd}, {fn}', 'd', 'w', 'toint')] * 8)
CLASSES.update(dt_classes.CLASSES)
SEQ_FROM = ['fp_arith', 'fp_fma', 'fp_unary', 'fp_cvt', 'fp_cmp', 'fp_toint', 'int_tofp',
            'fp_recip']


# ---- values --------------------------------------------------------------
def pack(f, sign, exp, frac):
    e, fb = FMT[f]
    return (sign << (e + fb)) | (exp << fb) | frac


def from_float(f, x):
    if f == 'h':
        return struct.unpack('<H', struct.pack('<e', x))[0]
    if f == 's':
        return struct.unpack('<I', struct.pack('<f', x))[0]
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def fval(rng, f, near=None):
    """A random value of format F (raw bits).  NEAR: a value to stay close to."""
    e, fb = FMT[f]
    emax, bias = (1 << e) - 1, (1 << (e - 1)) - 1
    sign = rng.getrandbits(1)
    if near is not None and rng.random() < 0.35:
        k = rng.choice([0, 0, 1, -1, 2, -2, rng.randint(-300, 300)])
        v = (near & ((1 << (e + fb)) - 1)) + k
        v = max(0, min(v, (emax << fb) - 1))
        return v | (rng.getrandbits(1) << (e + fb))
    r = rng.random()
    if r < 0.04:
        return pack(f, sign, 0, 0)
    if r < 0.07:
        return pack(f, sign, emax, 0)
    if r < 0.10:  # quiet NaN with payload
        return pack(f, sign, emax, (1 << (fb - 1)) | rng.getrandbits(fb - 1))
    if r < 0.13:  # signalling NaN
        return pack(f, sign, emax, rng.randint(1, (1 << (fb - 1)) - 1))
    if r < 0.20:  # denormal
        fr = rng.choice([1, (1 << fb) - 1, rng.randint(1, (1 << fb) - 1),
                         rng.randint(1, 1 << (fb // 3))])
        return pack(f, sign, 0, fr)
    if r < 0.26:  # extreme normals
        return rng.choice([pack(f, sign, 1, 0), pack(f, sign, emax - 1, (1 << fb) - 1),
                           pack(f, sign, 1, rng.getrandbits(fb)),
                           pack(f, sign, emax - 1, rng.getrandbits(fb)),
                           pack(f, sign, rng.randint(1, 4), rng.getrandbits(fb))])
    if r < 0.30:  # about sqrt(min normal): products land near the underflow threshold
        return pack(f, sign, bias + (1 - bias) // 2 + rng.randint(-2, 1), rng.getrandbits(fb))
    if r < 0.35:  # small integers and halves (rounding ties)
        x = rng.randint(-12, 12) + rng.choice([0, 0.5, 0.25, 0.75])
        return from_float(f, x)
    if r < 0.45:  # near integer limits
        if f == 'h':
            base = rng.choice([2.0 ** 15, 2.0 ** 10, 65504.0, 2.0 ** 11])
        else:
            base = rng.choice([2.0 ** 31, 2.0 ** 32, 2.0 ** 63, 2.0 ** 64, 2.0 ** 53, 2.0 ** 24])
        b = from_float(f, base) + rng.randint(-3, 3)
        return b | (sign << (e + fb))
    if r < 0.65:  # exponent near zero (lots of interaction between operands)
        return pack(f, sign, bias + rng.randint(-4, 4), rng.getrandbits(fb))
    if r < 0.72:  # few significant bits (exact results, ties)
        ex = max(0, min(bias + rng.randint(-30, 30), emax - 1))  # half: bias is 15
        return pack(f, sign, ex, rng.getrandbits(4) << (fb - 4))
    return pack(f, sign, rng.randint(1, emax - 1), rng.getrandbits(fb))


def ival(rng, w):
    bits = 32 if w == 'w' else 64
    r = rng.random()
    if r < 0.4:
        v = rng.choice([0, 1, -1, 2 ** (bits - 1), 2 ** (bits - 1) - 1, 2 ** bits - 1,
                        2 ** 24 + 1, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 24 - 1, 2 ** 31,
                        2 ** 32 - 1, 2 ** 63 - 512, 2 ** 63 - 1024, 3 << 60])
        v += rng.randint(-2, 2)
    elif r < 0.6:
        v = rng.randint(-1000, 1000)
    elif r < 0.8:
        v = rng.getrandbits(rng.randint(1, bits))
    else:
        v = rng.getrandbits(64)
    return v & ((1 << 64) - 1)


def encodable_imm(rng):
    n = rng.randint(0, 15)
    r = rng.randint(-3, 4)
    x = (16 + n) / 16.0 * 2.0 ** r
    return -x if rng.getrandbits(1) else x


# ---- cases ---------------------------------------------------------------
def fill(rng, tmpl, used_f):
    t, f, w, kind = tmpl
    regs = rng.sample(range(8), 4)
    subs = {}
    fp = {'h': 'h', 's': 's', 'd': 'd'}[f]
    subs['fd'] = '%s%d' % (fp, regs[0])
    subs['fn'] = '%s%d' % (fp, regs[1] if rng.random() < 0.85 else regs[0])
    subs['fm'] = '%s%d' % (fp, regs[2] if rng.random() < 0.9 else regs[1])
    subs['fa'] = '%s%d' % (fp, regs[3])
    subs['vd'] = 'v%d' % regs[0]
    subs['vn'] = 'v%d' % regs[1]
    subs['vm'] = 'v%d' % (regs[2] if rng.random() < 0.9 else regs[1])
    xr = rng.sample(range(16), 2)
    subs['rd'] = '%s%d' % (w or 'x', xr[0])
    subs['rn'] = '%s%d' % (w or 'x', xr[1])
    subs['cond'] = rng.choice(CONDS)
    subs['nzcv'] = str(rng.randint(0, 15))
    subs['fbits'] = str(rng.randint(1, 32 if w == 'w' else 64))
    subs['imm'] = repr(encodable_imm(rng))
    for to in 'hsd':
        subs['gd_' + to] = '%s%d' % (to, regs[0])
    used_f.add(f)
    return t.format(**subs)


def make_state(rng, fmts, near_pairs=True, vec=False):
    st = bytearray(STATE)
    for i in range(16):
        w = rng.choice('wx')
        struct.pack_into('<Q', st, OFF_X + 8 * i, ival(rng, w))
    prev = None
    f = rng.choice(sorted(fmts))
    for i in range(8):
        if vec:
            # every lane from the pools (neighbours of the previous lane)
            bits = {'h': 16, 's': 32}.get(f, 64)
            q = 0
            for j in range(128 // bits):
                x = fval(rng, f, prev)
                prev = x
                q |= x << (bits * j)
            struct.pack_into('<QQ', st, OFF_V + 16 * i, q & ((1 << 64) - 1), q >> 64)
            continue
        lo = fval(rng, f, prev if near_pairs else None)
        prev = lo
        hi = rng.getrandbits(64)
        if f != 'd':
            lo |= rng.getrandbits(64) << (16 if f == 'h' else 32) if rng.random() < 0.5 else 0
            lo &= (1 << 64) - 1
        struct.pack_into('<QQ', st, OFF_V + 16 * i, lo, hi)
    fpcr = rng.randint(0, 3) << 22
    if rng.random() < 0.3:
        fpcr |= 1 << 24  # FZ
    if rng.random() < 0.3:
        fpcr |= 1 << 25  # DN
    if rng.random() < 0.3:
        fpcr |= 1 << 26  # AHP
    fpsr = 0 if rng.random() < 0.8 else rng.choice([0x9f, rng.getrandbits(5), 0x80, 0x08000000])
    nzcv = rng.getrandbits(4) << 28
    struct.pack_into('<QQQ', st, OFF_FPCR, fpcr, fpsr, nzcv)
    return st


ASM_HEAD = r'''
	.arch armv8.5-a+crypto+sha3+lse+rcpc+dotprod+flagm+crc+aes+sha2
	.arch_extension sha3
	.macro LOADST
	ldr x9, [x19, #256]
	msr fpcr, x9
	ldr x9, [x19, #264]
	msr fpsr, x9
	ldr x9, [x19, #272]
	msr nzcv, x9
	ldp q0, q1, [x19, #128]
	ldp q2, q3, [x19, #160]
	ldp q4, q5, [x19, #192]
	ldp q6, q7, [x19, #224]
	ldp x0, x1, [x19, #0]
	ldp x2, x3, [x19, #16]
	ldp x4, x5, [x19, #32]
	ldp x6, x7, [x19, #48]
	ldp x8, x9, [x19, #64]
	ldp x10, x11, [x19, #80]
	ldp x12, x13, [x19, #96]
	ldp x14, x15, [x19, #112]
	.endm
	.macro STOREST
	stp x0, x1, [x20, #0]
	stp x2, x3, [x20, #16]
	stp x4, x5, [x20, #32]
	stp x6, x7, [x20, #48]
	stp x8, x9, [x20, #64]
	stp x10, x11, [x20, #80]
	stp x12, x13, [x20, #96]
	stp x14, x15, [x20, #112]
	stp q0, q1, [x20, #128]
	stp q2, q3, [x20, #160]
	stp q4, q5, [x20, #192]
	stp q6, q7, [x20, #224]
	mrs x9, fpcr
	str x9, [x20, #256]
	mrs x9, fpsr
	str x9, [x20, #264]
	mrs x9, nzcv
	str x9, [x20, #272]
	msr fpcr, xzr
	.endm
	.text
'''


def gen(cls, seed, n, outdir):
    rng = random.Random('%s:%s' % (cls, seed))
    asm = [ASM_HEAD]
    cases, inputs = [], []
    for i in range(n):
        if cls == 'seq':
            k = rng.randint(2, 5)
            tm = [rng.choice(CLASSES[rng.choice(SEQ_FROM)]) for _ in range(k)]
            tm = [t for t in tm if not dt_classes.is_gap(t)] or [CLASSES['fp_arith'][0]]
        elif cls == 'int_seq':
            k = rng.randint(2, 5)
            tm = [rng.choice(CLASSES[rng.choice(dt_classes.INT_SEQ_FROM)]) for _ in range(k)]
            tm = [t for t in tm if not dt_classes.is_gap(t)] or [CLASSES['int_imm'][0]]
        else:
            pool = [t for t in CLASSES[cls] if not dt_classes.is_gap(t)]
            # seed "enum": every template in turn (at least once if N is large enough)
            tm = [pool[i % len(pool)] if seed == 'enum' else rng.choice(pool)]
        if any(t[3] in dt_classes.NEW_KINDS for t in tm):
            st = make_state(rng, {'d'})
            dt_classes.fill_mem(rng, st)
            if any(t[3] == 'vint' for t in tm):
                dt_classes.fill_vint(rng, st)
            insns = [x for t in tm for x in dt_classes.render(rng, t, st)]
            inputs.append(st)
            cases.append({'insns': insns})
            asm.append('\t.p2align 2\ncase_%d:\n\tstp x19, x20, [sp, #-16]!\n'
                       '\tmov x19, x0\n\tmov x20, x1\n\tLOADST\n' % i)
            asm += ['\t%s\n' % x for x in insns]
            asm.append('\tSTOREST\n\tldp x19, x20, [sp], #16\n\tret\n')
            continue
        fmts = set()
        insns = [fill(rng, t, fmts) for t in tm]
        if cls == 'fp_cvt' or any(t[3] == 'cvt' for t in tm):
            fmts = {tm[0][1]}
        st = make_state(rng, fmts, vec=any(t[3] == 'vec' for t in tm))
        inputs.append(st)
        cases.append({'insns': insns})
        asm.append('\t.p2align 2\ncase_%d:\n\tstp x19, x20, [sp, #-16]!\n'
                   '\tmov x19, x0\n\tmov x20, x1\n\tLOADST\n' % i)
        asm += ['\t%s\n' % s for s in insns]
        asm.append('\tSTOREST\n\tldp x19, x20, [sp], #16\n\tret\n')
    asm.append('\t.section .rodata\n\t.p2align 4\n\t.globl dt_inputs\ndt_inputs:\n')
    for st in inputs:
        for j in range(0, STATE, 8):
            asm.append('\t.quad 0x%x\n' % struct.unpack_from('<Q', st, j)[0])
    asm.append('\t.p2align 3\n\t.globl dt_ncases\ndt_ncases:\n\t.quad %d\n' % n)
    asm.append('\t.globl dt_cases\ndt_cases:\n')
    asm += ['\t.quad case_%d\n' % i for i in range(n)]
    with open(outdir + '/cases.S', 'w') as fp:
        fp.write(''.join(asm))
    with open(outdir + '/cases.json', 'w') as fp:
        json.dump({'class': cls, 'seed': seed, 'cases': cases,
                   'inputs': [st.hex() for st in inputs]}, fp)


# ---- comparison ----------------------------------------------------------
def describe(st):
    q = lambda o: struct.unpack_from('<Q', st, o)[0]
    parts = ['fpcr=%#x fpsr=%#x nzcv=%x' % (q(OFF_FPCR), q(OFF_FPSR), q(OFF_NZCV) >> 28)]
    parts += ['v%d=%016x:%016x' % (i, q(OFF_V + 16 * i + 8), q(OFF_V + 16 * i))
              for i in range(8)]
    parts += ['x%d=%#x' % (i, q(OFF_X + 8 * i)) for i in range(16)]
    return parts


FIELDS = ([('x%d' % i, OFF_X + 8 * i, 8) for i in range(16)] +
          [('v%d' % i, OFF_V + 16 * i, 16) for i in range(8)] +
          [('fpcr', OFF_FPCR, 8), ('fpsr', OFF_FPSR, 8), ('nzcv', OFF_NZCV, 8)] +
          [('mem+%#x' % o, OFF_MEM + o, 8) for o in range(0, MEMSZ, 8)])


# ---- where QEMU 7.2 is wrong (README.md, "Where QEMU 7.2 is wrong") ----
# Each entry: (name, match(insns, input_state) -> bool,
# fix(insns, input_state, ref_state) -> ref_state with the value the ARM ARM
# pseudocode gives).  cmp applies them to the reference before comparing.
OVERRIDES = []



# FJCVTZS of a positive denormal under FPCR.FZ: FPToFixedJS flushes it to
# zero with IDC and gives Z = 0 ("sign == '0' && value == 0.0 &&
# !IsZero(op<51:0>)"); QEMU 7.2 gives Z = 1.
def _fjcvtzs_fz_denormal(insns, inp):
    import re as _re
    mo = _re.match(r'fjcvtzs w\d+, d(\d+)$', insns[-1]) if len(insns) == 1 else None
    if not mo or not (struct.unpack_from('<Q', inp, OFF_FPCR)[0] >> 24) & 1:
        return False
    x = struct.unpack_from('<Q', inp, OFF_V + 16 * int(mo.group(1)))[0]
    return x >> 52 == 0 and x != 0


def _nzcv_zero(insns, inp, ref):
    struct.pack_into('<Q', ref, OFF_NZCV, 0)
    return ref


OVERRIDES.append(('fjcvtzs FZ positive denormal: Z = 0', _fjcvtzs_fz_denormal, _nzcv_zero))


# Scalar FCVTZS Hd, Hn, #fbits (shift-by-immediate space, immh = 001x):
# FPToFixed gives a 16-bit result and V[d] is written with esize = 16 bits,
# so bits 127:16 are zero; QEMU 7.2 writes the helper's 32-bit sign-extended
# value (0xffffxxxx for a negative result).
def _fcvtzs_h_fixed_scalar(insns, inp):
    import re as _re
    mo = _re.match(r'\.inst 0x([0-9a-f]{8})', insns[0]) if len(insns) == 1 else None
    return bool(mo) and (int(mo.group(1), 16) & 0xfff0fc00) == 0x5f10fc00


def _zero_above_h(insns, inp, ref):
    d = int(insns[0].split()[1], 16) & 31
    if d < 8:  # v0-v7 are compared
        lo = struct.unpack_from('<Q', ref, OFF_V + 16 * d)[0]
        struct.pack_into('<QQ', ref, OFF_V + 16 * d, lo & 0xffff, 0)
    return ref


OVERRIDES.append(('fcvtzs Hd, Hn, #fbits: bits 127:16 zero', _fcvtzs_h_fixed_scalar,
                  _zero_above_h))


def apply_overrides(insns, inp, ref):
    for _name, match, fix in OVERRIDES:
        if match(insns, inp):
            ref = fix(insns, inp, bytearray(ref))
    return bytes(ref)


def diff(ref, got):
    out = []
    for name, off, size in FIELDS:
        a, b = ref[off:off + size], got[off:off + size]
        if a != b:
            out.append('%s ref=%s got=%s' % (name, a[::-1].hex(), b[::-1].hex()))
    return out


def cmp(outdir, refp, gotp, maxshow=5):
    meta = json.load(open(outdir + '/cases.json'))
    ref, got = open(refp, 'rb').read(), open(gotp, 'rb').read()
    n = len(meta['cases'])
    bad = 0
    if len(ref) != n * STATE:
        print('reference run produced %d bytes, want %d' % (len(ref), n * STATE))
        return 2
    for i in range(n):
        r, g = ref[i * STATE:(i + 1) * STATE], got[i * STATE:(i + 1) * STATE]
        if len(g) < STATE:
            print('case %d: bsdemu output ends early (%d bytes)' % (i, len(got)))
            return 1
        inp = bytes.fromhex(meta['inputs'][i])
        r = apply_overrides(meta['cases'][i]['insns'], inp, r)
        d = diff(r, g)
        if d:
            bad += 1
            if bad <= maxshow:
                inp = bytes.fromhex(meta['inputs'][i])
                print('case %d: %s' % (i, ' ; '.join(meta['cases'][i]['insns'])))
                print('  in:  ' + ' '.join(describe(inp)[:9]))
                print('  in:  ' + ' '.join(describe(inp)[9:]))
                if any(inp[OFF_MEM:]):
                    print('  in:  mem=' + ' '.join(inp[OFF_MEM + o:OFF_MEM + o + 8][::-1].hex()
                                                   for o in range(0, MEMSZ, 8)))
                print('  diff: ' + '; '.join(d))
    if bad:
        print('%d of %d cases differ' % (bad, n))
        return 1
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == 'classes':
        print(' '.join(sorted(CLASSES) + ['int_seq', 'seq']))
        return 0
    if len(argv) == 6 and argv[1] == 'gen':
        gen(argv[2], argv[3], int(argv[4]), argv[5])
        return 0
    if len(argv) == 5 and argv[1] == 'cmp':
        return cmp(argv[2], argv[3], argv[4])
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
