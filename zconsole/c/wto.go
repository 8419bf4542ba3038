//go:build cgo && (zos || zconsolesim)

package c

/*
#include "zc.h"
*/
import "C"

// Results of the WTOR calls, beside those of the protocol.
const (
	Replied   Result = C.ZC_REPLIED   // AskWait, AskEnd: the operator replied
	Cancelled Result = C.ZC_CANCELLED // AskWait: the cancel ECB was posted
	Retired   Result = C.ZC_RETIRED   // AskEnd: deleted unanswered; the block is kept
)

// Which use of an SVC failed, in a [Fault], for console output.
const (
	OpDOM        = C.ZC_OP_DOM
	OpWTOR       = C.ZC_OP_WTOR
	OpWTORWait   = C.ZC_OP_WTOR_WAIT
	OpWTORCancel = C.ZC_OP_WTOR_CANCEL
)

// Line types of a multi-line message (WPLLTF).
const (
	LineControl = C.ZC_LT_CONTROL
	LineData    = C.ZC_LT_DATA
	LineEnd     = C.ZC_LT_END
)

// Limits the C code checks again, as Go checks them first.
const (
	MaxLines = C.ZC_ML_LINES_MAX // lines of a multi-line WTO from a problem program
	MaxReply = C.ZC_REPLY_MAX    // characters of a WTOR's reply
	MaxWPL   = C.ZC_WPL_MAX      // bytes of the largest WPL, texts and CART included
)

// Message is a message prepared for SVC 35: the EBCDIC text of each line, checked,
// and the fields of the WPX.
type Message struct {
	Lines    [][]byte // EBCDIC text of each line, 1 to MaxLines
	Types    []uint16 // line types, one per line, for a multi-line message
	Codes    bool     // Route and Desc are given (MCS flag X'80')
	Route    [16]byte // routing codes 1-128, code k = bit k-1 from the left
	Desc     [2]byte  // descriptor codes, the same way
	ConsID   uint32   // with HasConsID: CONSID=
	ConsName [8]byte  // with HasConsName: CONSNAME=, EBCDIC, blank padded
	CART     [8]byte  // with HasCART: CART=
	Response bool     // MCSFLAG=RESP: an immediate command response

	HasConsID, HasConsName, HasCART bool

	ReplyLen uint32 // a WTOR: the reply buffer's length, 1 to MaxReply
	ReplyBuf uint32 // a WTOR laid out by LayoutWPL: A(reply buffer)
	ReplyECB uint32 // a WTOR laid out by LayoutWPL: A(reply ECB)
}

// cmsg converts m to the C form and returns it with the lines' text concatenated.
func cmsg(m *Message) (C.zc_msg, []byte, bool) {
	var cm C.zc_msg
	if len(m.Lines) == 0 || len(m.Lines) > MaxLines {
		return cm, nil, false
	}
	var text []byte
	cm.nlines = C.uint32_t(len(m.Lines))
	for i, l := range m.Lines {
		if len(l) > 0xFFFF {
			return cm, nil, false
		}
		cm.len[i] = C.uint16_t(len(l))
		if i < len(m.Types) {
			cm._type[i] = C.uint16_t(m.Types[i])
		}
		text = append(text, l...)
	}
	if m.Codes {
		cm.flags |= C.ZC_MSG_CODES
		for i, b := range m.Route {
			cm.rout[i] = C.uchar(b)
		}
		cm.desc[0], cm.desc[1] = C.uchar(m.Desc[0]), C.uchar(m.Desc[1])
	}
	if m.HasConsID {
		cm.flags |= C.ZC_MSG_CONSID
		cm.consid = C.uint32_t(m.ConsID)
	}
	if m.HasConsName {
		cm.flags |= C.ZC_MSG_CONSNAME
		for i, b := range m.ConsName {
			cm.consname[i] = C.uchar(b)
		}
	}
	if m.HasCART {
		cm.flags |= C.ZC_MSG_CART
		for i, b := range m.CART {
			cm.cart[i] = C.uchar(b)
		}
	}
	if m.Response {
		cm.flags |= C.ZC_MSG_RESP
	}
	cm.replylen = C.uint32_t(m.ReplyLen)
	cm.replybuf = C.uint32_t(m.ReplyBuf)
	cm.replyecb = C.uint32_t(m.ReplyECB)
	return cm, text, true
}

// LayoutWPL lays the WPL for m out as if it lived at 31-bit address base (every
// address field is base plus an offset into the image), in Go memory. It is the same
// layout WTO issues; tests hold it against hand-annotated images.
func LayoutWPL(m *Message, base uint32) ([]byte, Result) {
	cm, text, ok := cmsg(m)
	if !ok {
		return nil, Invalid
	}
	out := make([]byte, MaxWPL)
	var n C.uint32_t
	r := Result(C.zc_wpl_layout(&cm, bufPtr(text), C.uint32_t(len(text)), bufPtr(out), C.uint32_t(len(out)), C.uint32_t(base), &n))
	if r != OK {
		return nil, r
	}
	return out[:n], OK
}

// WTO writes m to the operator (SVC 35) and returns its message id.
func WTO(m *Message) (uint32, Result, Fault) {
	cm, text, ok := cmsg(m)
	if !ok {
		return 0, Invalid, Fault{}
	}
	var id C.uint32_t
	var f C.zc_fault
	r := Result(C.zc_wto(&cm, bufPtr(text), C.uint32_t(len(text)), &id, &f))
	return uint32(id), r, faultOf(&f)
}

// DOM deletes message id (SVC 87).
func DOM(id uint32) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_dom(C.uint32_t(id), &f))
	return r, faultOf(&f)
}

// Ask is the 31-bit address of a WTOR's block: its ECBs, reply buffer and WPL.
type Ask uint32

// AskStart issues m as a WTOR (SVC 35) from a block of its own and returns the block
// and the message id.
func AskStart(m *Message) (Ask, uint32, Result, Fault) {
	cm, text, ok := cmsg(m)
	if !ok {
		return 0, 0, Invalid, Fault{}
	}
	var a, id C.uint32_t
	var f C.zc_fault
	r := Result(C.zc_ask_start(&cm, bufPtr(text), C.uint32_t(len(text)), &a, &id, &f))
	return Ask(a), uint32(id), r, faultOf(&f)
}

// AskWait blocks until the reply ECB or the cancel ECB is posted: Replied or Cancelled.
func AskWait(a Ask) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_ask_wait(C.uint32_t(a), &f))
	return r, faultOf(&f)
}

// AskCancel posts the cancel ECB, which ends AskWait.
func AskCancel(a Ask) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_ask_cancel(C.uint32_t(a), &f))
	return r, faultOf(&f)
}

// AskEnd ends a WTOR no one will cancel any more, as far as it can be ended now: unless
// it was answered it is deleted (DOM), once. An answer is copied out and the block
// released (Replied). A WTOR deleted unanswered keeps its block, because the system may
// still post a reply it took before the DOM (Retired): AskEnd again releases it once that
// reply has come (Replied, the late reply copied out), and reports Retired until then.
// If the DOM fails the block is kept (the WTOR may still be answered) and AskEnd may be
// called again.
func AskEnd(a Ask) ([]byte, Result, Fault) {
	buf := make([]byte, MaxReply)
	var n C.uint32_t
	var f C.zc_fault
	r := Result(C.zc_ask_end(C.uint32_t(a), bufPtr(buf), C.uint32_t(len(buf)), &n, &f))
	return buf[:n], r, faultOf(&f)
}

// Task is what the PSA, ASCB and CVT say about this address space.
type Task struct {
	ASCB, TCB uint32
	ASID      uint16
	Started   bool
	Job       [8]byte // EBCDIC
	System    [8]byte // EBCDIC
}

// TaskInfo reads the PSA (PSATOLD, PSAAOLD, FLCCVT), the ASCB and the CVT.
func TaskInfo() (Task, Result) {
	var t C.zc_task
	r := Result(C.zc_task_info(&t))
	out := Task{ASCB: uint32(t.ascb), TCB: uint32(t.tcb), ASID: uint16(t.asid), Started: t.started != 0}
	for i := range out.Job {
		out.Job[i] = byte(t.job[i])
		out.System[i] = byte(t.sysname[i])
	}
	return out, r
}

// WTOLayout returns the WPL, WPX and system control-block offsets the C code is
// compiled with, by their IBM names, so tests can hold them against the documented
// table.
func WTOLayout() map[string]int {
	return map[string]int{
		"WPL31RLN": C.ZC_WPL_RLN,
		"WPLLPTXT": C.ZC_WPL_LPTXT,
		"WPLMCSF1": C.ZC_WPL_MCSF1,
		"WPLMCSF2": C.ZC_WPL_MCSF2,
		"WPLTEXTA": C.ZC_WPL_TEXT,
		"WPX":      C.ZC_WPL_WPX,
		"WPXVRSN":  C.ZC_WPX_VRSN,
		"WPXFLAGS": C.ZC_WPX_FLAGS,
		"WPXRPYLN": C.ZC_WPX_RPYLN,
		"WPXLNGTH": C.ZC_WPX_LNGTH,
		"WPXMCS1":  C.ZC_WPX_MCS1,
		"WPXMCS2":  C.ZC_WPX_MCS2,
		"WPXCPFLG": C.ZC_WPX_CPFLG,
		"WPXRPBUF": C.ZC_WPX_RPBUF,
		"WPXECBP":  C.ZC_WPX_ECBP,
		"WPXSEQN":  C.ZC_WPX_SEQN,
		"WPXDESC":  C.ZC_WPX_DESC,
		"WPXROUT":  C.ZC_WPX_ROUT,
		"WPXMSGTY": C.ZC_WPX_MSGTY,
		"WPXJOBID": C.ZC_WPX_JOBID,
		"WPXJOBNM": C.ZC_WPX_JOBNM,
		"WPXKEY":   C.ZC_WPX_KEY,
		"WPXTOKN":  C.ZC_WPX_TOKN,
		"WPXCNID":  C.ZC_WPX_CNID,
		"WPXSYSNA": C.ZC_WPX_SYSNA,
		"WPXCNNME": C.ZC_WPX_CNNME,
		"WPXRCNA":  C.ZC_WPX_RCNA,
		"WPXCART":  C.ZC_WPX_CART,
		"WPXWSPRM": C.ZC_WPX_WSPRM,
		"WPX2LEN":  C.ZC_WPX_SIZE,
		"WPLLTF":   C.ZC_ML_LTF,
		"WPLAREA":  C.ZC_ML_AREA,
		"WPLLINES": C.ZC_ML_LINES,
		"WPLMLLEN": C.ZC_MLL_LEN,
		"WPLMLLTF": C.ZC_MLL_LTF,
		"WPLMLTXA": C.ZC_MLL_TEXT,
		"FLCCVT":   C.ZC_PSA_CVT,
		"PSATOLD":  C.ZC_PSA_TOLD,
		"PSAAOLD":  C.ZC_PSA_AOLD,
		"ASCBASCB": C.ZC_ASCB_ASCB,
		"ASCBASID": C.ZC_ASCB_ASID,
		"ASCBJBNI": C.ZC_ASCB_JBNI,
		"ASCBJBNS": C.ZC_ASCB_JBNS,
		"CVTSNAME": C.ZC_CVT_SNAME,
	}
}
