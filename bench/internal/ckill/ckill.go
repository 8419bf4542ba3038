//go:build cgo && zconsolesim && linux

package ckill

/*
#cgo CFLAGS: -O2 -Wall -Wextra
#cgo LDFLAGS: -lpthread
#include "ckill.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"time"

	_ "github.com/go-zos/zconsole/bench/internal/floor" // floor_now and floor_sleep, for ckill.c
	"github.com/go-zos/zconsole/zconsole/c"
)

// queueLimit is the MODIFY limit each round's work area is opened with, the default.
const queueLimit = 5

// Rounds runs rounds kills with no Go in them, each after its waiter has been in its
// WAIT for settle, and returns each kill's latency: from the waker's clock reading just
// before zc_kill to the waiter's just after zc_watch returned, CLOCK_MONOTONIC read in
// C on both threads, as the floor reads its handoff's. Each round opens a work area
// with the protocol's Go binding (c.Init, untimed), so Rounds fails while a handle is
// open, and closes it again (c.Term) once the waiter has been joined.
//
// A round whose kill fails (a POST fault a test armed) disarms POST's faults and kills
// again to end the wait, and Rounds reports the failure. If that second kill fails too,
// the waiter still waits in its work area: Rounds leaves the area open (the handle slot
// taken) rather than free it under the waiter.
func Rounds(rounds int, settle time.Duration) ([]time.Duration, error) {
	out := make([]time.Duration, 0, max(rounds, 0))
	buf := make([]byte, c.CopyMax) // for the START CIB Init takes, if one is queued
	for range rounds {
		a, _, err := c.Init(queueLimit, buf)
		if err != nil {
			return out, fmt.Errorf("ckill: opening a work area: %w", err)
		}
		var lat C.int64_t
		rc := C.ckill_round(C.uint32_t(a), C.int64_t(settle), &lat)
		if rc == C.CKILL_STUCK {
			return out, errors.New("ckill: the kill's POST failed twice; the waiter still waits, its work area left open")
		}
		if err := c.Term(a); err != nil {
			return out, fmt.Errorf("ckill: closing the work area: %w", err)
		}
		switch rc {
		case C.CKILL_OK:
		case C.CKILL_THREAD:
			return out, errors.New("ckill: the waiter thread could not be started")
		case C.CKILL_KILL:
			return out, errors.New("ckill: the kill's POST failed")
		default:
			return out, errors.New("ckill: the wait did not end with the kill")
		}
		out = append(out, time.Duration(lat))
	}
	return out, nil
}
