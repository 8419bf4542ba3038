package console

import (
	"context"
	"regexp"

	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Await blocks until look reports true or ctx is done, and returns nil or ctx's error.
// It looks once at once, and again after each change of the simulated system (a record
// logged, CIBCTR set): in between it sleeps in the simulator, which wakes it on the next
// change, or when ctx ends. It looks once more after it sees ctx done, so that what
// happened before ctx ended is found. It polls nothing, and when it returns it has left
// no goroutine behind.
func Await(ctx context.Context, look func() bool) error {
	if err := Missing(); err != nil {
		return err
	}
	woken := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		mvs.WakeWatchers()
		close(woken)
	})
	defer func() {
		if !stop() {
			<-woken
		}
	}()
	for {
		seen := mvs.Changes()
		ended := ctx.Err() // before the look: what came before ctx ended is found
		if look() {
			return nil
		}
		if ended != nil {
			return ended
		}
		mvs.AwaitChange(seen)
	}
}

// AwaitMessage blocks until the log holds a message after sequence number after for
// which match reports true, and returns the first such; or until ctx is done.
func AwaitMessage(ctx context.Context, after uint64, match func(Message) bool) (Message, error) {
	var found Message
	err := Await(ctx, func() bool {
		for _, m := range Log() {
			if m.Seq > after && match(m) {
				found = m
				return true
			}
		}
		return false
	})
	return found, err
}

// Written blocks until the program has written a message (WTO or WTOR) whose text
// matches re, and returns the first such since the last Reset or Start.
func Written(ctx context.Context, re *regexp.Regexp) (Message, error) {
	return AwaitMessage(ctx, 0, func(m Message) bool { return m.Kind == KindWTO && re.MatchString(m.Text) })
}

// Listening blocks until the program accepts MODIFY commands: its queue limit (CIBCTR)
// is above 0.
func Listening(ctx context.Context) error {
	return Await(ctx, func() bool { return mvs.Stats().CIBCTR > 0 })
}

// Asked blocks until the program has a WTOR outstanding and returns the oldest, as the
// log shows it.
func Asked(ctx context.Context) (Message, error) {
	var found Message
	err := Await(ctx, func() bool {
		ids := mvs.Outstanding()
		if len(ids) == 0 {
			return false
		}
		m, ok := wtorMessage(ids[0])
		found = m
		return ok
	})
	return found, err
}

// wtorMessage is the log's outstanding WTOR with reply id id.
func wtorMessage(id int) (Message, bool) {
	log := Log()
	for i := len(log) - 1; i >= 0; i-- {
		m := log[i]
		if m.Kind == KindWTO && m.WTOR && m.ReplyID == id && !m.Deleted {
			return m, true
		}
	}
	return Message{}, false
}
