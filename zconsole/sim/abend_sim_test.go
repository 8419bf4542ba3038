//go:build cgo && zconsolesim

package sim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The simulated supervisor catches the program errors MVS abends a program for, so that
// a test of the protocol fails at once instead of hanging or corrupting storage: each
// case gives it the registers or storage request of one such error, through the same
// entry the protocol's C uses, and expects one abend with MVS's completion code, in the
// statistics, in R15 and in the log.
func TestSimulatorCatchesProgramErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		code int
		do   func(t *testing.T, ecb uint32) uint32 // R15, where there is one
	}{
		{"WAIT on an ECB that is not on a word boundary", 0x201, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCWait, 1, uint64(ecb+2))
		}},
		{"WAIT on an ECB list that is not addressable", 0x201, func(_ *testing.T, _ uint32) uint32 {
			return mvs.SVC(sim.SVCWait, 1, ^uint64(0x10)+1) // the list address 0x10, complemented
		}},
		{"POST of an ECB that is not on a word boundary", 0x102, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCPost, 0, uint64(ecb+2))
		}},
		{"WAIT on an ECB another WAIT already uses", 0x301, func(t *testing.T, ecb uint32) uint32 {
			done := make(chan uint32, 1)
			waits := sim.Stats().SVCs[sim.SVCWait]
			go func() { done <- mvs.SVC(sim.SVCWait, 1, uint64(ecb)) }()
			for deadline := time.Now().Add(10 * time.Second); sim.Stats().SVCs[sim.SVCWait] == waits; time.Sleep(100 * time.Microsecond) {
				require.True(t, time.Now().Before(deadline), "the first WAIT did not begin")
			}
			r15 := mvs.SVC(sim.SVCWait, 1, uint64(ecb))
			require.Zero(t, mvs.SVC(sim.SVCPost, 0, uint64(ecb)), "POST ends the first WAIT")
			select {
			case r := <-done:
				assert.Zero(t, r, "the first WAIT ended normally")
			case <-time.After(10 * time.Second):
				t.Fatal("the first WAIT did not end")
			}
			return r15
		}},
		// The registers of an SVC issued in AMODE 64 must read the same whether the
		// service takes their low halves or all 64 bits (svc_zos.c).
		{"WAIT on an ECB list complemented in R1's low half only", 0x0C4, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCWait, 1, uint64(^ecb+1))
		}},
		{"QEDIT BLOCK= negated in R1's low half only", 0x0C4, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCQedit, uint64(ecb), uint64(^ecb+1))
		}},
		{"POST of an ECB whose address has a high half", 0x0C4, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCPost, 0, 1<<32|uint64(ecb))
		}},
		{"QEDIT BLOCK=0", 0x0C2, func(_ *testing.T, ecb uint32) uint32 {
			return mvs.SVC(sim.SVCQedit, uint64(ecb), 0)
		}},
		{"FREEMAIN of storage not obtained at that address", 0x0C4, func(_ *testing.T, ecb uint32) uint32 {
			mvs.Release(ecb+8, 8)
			return zc.RC_ABEND | 0x0C4 // FREEMAIN has no R15 here: the abend is in the log
		}},
		{"WAIT again and again on an ECB no one clears", 0x0C4, func(_ *testing.T, ecb uint32) uint32 {
			require.Zero(t, mvs.SVC(sim.SVCPost, 0, uint64(ecb)))
			for range 1_000_000 {
				if r := mvs.SVC(sim.SVCWait, 1, uint64(ecb)); r != 0 {
					return r
				}
			}
			return 0
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, sim.Reset("DEMO"))
			ecb := mvs.Obtain(16)
			require.NotZero(t, ecb)
			r15 := tc.do(t, ecb)
			s := sim.Stats()
			assert.Equal(t, uint32(zc.RC_ABEND|tc.code), r15, "R15 says abend %03X", tc.code)
			assert.Equal(t, uint64(1), s.Abends)
			assert.Equal(t, tc.code, s.LastAbend)
			assert.Len(t, sim.Grep(sim.Log(), fmt.Sprintf("ABEND S%03X", tc.code)), 1)
			mvs.Release(ecb, 16)
			assert.Zero(t, sim.Stats().ProgramBlocks)
		})
	}
}
