package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole/serve"
)

// settings are what an operator can tune: by PARM (the program's arguments), by the
// START parameters (S DEMO,,,'IDLE=30,GRACE=5') and by F DEMO,SET IDLE=30. Each is a
// number of seconds, with decimals allowed (IDLE=0.5).
type settings struct {
	Idle  time.Duration // stop after this long with no command and no work; 0: never
	Grace time.Duration // how long a stop waits for running work before cutting it
	Work  time.Duration // how long F DEMO,WORK works when it is given no number
}

// defaultSettings are the origin story's: a server that stops after 20 seconds of no
// activity.
var defaultSettings = settings{Idle: 20 * time.Second, Grace: 10 * time.Second, Work: 5 * time.Second}

// limits of each setting, in seconds.
var settingLimits = map[string]struct{ min, max float64 }{
	"IDLE":  {0, 86400},
	"GRACE": {0, 3600},
	"WORK":  {0.001, 86400},
}

// with returns s changed by the operands args: KEY=seconds for IDLE, GRACE and WORK.
// A positional operand in apostrophes is opened and read the same way, because the
// START command takes commas as its own separators: S DEMO,,,'IDLE=30,GRACE=5' gives
// the program one quoted operand. When with returns an error, nothing is changed.
func (s settings) with(args serve.Args) (settings, error) {
	orig := s
	for _, a := range args {
		if a.Key == "" && a.Quoted {
			inner, err := serve.ParseArgs(a.Value)
			if err != nil {
				return orig, fmt.Errorf("in '%s': %s", a.Value, syntaxProblem(err))
			}
			if len(inner) == 1 && inner[0].Key == "" && inner[0].Quoted {
				return orig, fmt.Errorf("%s is not a setting: IDLE=, GRACE= or WORK=", operandText(a))
			}
			if s, err = s.with(inner); err != nil {
				return orig, err
			}
			continue
		}
		d, err := setting(a)
		if err != nil {
			return orig, err
		}
		switch a.Key {
		case "IDLE":
			s.Idle = d
		case "GRACE":
			s.Grace = d
		case "WORK":
			s.Work = d
		}
	}
	return s, nil
}

// setting reads one KEY=seconds operand.
func setting(a serve.Operand) (time.Duration, error) {
	lim, ok := settingLimits[a.Key]
	if !ok {
		return 0, fmt.Errorf("%s is not a setting: IDLE=, GRACE= or WORK=", operandText(a))
	}
	d, err := seconds(a.Value, lim.min, lim.max)
	if err != nil {
		return 0, fmt.Errorf("%s=%s: %w", a.Key, a.Value, err)
	}
	return d, nil
}

// seconds reads a number of seconds from min to max, decimals allowed.
func seconds(v string, min, max float64) (time.Duration, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(v, "xXpP_") {
		return 0, fmt.Errorf("%q is not a number of seconds", v)
	}
	if f < min || f > max {
		return 0, fmt.Errorf("%s seconds is outside %s to %s", v, fmtSeconds(min), fmtSeconds(max))
	}
	return time.Duration(math.Round(f * float64(time.Second))), nil
}

// syntaxProblem says what is wrong with text that does not parse, without the
// package's prefix.
func syntaxProblem(err error) string {
	var se *serve.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at column %d", se.Problem, se.Column)
	}
	return err.Error()
}

// operandText writes an operand as the operator typed it.
func operandText(a serve.Operand) string {
	return serve.Args{a}.String()
}

func fmtSeconds(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// String writes the settings as operands an operator would type.
func (s settings) String() string {
	return fmt.Sprintf("IDLE=%s GRACE=%s WORK=%s",
		fmtSeconds(s.Idle.Seconds()), fmtSeconds(s.Grace.Seconds()), fmtSeconds(s.Work.Seconds()))
}

// describe says what the settings mean, for messages: "idle 20s, grace 10s, work 5s".
func (s settings) describe() string {
	idle := "no idle timeout"
	if s.Idle > 0 {
		idle = "idle " + secs(s.Idle)
	}
	return fmt.Sprintf("%s, grace %s, work %s", idle, secs(s.Grace), secs(s.Work))
}

// secs writes a duration in seconds, as the operator gives them: "20s", "0.5s".
func secs(d time.Duration) string { return fmtSeconds(d.Seconds()) + "s" }
