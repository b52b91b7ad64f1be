package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
)

// go-copy: copy() (memmove) of many sizes and alignments, bytes.IndexByte
// (memchr), bytes.Equal (memequal) and bytes.Count over a 1 MiB buffer.
func copyWork(scale int) uint64 {
	r := rng(11)
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(r.next() % 251)
	}
	dst := make([]byte, len(buf))
	var h uint64
	sizes := []int{7, 16, 33, 64, 100, 256, 1000, 4096, 65536, 1 << 19}
	for round := 0; round < 400*scale; round++ {
		for _, n := range sizes {
			reps := (1 << 20) / n
			if reps > 4000 {
				reps = 4000
			}
			for k := 0; k < reps; k++ {
				off := int(r.next() % uint64(len(buf)-n))
				doff := (off*7 + k) % (len(dst) - n)
				copy(dst[doff:doff+n], buf[off:off+n])
			}
		}
		copy(buf[1:], buf[:len(buf)-1]) // overlapping memmove
		pos := 0
		for c := byte(250); c > 240; c-- {
			i := bytes.IndexByte(buf[pos:], c)
			if i >= 0 {
				pos += i
			}
			h = mix(h, uint64(i))
		}
		h = mix(h, uint64(bytes.Count(buf[:1<<16], []byte{byte(round)})))
		if bytes.Equal(dst[:1<<18], buf[:1<<18]) {
			h = mix(h, 1)
		}
		h = mix(h, binary.LittleEndian.Uint64(dst[round%4096*8:]))
	}
	return h
}

// go-crc32: hash/crc32 IEEE and Castagnoli over buffers of several sizes.
func crc32Work(scale int) uint64 {
	r := rng(13)
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(r.next())
	}
	cast := crc32.MakeTable(crc32.Castagnoli)
	var h uint64
	for round := 0; round < 200*scale; round++ {
		buf[round%1024] ^= 0x5a
		h = mix(h, uint64(crc32.ChecksumIEEE(buf)))
		h = mix(h, uint64(crc32.Checksum(buf, cast)))
		for off := 0; off+100 < len(buf); off += 4099 {
			h = mix(h, uint64(crc32.ChecksumIEEE(buf[off:off+100])))
		}
	}
	return h
}

// go-sha256: crypto/sha256 over 64 KiB blocks and many short messages.
func sha256Work(scale int) uint64 {
	r := rng(17)
	buf := make([]byte, 1<<16)
	for i := range buf {
		buf[i] = byte(r.next())
	}
	var h uint64
	for round := 0; round < 2400*scale; round++ {
		d := sha256.Sum256(buf)
		copy(buf[round%1000:], d[:])
		h = mix(h, binary.LittleEndian.Uint64(d[:]))
	}
	for i := 0; i < 300000*scale; i++ {
		d := sha256.Sum256(buf[i%1000 : i%1000+55])
		h = mix(h, binary.LittleEndian.Uint64(d[8:]))
	}
	return h
}

// go-aes: crypto/aes (AES-128) in CTR mode and GCM seal/open.
func aesWork(scale int) uint64 {
	r := rng(19)
	key := make([]byte, 16)
	for i := range key {
		key[i] = byte(r.next())
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	buf := make([]byte, 1<<16)
	for i := range buf {
		buf[i] = byte(r.next())
	}
	out := make([]byte, len(buf))
	iv := make([]byte, 16)
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	nonce := make([]byte, gcm.NonceSize())
	var h uint64
	for round := 0; round < 120*scale; round++ {
		iv[0] = byte(round)
		cipher.NewCTR(block, iv).XORKeyStream(out, buf)
		h = mix(h, binary.LittleEndian.Uint64(out[round%4096*8:]))
		nonce[1] = byte(round)
		sealed := gcm.Seal(nil, nonce, buf[:8192], nil)
		h = mix(h, binary.LittleEndian.Uint64(sealed[len(sealed)-16:]))
		opened, err := gcm.Open(nil, nonce, sealed, nil)
		if err != nil || !bytes.Equal(opened, buf[:8192]) {
			panic("gcm round trip differs")
		}
		copy(buf, out[:64])
	}
	return h
}
