package serve

import (
	"time"

	"github.com/go-zos/zconsole/timer"
)

// SetIdleTimeout changes the idle timeout ([WithIdle]) to d, counting from now; 0 (or
// less) turns it off. It reports whether it did so: it does nothing, and returns
// false, once the server is stopping or the idle timeout has fired. It is safe from
// any goroutine, a handler included ("F DEMO,SET IDLE=30").
func (s *Server) SetIdleTimeout(d time.Duration) bool {
	s.idleMu.Lock()
	defer s.idleMu.Unlock()
	if s.idleOff {
		return false
	}
	if old := s.idle.Load(); old != nil {
		if !old.Stop() {
			return false // it fired: the stop is on its way to the loop
		}
		s.idle.Store(nil)
	}
	if d > 0 {
		s.idle.Store(timer.NewIdle(d, func() { s.idleFired(d) }))
	}
	return true
}

// idleFired tells the loop. An Idle fires at most once, and a fired one is never
// replaced, so the one-slot channel always has room; the default case is only a
// guard.
func (s *Server) idleFired(d time.Duration) {
	select {
	case s.idleC <- d:
	default:
	}
}

// stopIdle ends idle timing for good: no timer is pending when it returns, and the
// function of one that fired has returned.
func (s *Server) stopIdle() {
	s.idleMu.Lock()
	s.idleOff = true
	i := s.idle.Swap(nil)
	s.idleMu.Unlock()
	if i != nil && !i.Stop() {
		<-i.Finished()
	}
}
