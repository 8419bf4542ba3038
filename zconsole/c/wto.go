//go:build cgo && (zos || zconsolesim)

package c

/*
#include "zc.h"
*/
import "C"

import "errors"

// The calls into wto.c and task.c.

// errNoASCB: the PSA does not lead to an address-space control block.
var errNoASCB = errors.New("the PSA does not lead to an ASCB")

// cmsg converts m to the C form and returns it with the lines' text concatenated. A
// message the C form cannot hold is ErrInvalid: the C refuses the rest.
func cmsg(m *Message) (C.zc_msg, []byte, error) {
	var cm C.zc_msg
	if len(m.Lines) == 0 || len(m.Lines) > len(cm.len) || m.ReplyLen < 0 {
		return cm, nil, ErrInvalid
	}
	var text []byte
	cm.nlines = C.uint32_t(len(m.Lines))
	for i, l := range m.Lines {
		if len(l) > 0xFFFF {
			return cm, nil, ErrInvalid
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
	if m.NoTime {
		cm.flags |= C.ZC_MSG_NOTIME
	}
	cm.replylen = C.uint32_t(m.ReplyLen)
	return cm, text, nil
}

func zcLayoutWPL(m *Message, base, replyBuf, replyECB uint32) ([]byte, error) {
	cm, text, err := cmsg(m)
	if err != nil {
		return nil, err
	}
	cm.replybuf, cm.replyecb = C.uint32_t(replyBuf), C.uint32_t(replyECB)
	out := make([]byte, C.ZC_WPL_MAX)
	var n C.uint32_t
	r := C.zc_wpl_layout(&cm, bufPtr(text), C.uint32_t(len(text)), bufPtr(out), C.uint32_t(len(out)), C.uint32_t(base), &n)
	if err := errOf(r, nil); err != nil {
		return nil, err
	}
	return out[:n], nil
}

func zcWTO(m *Message) (uint32, error) {
	cm, text, err := cmsg(m)
	if err != nil {
		return 0, err
	}
	var id C.uint32_t
	var f C.zc_fault
	r := C.zc_wto(&cm, bufPtr(text), C.uint32_t(len(text)), &id, &f)
	return uint32(id), errOf(r, &f)
}

func zcDOM(id uint32) error {
	var f C.zc_fault
	return errOf(C.zc_dom(C.uint32_t(id), &f), &f)
}

func zcAskStart(m *Message) (Ask, error) {
	cm, text, err := cmsg(m)
	if err != nil {
		return 0, err
	}
	var a, id C.uint32_t
	var f C.zc_fault
	r := C.zc_ask_start(&cm, bufPtr(text), C.uint32_t(len(text)), &a, &id, &f)
	return Ask(a), errOf(r, &f)
}

func zcAskWait(a Ask) error {
	var f C.zc_fault
	return errOf(C.zc_ask_wait(C.uint32_t(a), &f), &f) // ZC_REPLIED and ZC_CANCELLED alike
}

func zcAskCancel(a Ask) error {
	var f C.zc_fault
	return errOf(C.zc_ask_cancel(C.uint32_t(a), &f), &f)
}

func zcAskEnd(a Ask) ([]byte, bool, error) {
	buf := make([]byte, C.ZC_REPLY_MAX)
	var n C.uint32_t
	var f C.zc_fault
	r := C.zc_ask_end(C.uint32_t(a), bufPtr(buf), C.uint32_t(len(buf)), &n, &f)
	return buf[:n], r == C.ZC_REPLIED, errOf(r, &f)
}

func zcTaskInfo() (Task, error) {
	var t C.zc_task
	if C.zc_task_info(&t) != C.ZC_OK {
		return Task{}, errNoASCB
	}
	out := Task{ASCB: uint32(t.ascb), TCB: uint32(t.tcb), ASID: uint16(t.asid), Started: t.started != 0}
	for i := range out.Job {
		out.Job[i] = byte(t.job[i])
		out.System[i] = byte(t.sysname[i])
	}
	return out, nil
}
