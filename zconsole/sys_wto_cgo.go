//go:build cgo && (zos || zconsolesim)

package zconsole

import (
	"errors"

	"github.com/go-zos/zconsole/zconsole/c"
)

// The platform seam for console output: z/OS, or the simulated MVS.

// errRefused is what the C code's own check of a prepared message failing means: a
// bug here, not the caller's mistake.
var errRefused = errors.New("zconsole: internal error: the C code refused a message Go had checked")

func wtoErr(r c.Result, f c.Fault) error {
	if r == c.Invalid {
		return errRefused
	}
	return sysErr(r, f)
}

func messageOf(m *wto) *c.Message {
	cm := &c.Message{
		Lines: m.lines, Types: m.types,
		Codes: m.codes, Route: m.route, Desc: m.desc,
		ConsID: m.consID, HasConsID: m.hasConsID,
		ConsName: m.consName, HasConsName: m.hasConsName,
		CART: m.cart, HasCART: m.hasCART,
		Response: m.resp,
		ReplyLen: uint32(m.replyLen),
	}
	return cm
}

func sysWTO(m *wto) (uint32, error) {
	id, r, f := c.WTO(messageOf(m))
	if r != c.OK {
		return 0, wtoErr(r, f)
	}
	return id, nil
}

func sysDOM(id uint32) error {
	if r, f := c.DOM(id); r != c.OK {
		return wtoErr(r, f)
	}
	return nil
}

func sysAskStart(m *wto) (askRef, error) {
	a, _, r, f := c.AskStart(messageOf(m))
	if r != c.OK {
		return 0, wtoErr(r, f)
	}
	return askRef(a), nil
}

// sysAskWait blocks until the reply or a cancel (sysAskEnd tells which).
func sysAskWait(a askRef) error {
	r, f := c.AskWait(c.Ask(a))
	if r == c.Replied || r == c.Cancelled {
		return nil
	}
	return wtoErr(r, f)
}

func sysAskCancel(a askRef) error {
	if r, f := c.AskCancel(c.Ask(a)); r != c.OK {
		return wtoErr(r, f)
	}
	return nil
}

// sysAskEnd ends a WTOR as far as it can be ended now (c.AskEnd): it returns the reply
// and releases the block when the reply is posted, and deletes the WTOR and keeps the
// block (askRetired) when it is not. On an error the block is kept.
func sysAskEnd(a askRef) ([]byte, askEnd, error) {
	reply, r, f := c.AskEnd(c.Ask(a))
	switch r {
	case c.Replied:
		return reply, askReplied, nil
	case c.Retired:
		return nil, askRetired, nil
	}
	return nil, askRetired, wtoErr(r, f)
}

func sysTask() (TaskInfo, error) {
	t, r := c.TaskInfo()
	if r != c.OK {
		return TaskInfo{}, errors.New("zconsole: the PSA does not lead to an ASCB")
	}
	p := currentPage()
	return TaskInfo{
		JobName: p.DecodeTrim(t.Job[:]),
		Started: t.Started,
		ASID:    t.ASID,
		System:  p.DecodeTrim(t.System[:]),
		ASCB:    t.ASCB,
		TCB:     t.TCB,
	}, nil
}
