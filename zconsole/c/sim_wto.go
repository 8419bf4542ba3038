//go:build cgo && zconsolesim

package c

/*
#include "sim_api.h"
*/
import "C"

import (
	"time"
)

// Log record kinds for console output, from the simulated system.
const (
	LogWTO   = 4 // a WTO or WTOR as the system decoded its WPL (see sim_wto.c)
	LogDOM   = 5 // a DOM of message MsgID
	LogReply = 6 // an operator's reply accepted: reply id, length, EBCDIC text
)

// Results of SimReply.
const (
	ReplyAccepted       = C.ZCSIM_REPLIED         // the text is in the program's buffer
	ReplyNotOutstanding = C.ZCSIM_NOT_OUTSTANDING // no WTOR has that reply id
	ReplyTooLong        = C.ZCSIM_TOO_LONG        // longer than the WTOR's reply length
	ReplyLost           = C.ZCSIM_REPLY_LOST      // the program had freed the buffer (an abend)
)

// SimReply gives the operator's reply text (EBCDIC) to the WTOR with reply id id.
func SimReply(id int, text []byte) int {
	if id < 0 || id > 9999 {
		return ReplyNotOutstanding
	}
	if len(text) == 0 {
		text = []byte{0x40}
	}
	return int(C.zcsim_reply(C.uint32_t(id), bufPtr(text), C.uint32_t(len(text))))
}

// SimDeferReply makes the system hold the next reply back: SimReply takes it (the WTOR
// is no longer outstanding, the reply is logged) but the text is moved into the
// program's reply buffer and its ECB posted only after the program's next DOM has
// returned, as the program next enters the system: a reply accepted just before the
// DOM and delivered after it. Written where the WTOR said, like z/OS writes it; into
// storage the program has released, it is an abend.
func SimDeferReply() { C.zcsim_defer_reply(1) }

// SimOutstanding returns the reply ids of the outstanding WTORs, oldest first.
func SimOutstanding() []int {
	var ids [C.ZCSIM_REPLY_IDS]C.uint32_t
	n := int(C.zcsim_outstanding(&ids[0], C.uint32_t(len(ids))))
	out := make([]int, 0, n)
	for i := 0; i < n && i < len(ids); i++ {
		out = append(out, int(ids[i]))
	}
	return out
}

// SimAwaitWTOR blocks until a WTOR is outstanding or d has passed, and reports which.
func SimAwaitWTOR(d time.Duration) bool {
	return C.zcsim_await_wtor(C.int64_t(d)) != 0
}

// SimDecodeWPL places img at the start of a 64 KiB block of simulated storage (see
// SimDecodeBase) and decodes it as SVC 35 would, without issuing anything. It returns
// the D23 reason code (0 when the WPL holds together) and the console-log record the
// WTO would get.
func SimDecodeWPL(img []byte) (uint32, []byte) {
	rec := make([]byte, logMaxRecord)
	var n C.uint32_t
	reason := uint32(C.zcsim_decode_wpl(bufPtr(img), C.uint32_t(len(img)), bufPtr(rec), C.uint32_t(len(rec)), &n))
	return reason, rec[:n]
}

// SimDecodeBase returns the address at which SimDecodeWPL places its image.
func SimDecodeBase() uint32 { return uint32(C.zcsim_decode_base()) }

// SimIssueWPL copies img into program storage and issues SVC 35 with it, as a program
// with a hand-made parameter list would. It returns R15 and R1.
func SimIssueWPL(img []byte) (uint32, uint32) {
	if len(img) == 0 {
		img = []byte{0}
	}
	var r1 C.uint32_t
	r15 := C.zcsim_issue_wpl(bufPtr(img), C.uint32_t(len(img)), &r1)
	return uint32(r15), uint32(r1)
}
