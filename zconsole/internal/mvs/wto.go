//go:build cgo && zconsolesim

package mvs

/*
#include "zsim_api.h"
*/
import "C"

// Reply gives the operator's reply text (EBCDIC) to the WTOR with reply id id, and
// returns zc.SIM_REPLIED, zc.SIM_NOT_OUTSTANDING, zc.SIM_TOO_LONG or zc.SIM_REPLY_LOST.
func Reply(id int, text []byte) int {
	if id < 0 || id > 9999 {
		return C.ZCSIM_NOT_OUTSTANDING
	}
	if len(text) == 0 {
		text = []byte{0x40}
	}
	return int(C.zcsim_reply(C.uint32_t(id), bufPtr(text), C.uint32_t(len(text))))
}

// DeferReply makes the system hold the next reply back: Reply takes it (the WTOR is no
// longer outstanding, the reply is logged) but the text is moved into the program's
// reply buffer and its ECB posted only after the program's next DOM has returned, as
// the program next enters the system: a reply accepted just before the DOM and
// delivered after it. Written where the WTOR said, like z/OS writes it; into storage
// the program has released, it is an abend.
func DeferReply() { C.zcsim_defer_reply(1) }

// Outstanding returns the reply ids of the outstanding WTORs, oldest first.
func Outstanding() []int {
	var ids [C.ZCSIM_REPLY_IDS]C.uint32_t
	n := int(C.zcsim_outstanding(&ids[0], C.uint32_t(len(ids))))
	out := make([]int, 0, n)
	for i := 0; i < n && i < len(ids); i++ {
		out = append(out, int(ids[i]))
	}
	return out
}

// DecodeWPL places img at the start of a 64 KiB block of simulated storage (see
// DecodeBase) and decodes it as SVC 35 would, without issuing anything. It returns the
// D23 reason code (0 when the WPL holds together) and the console-log record the WTO
// would get.
func DecodeWPL(img []byte) (uint32, []byte) {
	rec := make([]byte, logMaxRecord)
	var n C.uint32_t
	reason := uint32(C.zcsim_decode_wpl(bufPtr(img), C.uint32_t(len(img)), bufPtr(rec), C.uint32_t(len(rec)), &n))
	return reason, rec[:n]
}

// DecodeBase returns the address at which DecodeWPL places its image.
func DecodeBase() uint32 { return uint32(C.zcsim_decode_base()) }

// IssueWPL copies img into program storage and issues SVC 35 with it, as a program with
// a hand-made parameter list would. It returns R15 and R1.
func IssueWPL(img []byte) (uint32, uint32) {
	if len(img) == 0 {
		img = []byte{0}
	}
	var r1 C.uint32_t
	r15 := C.zcsim_issue_wpl(bufPtr(img), C.uint32_t(len(img)), &r1)
	return uint32(r15), uint32(r1)
}
