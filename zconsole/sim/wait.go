package sim

import (
	"context"
	"fmt"
	"regexp"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// The helpers below wait for what a program does, for tests of a program: they poll
// nothing, but sleep in the simulated system, which wakes them when its log or the
// program's queue limit changes, and when ctx ends. When one returns, it has left no
// goroutine behind. Give ctx a deadline: a program that never does what a helper waits
// for leaves it waiting until ctx ends.

// Listening blocks until the program accepts MODIFY commands: it has opened the console
// (zconsole.Init) and its queue limit is above 0, so that a MODIFY is queued for it, not
// refused (IEE342I REJECTED-TASK BUSY, as z/OS refuses one before then). It returns
// nil, or, when ctx is done first, an error wrapping ctx's. The program stops accepting
// MODIFY when it takes a STOP and when it closes its handle.
func Listening(ctx context.Context) error {
	if err := console.Listening(ctx); err != nil {
		return errwrap.Op("sim", "listening", err, cause(ctx, "the program's queue limit is 0"))
	}
	return nil
}

// Written blocks until the program has written a message (WTO or WTOR) whose text, as
// [Log] shows it, matches the regular expression pattern, and returns the first such
// message since the last Reset or Start. It fails when pattern does not compile, and
// when ctx is done first, with an error wrapping ctx's. Messages are matched from the
// start of the log: to wait for a second message like the first, match what sets it
// apart (a count, a reply id, the text of the command it answers).
func Written(ctx context.Context, pattern string) (Message, error) {
	if err := console.Missing(); err != nil {
		return Message{}, errwrap.Op("sim", "written", err)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return Message{}, errwrap.Op("sim", "written", err)
	}
	m, err := console.Written(ctx, re)
	if err != nil {
		return Message{}, errwrap.Op("sim", "written", err, cause(ctx, fmt.Sprintf("no message matches %q", pattern)))
	}
	return messageOf(m), nil
}

// Asked blocks until the program has a WTOR outstanding and returns it (the oldest),
// as the log shows it: its ReplyID is the nn to answer with R nn,text. It fails when
// ctx is done first, with an error wrapping ctx's.
func Asked(ctx context.Context) (Message, error) {
	m, err := console.Asked(ctx)
	if err != nil {
		return Message{}, errwrap.Op("sim", "asked", err, cause(ctx, "no WTOR is outstanding"))
	}
	return messageOf(m), nil
}

// cause is what a wait that ctx ended had not seen: ctx's cause when it says more than
// ctx's error, else what, so that the error says why it waited. It is nil when ctx is
// not done (the simulator is missing).
func cause(ctx context.Context, what string) error {
	if ctx.Err() == nil {
		return nil
	}
	if c := context.Cause(ctx); c != nil && c != ctx.Err() {
		return c
	}
	return fmt.Errorf("%s", what)
}
