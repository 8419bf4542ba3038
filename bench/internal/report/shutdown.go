package report

import (
	"fmt"
	"strconv"
	"strings"
)

// Shutdown is the demo's measurement of its stop, from its last line:
//
//	shutdown: cause=stop rc=0 stop_to_exit_ms=0.512 drain_ms=0.004 close_ms=0.398 typed_to_exit_ms=0.771
//
// Figures are in milliseconds; Typed is negative where the line has no
// typed_to_exit_ms (a stop other than an operator's STOP).
type Shutdown struct {
	Cause                    string
	RC                       int
	StopToExit, Drain, Close float64
	Typed                    float64
}

// ParseShutdown reads the demo's shutdown line (with or without the timestamp and
// source columns before "shutdown:"). It returns an error naming what is missing or
// does not read; keys it does not know are skipped, so the line may grow.
func ParseShutdown(line string) (Shutdown, error) {
	_, rest, ok := strings.Cut(line, "shutdown: ")
	if !ok {
		return Shutdown{}, fmt.Errorf("report: not a shutdown line: %q", line)
	}
	s := Shutdown{Typed: -1}
	seen := map[string]bool{}
	for _, field := range strings.Fields(rest) {
		key, val, ok := strings.Cut(field, "=")
		if !ok {
			return Shutdown{}, fmt.Errorf("report: shutdown line: %q is not key=value", field)
		}
		seen[key] = true
		var err error
		switch key {
		case "cause":
			s.Cause = val
		case "rc":
			s.RC, err = strconv.Atoi(val)
		case "stop_to_exit_ms":
			s.StopToExit, err = strconv.ParseFloat(val, 64)
		case "drain_ms":
			s.Drain, err = strconv.ParseFloat(val, 64)
		case "close_ms":
			s.Close, err = strconv.ParseFloat(val, 64)
		case "typed_to_exit_ms":
			s.Typed, err = strconv.ParseFloat(val, 64)
		}
		if err != nil {
			return Shutdown{}, fmt.Errorf("report: shutdown line: %s: %w", key, err)
		}
	}
	for _, key := range []string{"cause", "rc", "stop_to_exit_ms", "drain_ms", "close_ms"} {
		if !seen[key] {
			return Shutdown{}, fmt.Errorf("report: shutdown line without %s: %q", key, line)
		}
	}
	return s, nil
}
