package wtolog

import "time"

// NewTestHandler is NewHandler with the clock the rate limit reads, and a function the
// goroutine calls before each WTO, so that a test can hold it there as a system short
// of WTO buffers holds a program (nil: none).
func NewTestHandler(opts *Options, now func() time.Time, beforeWTO func()) *Handler {
	return newHandler(opts, now, beforeWTO)
}

// CheckCodes is checkCodes, for the test that holds it to zconsole's answers.
var CheckCodes = checkCodes
