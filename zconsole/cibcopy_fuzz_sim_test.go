//go:build cgo && zconsolesim

package zconsole

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// copyGuard is how many bytes past the copy buffer the fuzz target watches for a write.
const copyGuard = 64

// shapeCIB makes fuzz bytes into a CIB the system would queue: at least the 16-byte
// header, CIBXOFF within the largest copy, and exactly as long as CIBLEN and CIBXOFF say
// it reaches (the simulated system refuses other images, as z/OS never builds them).
// Every other byte, CIBDATLN and the extension's fields included, stays as the fuzzer
// chose it, so lengths and offsets still point anywhere inside or outside the CIB.
func shapeCIB(b []byte) []byte {
	img := append([]byte(nil), b...)
	if len(img) < zc.CIB_HDR {
		img = append(img, make([]byte, zc.CIB_HDR-len(img))...)
	}
	xoff := int(binary.BigEndian.Uint16(img[zc.CIB_XOFF:]))
	if xoff > c.CopyMax-zc.CIBX_SIZE {
		xoff %= c.CopyMax - zc.CIBX_SIZE + 1
		binary.BigEndian.PutUint16(img[zc.CIB_XOFF:], uint16(xoff))
	}
	ext := cibExtent(img)
	if ext < zc.CIB_HDR {
		img[zc.CIB_LEN] = zc.CIB_HDR / 8
		ext = cibExtent(img)
	}
	if len(img) < ext {
		return append(img, make([]byte, ext-len(img))...)
	}
	return img[:ext]
}

// cibExtent is how far a CIB declares it reaches: CIBLEN doublewords, and the
// extension's 48 bytes at CIBXOFF when there is one.
func cibExtent(img []byte) int {
	ext := int(img[zc.CIB_LEN]) * 8
	if xoff := int(binary.BigEndian.Uint16(img[zc.CIB_XOFF:])); xoff != 0 && xoff+zc.CIBX_SIZE > ext {
		ext = xoff + zc.CIBX_SIZE
	}
	return ext
}

// FuzzCopyCIB: random CIB images, with random lengths and offsets, are queued into the
// simulated system's 31-bit storage and taken off the chain twice: once by the public
// Wait (the protocol's C copy, then the Go decoder), once by the C copy alone into a
// buffer of random capacity. Never a panic, an abend, or a read or write outside the CIB
// or the buffer (under -asan the simulator poisons all storage but live blocks, and Go
// poisons around its allocations); the copy is exactly the CIB's bytes, cut to the
// buffer; Wait returns what the decoder reads from the CIB itself; and the system's
// storage and the program's are back where they began.
func FuzzCopyCIB(f *testing.F) {
	for _, name := range []string{"cib/start.hex", "cib/modify.hex", "cib/stop.hex"} {
		img, err := testfiles.Hex(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(img, uint16(len(img)))
		f.Add(img, uint16(20))
		f.Add(img, uint16(c.CopyMax))
	}
	f.Add([]byte{}, uint16(0))
	f.Fuzz(func(t *testing.T, raw []byte, capacity uint16) {
		img := shapeCIB(raw)
		want := append([]byte(nil), img...)
		binary.BigEndian.PutUint32(want, 0) // the system's CIBNEXT: the last on the chain
		wcmd, werr := decodeCIB(want, ebcdic.IBM1047)

		if r := mvs.Reset("DEMO", nil); r != zc.SIM_QUEUED {
			t.Fatalf("reset: %d", r)
		}
		h, err := Init(WithQueueLimit(255))
		if err != nil {
			t.Fatal(err)
		}
		closed := false
		t.Cleanup(func() {
			if !closed {
				_ = h.Close()
			}
		})
		base := mvs.Stats()

		// The public path: C copies the CIB out, Go decodes it.
		if r := mvs.Queue(img); r != zc.SIM_QUEUED {
			t.Fatalf("a %d-byte CIB declaring %d bytes was not queued: %d", len(img), cibExtent(img), r)
		}
		cmd, err := Wait(h)
		if cmd != wcmd || (err == nil) != (werr == nil) {
			t.Fatalf("Wait: %+v, %v; the CIB decodes to %+v, %v", cmd, err, wcmd, werr)
		}
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("Wait: %v, not ErrMalformed", err)
		}

		// The C copy alone, into a buffer of the fuzzer's capacity with a guard behind it.
		if r := mvs.Queue(img); r != zc.SIM_QUEUED {
			t.Fatalf("second queue: %d", r)
		}
		n := int(capacity) % (c.CopyMax + 1)
		mem := bytes.Repeat([]byte{0xA5}, n+copyGuard)
		var tk c.Taker
		cp, took, err := tk.Take(h.area, mem[:n:n])
		if !took || err != nil {
			t.Fatalf("c.Take: took %v, %v", took, err)
		}
		if cp.Addr < 0x1000 || cp.Addr >= 0x80000000 {
			t.Fatalf("the CIB is at %#x, not in 31-bit storage", cp.Addr)
		}
		wlen := min(len(img), n)
		if cp.Extent != len(img) || cp.Len != wlen || cp.Verb != img[zc.CIB_VERB] {
			t.Fatalf("copy of a %d-byte CIB into %d bytes: %+v", len(img), n, cp)
		}
		if !bytes.Equal(mem[:wlen], want[:wlen]) {
			t.Fatalf("the copy differs from the CIB:\n got %x\nwant %x", mem[:wlen], want[:wlen])
		}
		for i, b := range mem[wlen:] {
			if b != 0xA5 {
				t.Fatalf("byte %d written, past the %d copied into a %d-byte buffer", wlen+i, wlen, n)
			}
		}
		_, _ = decodeCIB(mem[:wlen], ebcdic.IBM1047) // a cut copy decodes without a panic

		after := mvs.Stats()
		if after.Queued != 0 || after.StopQueued || after.SystemBlocks != base.SystemBlocks {
			t.Fatalf("system storage: %d blocks before, %d after, %d queued", base.SystemBlocks, after.SystemBlocks, after.Queued)
		}
		closed = true
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		if end := mvs.Stats(); end.ProgramBlocks != uint64(RetiredAsks()) || end.Abends != 0 {
			t.Fatalf("after Close: %d program blocks (%d of retired questions), %d abends", end.ProgramBlocks, RetiredAsks(), end.Abends)
		}
	})
}
