package console

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// An operator script is what an operator does at a console, a line at a time (package
// sim's documentation has the format): lines typed as they stand, and the directives
// .wait text and .pause seconds. A person at a terminal may type the directives too.
type step struct {
	line  int // in the script, from 1
	kind  stepKind
	text  string        // the console line, or what .wait waits for
	pause time.Duration // .pause
}

type stepKind int

const (
	stepType  stepKind = iota + 1 // a line typed at the console
	stepWait                      // .wait text
	stepPause                     // .pause seconds
)

// parseStep reads line n of a script. It reports false for a line that is not a step
// (blank, or a comment).
func parseStep(n int, line string) (step, bool, error) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return step{}, false, nil
	}
	if line[0] != '.' {
		return step{line: n, kind: stepType, text: line}, true, nil
	}
	word, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	switch word {
	case ".wait":
		if rest == "" {
			return step{}, false, fmt.Errorf("line %d: .wait needs the text to wait for", n)
		}
		return step{line: n, kind: stepWait, text: rest}, true, nil
	case ".pause":
		d, err := pause(rest)
		if err != nil {
			return step{}, false, fmt.Errorf("line %d: .pause: %w", n, err)
		}
		return step{line: n, kind: stepPause, pause: d}, true, nil
	}
	return step{}, false, fmt.Errorf("line %d: %s is not a directive: .wait text, .pause seconds", n, word)
}

// parseScript reads a whole script.
func parseScript(r io.Reader) ([]step, error) {
	var steps []step
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		st, ok, err := parseStep(n, sc.Text())
		if err != nil {
			return nil, err
		}
		if ok {
			steps = append(steps, st)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return steps, nil
}

// maxPause is the longest .pause, in seconds.
const maxPause = 600

// pause reads the seconds of .pause: a number from 0 to maxPause, decimals allowed.
func pause(v string) (time.Duration, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(v, "xXpP_") {
		return 0, fmt.Errorf("%q is not a number of seconds", v)
	}
	if f < 0 || f > maxPause {
		return 0, fmt.Errorf("%s seconds is outside 0 to %d", v, maxPause)
	}
	return time.Duration(math.Round(f * float64(time.Second))), nil
}

// verbOf returns the first word of a console line, in upper case: F, P, S, R, ...
func verbOf(line string) string {
	word, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	return strings.ToUpper(word)
}

// isStop reports whether a console line is a STOP command (P job, STOP job).
func isStop(line string) bool {
	v := verbOf(line)
	return v == "P" || v == "STOP"
}

// startCommand reads S job or S job,,,parameters (START as well), where job may be
// job.identifier: the name and the parameters as typed. Other operands of START are not
// simulated.
func startCommand(line string) (job, parm string, err error) {
	v := verbOf(line)
	if v != "S" && v != "START" {
		return "", "", fmt.Errorf("%q does not start the job: the first line typed must be S job or S job,,,parameters (job or job.identifier)", line)
	}
	_, ops, _ := strings.Cut(strings.TrimSpace(line), " ")
	ops = strings.TrimSpace(ops)
	job, parm, hasOps := strings.Cut(ops, ",")
	if hasOps {
		var ok bool
		if parm, ok = strings.CutPrefix(parm, ",,"); !ok {
			return "", "", fmt.Errorf("%q: only S job and S job,,,parameters (job or job.identifier) are simulated", line)
		}
	}
	if job == "" {
		return "", "", fmt.Errorf("%q names no job", line)
	}
	return job, parm, nil
}
