//go:build cgo && zconsolesim

package mvs

/*
#include <stdlib.h>
#include "zsim_api.h"
*/
import "C"

import (
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/go-zos/zconsole/internal/ebcdic"
	_ "github.com/go-zos/zconsole/zconsole/c" // the simulated MVS these calls enter
)

// logMaxRecord is the most bytes of one log record Records reads.
const logMaxRecord = 4096

func bufPtr(b []byte) *C.uchar { return (*C.uchar)(unsafe.Pointer(unsafe.SliceData(b))) }

func cBool(on bool) C.int {
	if on {
		return 1
	}
	return 0
}

// Reset builds a fresh simulated system where this process is job job. A non-nil start
// is queued as the START CIB. It returns a queue result (zc.SIM_QUEUED when all is
// well), or BadJob.
func Reset(job string, start []byte) int {
	je, err := ebcdic.IBM1047.Field(job, 8) // a job name is the same bytes in every console code page
	if err != nil {
		return BadJob
	}
	cj := C.CString(job)
	defer C.free(unsafe.Pointer(cj))
	var r int
	if start == nil {
		r = int(C.zcsim_reset(cj, bufPtr(je), nil, 0))
	} else {
		r = int(C.zcsim_reset(cj, bufPtr(je), bufPtr(start), C.uint32_t(len(start))))
	}
	if r == C.ZCSIM_QUEUED {
		jobs.Add(1)
	}
	return r
}

// jobs counts the Resets that worked: each began another job.
var jobs atomic.Uint64

// JobNumber is the number of the job the process is now, a new one after each Reset: what
// the program kept of one job (a START no Wait returned) is not the next one's.
func JobNumber() uint64 { return jobs.Load() }

// Queue puts a CIB image on the chain under the system's rules and returns a queue
// result: zc.SIM_QUEUED, zc.SIM_BUSY, zc.SIM_NOSTORAGE or zc.SIM_BADCIB.
func Queue(img []byte) int {
	if len(img) == 0 {
		return C.ZCSIM_BADCIB
	}
	return int(C.zcsim_queue(bufPtr(img), C.uint32_t(len(img))))
}

// Log appends a record of kind (zc.SIM_LOG_*) to the console log.
func Log(kind int, text []byte) {
	if len(text) == 0 {
		text = []byte{' '}
	}
	C.zcsim_log(C.uint32_t(kind), bufPtr(text), C.uint32_t(len(text)))
}

// Records returns the log records from index from on.
func Records(from int) []Record {
	var out []Record
	buf := make([]byte, logMaxRecord)
	for i := from; ; i++ {
		var seq C.uint64_t
		var ns C.int64_t
		var kind, msgid, n C.uint32_t
		if C.zcsim_log_get(C.size_t(i), &seq, &ns, &kind, &msgid, bufPtr(buf), C.uint32_t(len(buf)), &n) == 0 {
			return out
		}
		d := make([]byte, min(int(n), len(buf)))
		copy(d, buf)
		out = append(out, Record{Seq: uint64(seq), Time: time.Unix(0, int64(ns)), Kind: int(kind), MsgID: uint32(msgid), Data: d})
	}
}

// Stats reads the counters.
func Stats() Counts {
	var c C.zcsim_counts
	C.zcsim_counts_get(&c)
	out := Counts{
		ProgramBlocks: uint64(c.program_blocks), ProgramBytes: uint64(c.program_bytes),
		ProgramObtained: uint64(c.program_obtained),
		SystemBlocks:    uint64(c.system_blocks), SystemBytes: uint64(c.system_bytes),
		SystemObtained: uint64(c.system_obtained),
		Abends:         uint64(c.abends), LongWaits: uint64(c.long_waits), LastAbend: uint32(c.last_abend),
		CIBCTR: uint32(c.cibctr), Queued: uint32(c.queued), StopQueued: c.stop_queued != 0,
	}
	for i := range out.SVCs {
		out.SVCs[i] = uint64(c.svcs[i])
	}
	return out
}

// FailSVC lets skip calls of SVC svc through, then makes the next times calls return
// rc without doing anything (times -1: every call; 0: stop failing).
func FailSVC(svc int, rc uint32, skip, times int) {
	C.zcsim_fail_svc(C.uint(svc), C.uint32_t(rc), C.int(skip), C.int(times))
}

// FailStorage makes the next times requests for storage fail.
func FailStorage(times int) { C.zcsim_fail_storage(C.int(times)) }

// NoCOM makes EXTRACT find no communications area while on is true.
func NoCOM(on bool) { C.zcsim_no_com(cBool(on)) }

// FlagPointers makes the system set bit 0 of every 31-bit pointer it hands over (the
// EXTRACT answer, COMECBPT, COMCIBPT, CIBNEXT, the PSA's and the ASCB's pointers) while
// on is true, as a system whose 31-bit code uses the bit as a flag may: the program
// must mask it off. The next Reset turns it off.
func FlagPointers(on bool) { C.zcsim_flag_pointers(cBool(on)) }

// SVC issues supervisor call n in the simulated MVS with R0 and R1 as given, all 64
// bits of them, as the protocol's C issues it, and returns R15. It lets tests give the
// simulated supervisor registers the protocol never sets, to see it catch the program
// error (an abend).
func SVC(n int, r0, r1 uint64) uint32 {
	return uint32(C.zcsim_svc(C.unsigned(n), C.uint64_t(r0), C.uint64_t(r1)))
}

// Obtain obtains n bytes of 31-bit program storage, as the protocol's C does, clears
// them, and returns their address (0 when none is left); Release gives them back.
func Obtain(n uint32) uint32 { return uint32(C.zcsim_obtain(C.uint32_t(n))) }

// Release releases n bytes of program storage at addr, as the protocol's C does.
func Release(addr, n uint32) { C.zcsim_release(C.uint32_t(addr), C.uint32_t(n)) }

// Job returns the simulated job name.
func Job() string {
	var b [9]C.char
	C.zcsim_job(&b[0])
	return C.GoString(&b[0])
}
