//go:build zconsolesim

package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// An operator script is what an operator does at a console, a line at a time: lines
// typed as they stand, and directives that wait for what the console shows, so that
// the script never depends on how fast the program answers. testdata/operator/*.txt
// are scripts:
//
//	# The operator starts the demo and stops it.   a comment: # first on the line
//	S DEMO,,,'IDLE=60'                             typed at the console, as it stands
//	.wait DMO001I                                  wait until the console shows DMO001I
//	F DEMO,STATUS
//	.wait DMO002I
//	.pause 1.5                                     wait 1.5 seconds (for a reader only)
//	P DEMO
//
// The first line typed must start the job: S job, or S job,,,parameters. Blank lines
// and lines whose first character is # are skipped; there are no comments after a
// command, as # is a character of console commands.
//
// .wait text waits for the next message on the console after the last line typed (or
// after the message the last .wait found) whose text contains text: a message of the
// program or of the system, not an operator's command. So a sequence of .wait lines
// checks the order of the messages. It fails when the program ends first, or after
// the time the -wait flag gives.
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
		d, err := seconds(rest, 0, 600)
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

// startCommand reads S job or S job,,,parameters (START as well): the job name and the
// parameters as typed. Other operands of START are not simulated.
func startCommand(line string) (job, parm string, err error) {
	v := verbOf(line)
	if v != "S" && v != "START" {
		return "", "", fmt.Errorf("%q does not start the job: the first line typed must be S job or S job,,,parameters", line)
	}
	_, ops, _ := strings.Cut(strings.TrimSpace(line), " ")
	ops = strings.TrimSpace(ops)
	job, parm, hasOps := strings.Cut(ops, ",")
	if hasOps {
		var ok bool
		if parm, ok = strings.CutPrefix(parm, ",,"); !ok {
			return "", "", fmt.Errorf("%q: only S job and S job,,,parameters are simulated", line)
		}
	}
	if job == "" {
		return "", "", fmt.Errorf("%q names no job", line)
	}
	return job, parm, nil
}
