//go:build cgo && zconsolesim

package c

/*
#include <stdlib.h>
#include "sim_api.h"
*/
import "C"

import (
	"errors"
	"time"
	"unsafe"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// Queue results, from the simulated system.
const (
	Queued       = C.ZCSIM_QUEUED    // the CIB is on the chain
	Busy         = C.ZCSIM_BUSY      // refused: the limit is reached, or a STOP is queued
	SimNoStorage = C.ZCSIM_NOSTORAGE // the system could not obtain storage
	BadCIB       = C.ZCSIM_BADCIB    // the image's lengths do not agree
	BadJob       = -1                // SimReset: not a name IBM-1047 encodes in 8 bytes
	LogCommand   = 1                 // log record: an operator command, as typed
	LogSystem    = 2                 // log record: a system message
	LogAbend     = 3                 // log record: an abend the simulator detected
	logMaxRecord = 4096
)

// SimReset builds a fresh simulated system where this process is job job. A non-nil
// start is queued as the START CIB. It returns a queue result, or BadJob for a name
// that is not at most 8 characters IBM-1047 encodes.
func SimReset(job string, start []byte) int {
	je, err := ebcdic.Field(job, 8)
	if err != nil {
		return BadJob
	}
	cj := C.CString(job)
	defer C.free(unsafe.Pointer(cj))
	if start == nil {
		return int(C.zcsim_reset(cj, bufPtr(je), nil, 0))
	}
	return int(C.zcsim_reset(cj, bufPtr(je), bufPtr(start), C.uint32_t(len(start))))
}

// SimQueue puts a CIB image on the chain under the system's rules.
func SimQueue(img []byte) int {
	if len(img) == 0 {
		return BadCIB
	}
	return int(C.zcsim_queue(bufPtr(img), C.uint32_t(len(img))))
}

// SimLog appends a record of the given kind to the console log.
func SimLog(kind int, text []byte) {
	if len(text) == 0 {
		text = []byte{' '}
	}
	C.zcsim_log(C.uint32_t(kind), bufPtr(text), C.uint32_t(len(text)))
}

// Record is one console-log record, undecoded.
type Record struct {
	Seq   uint64
	Time  time.Time
	Kind  int
	MsgID uint32
	Data  []byte
}

// SimRecords returns the log records from index from on.
func SimRecords(from int) []Record {
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

// Counts are the simulated system's counters.
type Counts struct {
	ProgramBlocks, ProgramBytes, ProgramObtained uint64
	SystemBlocks, SystemBytes, SystemObtained    uint64
	Abends                                       uint64
	LongWaits                                    uint64 // WAITs issued with LONG=YES
	LastAbend                                    uint32
	CIBCTR, Queued                               uint32
	StopQueued                                   bool
	SVCs                                         [256]uint64
}

// SimCounts reads the counters.
func SimCounts() Counts {
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

// SimFailSVC lets skip calls of SVC svc through, then makes the next times calls return
// rc without doing anything (times -1: every call; 0: stop failing).
func SimFailSVC(svc int, rc uint32, skip, times int) {
	C.zcsim_fail_svc(C.uint(svc), C.uint32_t(rc), C.int(skip), C.int(times))
}

// SimFailStorage makes the next times requests for storage fail.
func SimFailStorage(times int) { C.zcsim_fail_storage(C.int(times)) }

// SimNoCOM makes EXTRACT find no communications area while on is true.
func SimNoCOM(on bool) {
	v := 0
	if on {
		v = 1
	}
	C.zcsim_no_com(C.int(v))
}

// SimFlagPointers makes the system set bit 0 of every 31-bit pointer it hands over
// (the EXTRACT answer, COMECBPT, COMCIBPT, CIBNEXT, the PSA's and the ASCB's pointers)
// while on is true, as a system whose 31-bit code uses the bit as a flag may: the
// program must mask it off. The next SimReset turns it off.
func SimFlagPointers(on bool) {
	v := 0
	if on {
		v = 1
	}
	C.zcsim_flag_pointers(C.int(v))
}

// SimWakeClock returns CLOCK_MONOTONIC readings, in nanoseconds, of when the last POST
// began, before it took the simulated system's lock, and of when the last WAIT ended,
// after it gave the lock up; 0 for none since the process began. They are the readings
// internal/floor takes around its condition-variable handoff, on the same clock
// (floor.Now), so a benchmark can split a POST's wake-up of a WAIT into the way into C,
// the simulated supervisor, and the way back.
func SimWakeClock() (post, wait int64) {
	var p, w C.int64_t
	C.zcsim_wake_clock(&p, &w)
	return int64(p), int64(w)
}

// SimKillRounds runs rounds kills with no Go in them: two C threads run the protocol's
// own init, wait, kill and term against the simulated MVS, the waker killing once the
// waiter has been in its WAIT for settle. It returns each kill's latency, from the
// waker's clock reading just before the kill to the waiter's just after its wait
// returned, read as internal/floor reads its handoff's. It holds the process's one
// handle slot while it runs, so it fails with an error while a handle is open.
func SimKillRounds(rounds int, settle time.Duration) ([]time.Duration, error) {
	if rounds <= 0 {
		return nil, nil
	}
	if !open.CompareAndSwap(false, true) {
		return nil, errors.New("zconsole/c: kill rounds: a handle is open")
	}
	defer open.Store(false)
	lat := make([]C.int64_t, rounds)
	switch C.zcsim_kill_rounds(C.int(rounds), C.int64_t(settle), &lat[0]) {
	case C.ZCSIM_KB_OK:
	case C.ZCSIM_KB_INIT:
		return nil, errors.New("zconsole/c: kill rounds: the work area could not be set up")
	case C.ZCSIM_KB_THREAD:
		return nil, errors.New("zconsole/c: kill rounds: the waiter thread could not be started")
	case C.ZCSIM_KB_KILL:
		return nil, errors.New("zconsole/c: kill rounds: the kill's POST failed")
	default:
		return nil, errors.New("zconsole/c: kill rounds: the wait did not end with the kill")
	}
	out := make([]time.Duration, rounds)
	for i, l := range lat {
		out[i] = time.Duration(l)
	}
	return out, nil
}

// SimSVC issues supervisor call n in the simulated MVS with R0 and R1 as given, all 64
// bits of them, as the protocol's C issues it, and returns R15. It lets tests give the
// simulated supervisor registers the protocol never sets, to see it catch the program
// error (an abend).
func SimSVC(n int, r0, r1 uint64) uint32 {
	return uint32(C.zcsim_svc(C.unsigned(n), C.uint64_t(r0), C.uint64_t(r1)))
}

// SimObtain obtains n bytes of 31-bit program storage, as the protocol's C does, clears
// them, and returns their address (0 when none is left); SimRelease gives them back.
func SimObtain(n uint32) uint32 { return uint32(C.zcsim_obtain(C.uint32_t(n))) }

// SimRelease releases n bytes of program storage at addr, as the protocol's C does.
func SimRelease(addr, n uint32) { C.zcsim_release(C.uint32_t(addr), C.uint32_t(n)) }

// SimJob returns the simulated job name.
func SimJob() string {
	var b [9]C.char
	C.zcsim_job(&b[0])
	return C.GoString(&b[0])
}
