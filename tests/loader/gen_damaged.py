#!/usr/bin/env python3
"""Generate a corpus of damaged ELF files for bsdemu's loader.

    gen_damaged.py BASE INTERP_BASE OUTDIR

BASE is a valid, small static FreeBSD/aarch64 ET_EXEC (tests/loader/exit42.c),
INTERP_BASE a valid one with PT_INTERP /libexec/ld-elf.so.1
(tests/loader/interp/prog.c).  Every file written to OUTDIR must be refused
by bsdemu with one line "bsdemu: PATH: reason" and a non-zero status.
OUTDIR/MANIFEST lists them, one per line, tab-separated:

    name    status    fragment

status is 126, 127 or "any" (non-zero, below 128); fragment, if not empty,
must appear in the message.  Python 3 standard library only.
"""
import os
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")
PT_NULL, PT_LOAD, PT_INTERP, PT_NOTE, PT_PHDR = 0, 1, 3, 4, 6


class Elf:
    def __init__(self, data):
        self.b = bytearray(data)
        (self.ident, self.type, self.machine, self.version, self.entry,
         self.phoff, self.shoff, self.flags, self.ehsize, self.phentsize,
         self.phnum, self.shentsize, self.shnum, self.shstrndx) = EHDR.unpack_from(self.b, 0)

    def ph_off(self, i):
        return self.phoff + i * PHDR.size

    def ph(self, i):
        return list(PHDR.unpack_from(self.b, self.ph_off(i)))

    def set_ph(self, i, ph):
        PHDR.pack_into(self.b, self.ph_off(i), *ph)

    def find(self, ptype, nth=0):
        for i in range(self.phnum):
            if self.ph(i)[0] == ptype:
                if nth == 0:
                    return i
                nth -= 1
        raise KeyError(ptype)

    def copy(self):
        return Elf(bytes(self.b))

    # header field writers (offsets of Elf64_Ehdr)
    def u8(self, off, v):
        self.b[off] = v & 0xff
        return self

    def u16(self, off, v):
        struct.pack_into("<H", self.b, off, v & 0xffff)
        return self

    def u32(self, off, v):
        struct.pack_into("<I", self.b, off, v & 0xffffffff)
        return self

    def u64(self, off, v):
        struct.pack_into("<Q", self.b, off, v & 0xffffffffffffffff)
        return self

    def ph_field(self, i, field, v):
        names = ["type", "flags", "offset", "vaddr", "paddr", "filesz", "memsz", "align"]
        ph = self.ph(i)
        ph[names.index(field)] = v & (0xffffffff if field in ("type", "flags") else 0xffffffffffffffff)
        self.set_ph(i, ph)
        return self

    def strip_freebsd_note(self):
        """Make the FreeBSD ABI note a GNU one (same size)."""
        i = self.find(PT_NOTE)
        off = self.ph(i)[2]
        assert self.b[off + 12:off + 20] == b"FreeBSD\0"
        self.b[off:off + 4] = struct.pack("<I", 4)
        self.b[off + 12:off + 20] = b"GNU\0\0\0\0\0"
        return self

    def drop_note(self):
        return self.ph_field(self.find(PT_NOTE), "type", PT_NULL)


def variants(base, ibase):
    """Yield (name, bytes, status, fragment)."""
    E = base
    loads = [i for i in range(E.phnum) if E.ph(i)[0] == PT_LOAD]
    need = max(E.ph(i)[2] + E.ph(i)[5] for i in loads)

    # -- truncations: anywhere before the end of the loaded file bytes
    cuts = sorted(set(list(range(0, 80)) + list(range(80, need, 7)) + [need - 1]))
    for n in cuts:
        frag = "" if n < 4 else "truncated"
        if 4 <= n < 20:
            frag = "truncated ELF header"
        yield ("trunc-%04d" % n, bytes(E.b[:n]), 126, frag)

    # -- identification
    yield "not-elf-magic", b"\x7fELG" + bytes(E.b[4:]), 126, "not an ELF"
    yield "class-none", bytes(E.copy().u8(4, 0).b), 126, "invalid ELF class"
    yield "class-3", bytes(E.copy().u8(4, 3).b), 126, "invalid ELF class"
    yield "class-32", bytes(E.copy().u8(4, 1).b), 126, "only FreeBSD/aarch64"
    yield "data-none", bytes(E.copy().u8(5, 0).b), 126, "data encoding"
    yield "data-3", bytes(E.copy().u8(5, 3).b), 126, "data encoding"
    be = E.copy().u8(5, 2)
    be.b[18:20] = struct.pack(">H", 183)
    yield "big-endian", bytes(be.b), 126, "big-endian aarch64 ELF"
    yield "ei-version-0", bytes(E.copy().u8(6, 0).b), 126, "ELF version"
    yield "e-version-2", bytes(E.copy().u32(20, 2).b), 126, "ELF version"

    # -- machine
    yield "machine-x86-64", bytes(E.copy().u16(18, 62).b), 126, "x86-64 ELF: only FreeBSD/aarch64"
    yield "machine-arm", bytes(E.copy().u16(18, 40).b), 126, "32-bit ARM ELF"
    yield "machine-riscv", bytes(E.copy().u16(18, 243).b), 126, "RISC-V ELF"
    yield "machine-0", bytes(E.copy().u16(18, 0).b), 126, "only FreeBSD/aarch64"
    yield "machine-ffff", bytes(E.copy().u16(18, 0xffff).b), 126, "machine-65535"

    # -- OS
    yield ("linux-osabi", bytes(E.copy().u8(7, 3).drop_note().b), 126,
           "Linux ELF, not FreeBSD")
    yield ("linux-gnu-note", bytes(E.copy().u8(7, 3).strip_freebsd_note().b), 126,
           "Linux ELF, not FreeBSD")
    yield ("linux-gnu-note-osabi0", bytes(E.copy().u8(7, 0).strip_freebsd_note().b), 126,
           "Linux ELF, not FreeBSD")
    yield ("unbranded", bytes(E.copy().u8(7, 0).drop_note().b), 126,
           "not a FreeBSD program")

    # -- file type
    for t, frag in ((0, "file type"), (1, "relocatable"), (4, "core"), (0xfe00, "file type")):
        yield "e-type-%x" % t, bytes(E.copy().u16(16, t).b), 126, frag

    # -- program header table
    for v in (0, 1, 32, 55, 57, 64, 0xffff):
        yield "phentsize-%d" % v, bytes(E.copy().u16(54, v).b), 126, "e_phentsize"
    yield "phnum-0", bytes(E.copy().u16(56, 0).b), 126, "no program headers"
    yield "phnum-ffff", bytes(E.copy().u16(56, 0xffff).b), 126, "program headers"
    yield "phnum-2000", bytes(E.copy().u16(56, 2000).b), 126, "program headers"
    yield "phnum-past-eof", bytes(E.copy().u16(56, 200).b), 126, "truncated"
    yield "phoff-huge", bytes(E.copy().u64(32, 1 << 63).b), 126, "truncated"
    yield "phoff-max", bytes(E.copy().u64(32, (1 << 64) - 8).b), 126, "truncated"
    yield "phoff-eof", bytes(E.copy().u64(32, len(E.b)).b), 126, "truncated"
    no_load = E.copy()
    for i in loads:
        no_load.ph_field(i, "type", PT_NULL)
    yield "no-pt-load", bytes(no_load.b), 126, "no loadable segment"

    # -- PT_LOAD contents
    l0, l1 = loads[0], loads[1]
    ph1 = E.ph(l1)
    yield ("filesz-gt-memsz", bytes(E.copy().ph_field(l1, "memsz", ph1[5] - 1).b), 126,
           "p_filesz")
    yield ("memsz-overflow", bytes(E.copy().ph_field(l1, "memsz", (1 << 64) - 0x1000).b), 126,
           "address space")
    yield ("vaddr-overflow", bytes(E.copy().ph_field(l1, "vaddr", (1 << 64) - 0x1000 + (ph1[3] & 0xfff)).b),
           126, "address space")
    yield ("vaddr-kernel", bytes(E.copy().ph_field(l1, "vaddr", 0xffff000000000000 + (ph1[3] & 0xfff)).b),
           126, "address space")
    yield ("vaddr-top-user", bytes(E.copy().ph_field(l1, "vaddr", 0x0000ffffffff0000 + (ph1[3] & 0xfff)).b),
           126, "")
    # Below 2^48 (so the parser accepts it) but beyond a 47-bit guest space.
    yield ("vaddr-beyond-guest", bytes(E.copy().ph_field(l1, "vaddr", 0x0000f00000000000 + (ph1[3] & 0xfff)).b),
           126, "")
    yield ("memsz-huge", bytes(E.copy().ph_field(l1, "memsz", 0x0000f00000000000).b), 126, "")
    yield ("misaligned-offset", bytes(E.copy().ph_field(l1, "offset", ph1[2] + 8).b), 126,
           "modulo the page size")
    yield ("misaligned-vaddr", bytes(E.copy().ph_field(l1, "vaddr", ph1[3] + 0x100).b), 126,
           "modulo the page size")
    yield ("align-3", bytes(E.copy().ph_field(l1, "align", 3).b), 126, "power of two")
    yield ("offset-beyond-eof", bytes(E.copy().ph_field(l1, "offset", 0x100000 + (ph1[2] & 0xfff)).b),
           126, "truncated")
    yield ("offset-overflow", bytes(E.copy().ph_field(l1, "offset", (1 << 64) - 0x1000 + (ph1[2] & 0xfff)).b),
           126, "truncated")
    yield ("filesz-beyond-eof", bytes(E.copy().ph_field(l1, "filesz", 0x100000).ph_field(l1, "memsz", 0x100000).b),
           126, "truncated")
    # The first segment's bss grows over the second.
    ov = E.copy().ph_field(l0, "memsz", ph1[3] - E.ph(l0)[3] + 0x10)
    yield "overlapping-loads", bytes(ov.b), 126, "overlap"
    dup = E.copy()
    dup.set_ph(l1, E.ph(l0))
    yield "duplicate-load", bytes(dup.b), 126, "overlap"
    swap = E.copy()
    swap.set_ph(l0, E.ph(l1))
    swap.set_ph(l1, E.ph(l0))
    yield "descending-loads", bytes(swap.b), 126, "ascending"
    yield ("page-zero", bytes(E.copy().ph_field(l0, "vaddr", 0).b), 126, "page zero")

    # -- interpreter
    I = ibase
    ii = I.find(PT_INTERP)
    ioff, isz = I.ph(ii)[2], I.ph(ii)[5]
    assert I.b[ioff:ioff + isz] == b"/libexec/ld-elf.so.1\0"
    yield "interp-missing", bytes(I.b), 127, "interpreter /libexec/ld-elf.so.1 not found"
    osabi0 = I.copy().u8(7, 0)
    yield "interp-brand-only-missing", bytes(osabi0.b), 127, "interpreter /libexec/ld-elf.so.1 not found"
    unterminated = I.copy()
    unterminated.b[ioff + isz - 1] = ord("x")
    yield "interp-unterminated", bytes(unterminated.b), 126, "NUL-terminated"
    embedded = I.copy()
    embedded.b[ioff + 8] = 0
    yield "interp-embedded-nul", bytes(embedded.b), 126, "NUL-terminated"
    yield "interp-empty", bytes(I.copy().ph_field(ii, "filesz", 0).b), 126, "PT_INTERP"
    yield "interp-huge", bytes(I.copy().ph_field(ii, "filesz", 1 << 40).b), 126, "PT_INTERP"
    yield "interp-beyond-eof", bytes(I.copy().ph_field(ii, "offset", 1 << 40).b), 126, "PT_INTERP"
    two = I.copy()
    two.set_ph(two.find(PT_PHDR), I.ph(ii))
    yield "interp-twice", bytes(two.b), 126, "more than one PT_INTERP"
    lin = I.copy().u8(7, 0)
    path = b"/lib/ld-linux.so.2\0"
    lin.b[ioff:ioff + len(path)] = path
    lin.ph_field(ii, "filesz", len(path))
    yield "interp-linux", bytes(lin.b), 126, "Linux ELF, not FreeBSD"

    # -- not ELF at all
    yield "empty", b"", 126, "not an ELF"
    yield "text", b"hello, world\nthis is not a program\n", 126, "not an ELF"
    yield "script", b"#!/bin/sh\necho hi\n", 126, "not an ELF"
    yield "magic-only", b"\x7fELF", 126, "truncated"
    yield "zeros-4k", bytes(4096), 126, "not an ELF"
    yield "header-only", bytes(E.b[:64]), 126, "truncated"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    base = Elf(open(sys.argv[1], "rb").read())
    ibase = Elf(open(sys.argv[2], "rb").read())
    out = sys.argv[3]
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        p = os.path.join(out, f)
        if os.path.isfile(p):
            os.unlink(p)
    manifest = []
    names = set()
    for name, data, status, frag in variants(base, ibase):
        assert name not in names, name
        names.add(name)
        p = os.path.join(out, name)
        with open(p, "wb") as f:
            f.write(data)
        os.chmod(p, 0o755)
        manifest.append("%s\t%s\t%s" % (name, status, frag))
    d = os.path.join(out, "a-directory")
    os.makedirs(d, exist_ok=True)
    manifest.append("a-directory\t126\tIs a directory")
    with open(os.path.join(out, "MANIFEST"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print("%d damaged files in %s" % (len(manifest), out))


if __name__ == "__main__":
    main()
