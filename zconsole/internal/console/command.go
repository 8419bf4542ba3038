package console

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// msgNoAddressSpace is the system's answer to a START: the simulated system has one
// address space, this process's, and creates no other, as z/OS answers a START when
// MAXUSER allows no more address spaces (IBM APAR note on IEA602I:
// https://www.ibm.com/support/pages/node/2421615).
const msgNoAddressSpace = "IEA602I ADDRESS SPACE CREATE FAILED. MAXUSERS WOULD HAVE BEEN EXCEEDED"

// Command enters text at console o as an operator types it (package sim's Command).
func Command(text string, o Origin) error {
	if err := Missing(); err != nil {
		return errwrap.Op(prefix, "command", err)
	}
	text, err := enterable(text)
	if err != nil {
		return err
	}
	typed := fold(text)
	mvs.Log(zc.SIM_LOG_COMMAND, []byte(typed))
	p := parse(typed)
	switch p.verb {
	case "F", "MODIFY":
		text, hasText, asid, hasASID := cutASID(p.text, p.hasText)
		if !hasText || text == "" {
			return invalid(p.verb)
		}
		return enqueue(p, asid, hasASID, zc.VERB_MODIFY, text, o)
	case "P", "STOP":
		_, hasText, asid, hasASID := cutASID(p.text, p.hasText)
		if hasText || p.target == "" {
			return invalid(p.verb)
		}
		// A STOP carries one blank of data (as observed on z/OS).
		return enqueue(p, asid, hasASID, zc.VERB_STOP, " ", o)
	case "R", "REPLY":
		return reply(p)
	case "S", "START":
		if _, _, err := startName(p.name()); err != nil {
			return invalid(p.verb)
		}
		return refuse(ErrRejected, msgNoAddressSpace)
	}
	return invalid(p.verb)
}

func invalid(verb string) error {
	return refuse(ErrInvalid, fmt.Sprintf("IEE305I %s COMMAND INVALID", verb))
}

// refuse logs the system's message msg and returns it wrapping sentinel.
func refuse(sentinel error, msg string) error {
	mvs.Log(zc.SIM_LOG_SYSTEM, []byte(msg))
	return fmt.Errorf("%w: %s", sentinel, msg)
}

// enqueue queues the CIB of a MODIFY or STOP for the job p names, with A=asid when
// hasASID: a name that is not the job's, or an asid that is not its ASID, gets IEE341I.
func enqueue(p parsed, asid string, hasASID bool, verb byte, data string, o Origin) error {
	if !addressed(p) || (hasASID && !asidIs(asid, ASID)) {
		return refuse(ErrNotActive, fmt.Sprintf("IEE341I %s NOT ACTIVE", p.name()))
	}
	img, err := cibImage(verb, data, o, page())
	if err != nil {
		return err
	}
	switch r := mvs.Queue(img); r {
	case zc.SIM_QUEUED:
		return nil
	case zc.SIM_BUSY:
		return refuse(ErrRejected, fmt.Sprintf("IEE342I %s REJECTED-TASK BUSY", p.verb))
	case zc.SIM_NOSTORAGE:
		return errwrap.Op(prefix, p.verb, ErrNoStorage)
	default:
		return fmt.Errorf("sim: %s: %s", p.verb, queueProblem(r))
	}
}
