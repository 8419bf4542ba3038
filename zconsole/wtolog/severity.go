package wtolog

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"

	"github.com/go-zos/zconsole/zconsole"
)

// LevelAction is the level of a record that asks the operator to act now. By default
// its message id ends in A and its WTO is a critical eventual action message for the
// master console (see [DefaultSeverities]).
const LevelAction = slog.LevelError + 4

// A Severity says how the records from a level up show on the console: the type code
// that ends their message id, and the routing and descriptor codes of their WTO.
type Severity struct {
	Level      slog.Level // the lowest level it is for; the lowest Severity is also for every level below
	Letter     byte       // the type code, A to Z: I, W, E, A, D
	Routing    []int      // routing codes, as zconsole.Routing takes them; none: the system's default
	Descriptor []int      // descriptor codes, as zconsole.Descriptor takes them; none: the system's default
}

// DefaultSeverities returns the severities a Handler uses unless Options.Severities
// says otherwise. The routing codes are 2 (operator information: "a condition that
// might require action") and 11 (programmer information: the job log) but for
// LevelAction, which has 1 (operator action) and 11. The descriptor codes follow the
// type code, in IBM's words (z/OS MVS System Messages, "Descriptor code meaning"):
//
//	level               id ends in   routing   descriptor
//	below LevelWarn     I            2, 11     6  job status: the status of the job
//	LevelWarn           W            2, 11     12 important information: no operator action
//	LevelError          E            2, 11     3  eventual action required: kept on the console (AMRF) until deleted
//	LevelAction         A            1, 11     11 critical eventual action: stays on the screen until deleted
//
// I, E and A are MVS's own type codes (information, eventual action, immediate
// action). W is a system wait state in MVS's messages; most IBM products use it, as
// here, for a warning. A program that keeps to MVS's convention gives LevelWarn
// another letter; D (immediate decision) is for a level a program defines itself.
// Descriptor codes 1 and 2 are not used: z/OS gives a problem program's single-line
// WTO 7 instead. IBM ignores routing code 11 for a multi-line WTO.
func DefaultSeverities() []Severity {
	return []Severity{
		{Level: slog.LevelInfo, Letter: 'I', Routing: []int{2, 11}, Descriptor: []int{6}},
		{Level: slog.LevelWarn, Letter: 'W', Routing: []int{2, 11}, Descriptor: []int{12}},
		{Level: slog.LevelError, Letter: 'E', Routing: []int{2, 11}, Descriptor: []int{3}},
		{Level: LevelAction, Letter: 'A', Routing: []int{1, 11}, Descriptor: []int{11}},
	}
}

// severity is a Severity ready for Put: its options made once.
type severity struct {
	level  slog.Level
	letter byte
	opts   []zconsole.PutOption // routing, descriptor, and Substitute
}

// prepareSeverities checks sevs and sorts them by level; it panics for a bad one.
func prepareSeverities(sevs []Severity) []severity {
	if len(sevs) == 0 {
		panic("wtolog: Severities is empty")
	}
	out := make([]severity, 0, len(sevs))
	for _, s := range sevs {
		if s.Letter < 'A' || s.Letter > 'Z' {
			panic(fmt.Sprintf("wtolog: severity of level %v: the letter %q is not A to Z", s.Level, s.Letter))
		}
		if err := checkCodes(s.Routing, s.Descriptor); err != nil {
			panic(fmt.Sprintf("wtolog: severity of level %v: %v", s.Level, err))
		}
		sv := severity{level: s.Level, letter: s.Letter, opts: []zconsole.PutOption{zconsole.Substitute()}}
		if len(s.Routing) > 0 {
			sv.opts = append(sv.opts, zconsole.Routing(s.Routing...))
		}
		if len(s.Descriptor) > 0 {
			sv.opts = append(sv.opts, zconsole.Descriptor(s.Descriptor...))
		}
		out = append(out, sv)
	}
	slices.SortFunc(out, func(a, b severity) int { return int(a.level) - int(b.level) })
	for i := 1; i < len(out); i++ {
		if out[i].level == out[i-1].level {
			panic(fmt.Sprintf("wtolog: two severities for level %v", out[i].level))
		}
	}
	return out
}

// severityOf returns the severity of level l: the highest whose level is at most l, or
// the lowest.
func (c *config) severityOf(l slog.Level) *severity {
	for i := len(c.sevs) - 1; i > 0; i-- {
		if c.sevs[i].level <= l {
			return &c.sevs[i]
		}
	}
	return &c.sevs[0]
}

// checkCodes applies zconsole's rules for routing and descriptor codes
// (zconsole.Routing, zconsole.Descriptor) to a severity, so that a bad one is found
// when the Handler is made rather than at its first WTO. A test holds the two to the
// same answers.
func checkCodes(routing, descriptor []int) error {
	for _, k := range routing {
		if k < 1 || k > 128 {
			return fmt.Errorf("routing code %d is outside 1-128", k)
		}
	}
	var has [14]bool
	for _, k := range descriptor {
		if k < 1 || k > 13 {
			return fmt.Errorf("descriptor code %d is outside 1-13", k)
		}
		has[k] = true
	}
	exclusive := 0
	for _, k := range []int{1, 2, 3, 4, 5, 6, 11, 12} {
		if has[k] {
			exclusive++
		}
	}
	if exclusive > 1 {
		return fmt.Errorf("descriptor codes %v: at most one of 1-6, 11 and 12", descriptor)
	}
	if has[9] && !has[8] {
		return fmt.Errorf("descriptor code 9 without 8")
	}
	return nil
}

func quote(s string) string { return strconv.Quote(s) }
