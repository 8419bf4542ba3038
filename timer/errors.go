package timer

import "errors"

// ErrStarted is returned by [Timer.Start] when the timer was already
// started. It matches Python's RuntimeError "threads can only be started
// once".
var ErrStarted = errors.New("timer: can only be started once")

// ErrNotStarted is returned by [Timer.JoinContext] for a timer that was
// neither started nor cancelled. It matches Python's RuntimeError "cannot
// join thread before it is started".
var ErrNotStarted = errors.New("timer: cannot join before it is started")
