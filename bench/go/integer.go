package main

import (
	"bytes"
	"compress/flate"
	"io"
	"sort"
	"strconv"
)

// go-hashsort: FNV-1a (hand-written, 64-bit) over generated records, then
// sort.Slice of the records by hash and by name.
func hashSort(scale int) uint64 {
	type rec struct {
		name string
		hash uint64
		n    int
	}
	r := rng(1)
	var h uint64
	for round := 0; round < 2*scale; round++ {
		recs := make([]rec, 50000)
		for i := range recs {
			x := r.next()
			name := "rec-" + strconv.FormatUint(x%1000003, 36) + "-" + strconv.Itoa(i%97)
			f := uint64(0xcbf29ce484222325)
			for j := 0; j < len(name); j++ {
				f = (f ^ uint64(name[j])) * 0x100000001b3
			}
			recs[i] = rec{name, f, i}
		}
		sort.Slice(recs, func(a, b int) bool { return recs[a].hash < recs[b].hash })
		for i := 0; i < len(recs); i += 101 {
			h = mix(h, recs[i].hash^uint64(recs[i].n))
		}
		sort.SliceStable(recs, func(a, b int) bool { return recs[a].name < recs[b].name })
		for i := 0; i < len(recs); i += 89 {
			h = mix(h, uint64(recs[i].n))
		}
	}
	return h
}

// go-map: map[uint64]uint32 inserts, lookups (hits and misses) and deletes,
// and a map[string]int word count.
func mapWork(scale int) uint64 {
	r := rng(7)
	var h uint64
	for round := 0; round < 6*scale; round++ {
		m := make(map[uint64]uint32)
		keys := make([]uint64, 100000)
		for i := range keys {
			keys[i] = r.next() % 400000
			m[keys[i]] += uint32(i)
		}
		var sum uint64
		for i, k := range keys {
			if v, ok := m[k^uint64(i&1)]; ok {
				sum += uint64(v)
			}
			if i%3 == 0 {
				delete(m, keys[i/2])
			}
		}
		h = mix(h, sum)
		h = mix(h, uint64(len(m)))
		words := make(map[string]int)
		for _, w := range bytes.Fields(text(&r, 200000)) {
			words[string(w)]++
		}
		for _, w := range []string{"the", "guest", "fast", "nope"} {
			h = mix(h, uint64(words[w]))
		}
		h = mix(h, uint64(len(words)))
	}
	return h
}

// go-flate: compress/flate round trip (compress at level 6, decompress,
// compare) of generated text.
func flateWork(scale int) uint64 {
	r := rng(3)
	var h uint64
	for round := 0; round < 3*scale; round++ {
		src := text(&r, 1<<20)
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, 6)
		w.Write(src)
		w.Close()
		h = mix(h, uint64(buf.Len()))
		out, err := io.ReadAll(flate.NewReader(&buf))
		if err != nil || !bytes.Equal(out, src) {
			panic("flate round trip differs")
		}
		h = mix(h, uint64(len(out)))
		h = mix(h, uint64(out[len(out)/3]))
	}
	return h
}
