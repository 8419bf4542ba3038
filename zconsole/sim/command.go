//go:build cgo && zconsolesim

package sim

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Command enters text at a console as an operator types it:
//
//	F job,text   MODIFY job,text   P job   STOP job   R nn,text   REPLY nn,text
//
// The console's rules apply first (126 characters at most, characters the system's code
// page has, upper case outside apostrophes), then the system's: the job must be this one
// (IEE341I, [ErrNotActive]); a MODIFY beyond the program's queue limit, or a STOP while
// another is queued, is refused (IEE342I, [ErrRejected]); other syntax is refused
// (IEE305I, [ErrInvalid]). The command and any refusal go into the log. When Command
// returns nil, the CIB is on the job's chain and the program's Wait will return it.
//
// R nn,text answers the program's WTOR with reply id nn (see [Asked]): the text, upper
// case unless in apostrophes, is in the program's reply buffer and its ECB posted when
// Command returns nil, and the system's IEE600I is in the log. A reply id no WTOR has,
// or a reply longer than the program takes, is refused (IEE305I, [ErrInvalid]; the
// first also [ErrNotOutstanding]) and the WTOR stays as it was.
func Command(text string, opts ...CommandOption) error {
	text, err := enterable(text)
	if err != nil {
		return err
	}
	typed := fold(text)
	mvs.Log(zc.SIM_LOG_COMMAND, []byte(typed))
	p := parse(typed)
	switch p.verb {
	case "F", "MODIFY":
		if !p.hasText || p.text == "" {
			return invalid(p.verb)
		}
		return enqueue(p, zc.VERB_MODIFY, p.text, opts)
	case "P", "STOP":
		if p.hasText || p.target == "" {
			return invalid(p.verb)
		}
		// A STOP carries one blank of data (as observed on z/OS).
		return enqueue(p, zc.VERB_STOP, " ", opts)
	case "R", "REPLY":
		return reply(p)
	}
	return invalid(p.verb)
}

func invalid(verb string) error {
	msg := fmt.Sprintf("IEE305I %s COMMAND INVALID", verb)
	mvs.Log(zc.SIM_LOG_SYSTEM, []byte(msg))
	return fmt.Errorf("%w: %s", ErrInvalid, msg)
}

func enqueue(p parsed, verb byte, data string, opts []CommandOption) error {
	job := mvs.Job()
	if p.target != job || (p.ident != "" && p.ident != job) {
		name := p.target
		if p.ident != "" {
			name += "." + p.ident
		}
		msg := fmt.Sprintf("IEE341I %s NOT ACTIVE", name)
		mvs.Log(zc.SIM_LOG_SYSTEM, []byte(msg))
		return fmt.Errorf("%w: %s", ErrNotActive, msg)
	}
	img, err := cibImage(verb, data, originOf(opts), page())
	if err != nil {
		return err
	}
	switch r := mvs.Queue(img); r {
	case zc.SIM_QUEUED:
		return nil
	case zc.SIM_BUSY:
		msg := fmt.Sprintf("IEE342I %s REJECTED-TASK BUSY", p.verb)
		mvs.Log(zc.SIM_LOG_SYSTEM, []byte(msg))
		return fmt.Errorf("%w: %s", ErrRejected, msg)
	case zc.SIM_NOSTORAGE:
		return fmt.Errorf("sim: %s: %w", p.verb, ErrNoStorage)
	default:
		return fmt.Errorf("sim: %s: %s", p.verb, queueProblem(r))
	}
}
