package serve

import (
	"context"
	"fmt"
	"time"

	"github.com/go-zos/zconsole/internal/errwrap"
)

// WithFlush runs fn once when the server finishes, with a context whose deadline is
// timeout from then: what a program must write before it ends, such as the records a
// wtolog.Handler has queued for the console ((*wtolog.Handler).Flush is such a
// function).
//
// The server finishes in [Server.Close] (or at the end of a cancelled parent), once
// every handler has returned and every command still queued has been answered: fn
// runs then, and Close waits for it and returns its error among its own. With
// [WithForceExit], a forced stop runs fn before [os.Exit], after the commands still
// queued are answered and while handlers may still run; the process ends when fn
// returns or at the deadline, whichever comes first, and fn's error goes to the
// standard logger. A timeout of 0 or less is an error.
//
// The context is not the server's: its deadline is its only end, so fn still has its
// time after the parent context is cancelled or the stop is forced. Close waits for fn
// as long as it runs: fn must return once its context is done.
func WithFlush(timeout time.Duration, fn func(context.Context) error) Option {
	return func(c *config) error {
		switch {
		case fn == nil:
			return fmt.Errorf("zconsole: WithFlush: nil function")
		case timeout <= 0:
			return fmt.Errorf("zconsole: WithFlush: timeout %v is not positive", timeout)
		}
		c.flush, c.flushTimeout = fn, timeout
		return nil
	}
}

// flush runs the function of WithFlush, if any, with a context that ends at its
// timeout, and returns its error. It waits for the function to return, however long.
func (s *Server) flush() error {
	if s.cfg.flush == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.flushTimeout)
	defer cancel()
	return errwrap.Op("zconsole", "flush", s.cfg.flush(ctx))
}

// flushBeforeExit runs the function of WithFlush, if any, before the process ends: it
// returns when the function has returned or its deadline has passed, whichever is
// first, with the function's error or the deadline's.
func (s *Server) flushBeforeExit() error {
	if s.cfg.flush == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.flushTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.cfg.flush(ctx) }() // it may outlive the process, which ends at the deadline
	select {
	case err := <-done:
		return errwrap.Op("zconsole", "flush", err)
	case <-ctx.Done():
		return errwrap.Op("zconsole", "flush", fmt.Errorf("not done in %v: %w", s.cfg.flushTimeout, ctx.Err()))
	}
}
