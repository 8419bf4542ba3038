package console

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The operator's steps, as the player takes them, one at a time, on the goroutine Open
// starts.

// play takes the rest of the steps, until they end or Close is called. A script whose
// step fails while the job runs calls the OnFail function, or stops the job.
func (o *Operator) play() error {
	for {
		st, ok, err := o.src.next(o.ctx.Done())
		if err == nil && !ok {
			if o.interactive && !o.isEnded() {
				o.leave()
			}
			return nil
		}
		if err == nil {
			err = o.do(st)
		}
		if err == nil {
			continue
		}
		if o.interactive {
			o.Note(ConsoleSource, err.Error())
			continue
		}
		if !o.isEnded() {
			o.fail(err)
		}
		return err
	}
}

func (o *Operator) isEnded() bool { return o.ctx.Err() != nil }

// leave is the end of a person's input: the operator leaves the console, and stops the
// job unless a STOP was entered already.
func (o *Operator) leave() {
	if _, stopped := o.Stopped(); stopped {
		o.Note(ConsoleSource, "end of input: the operator leaves the console")
		return
	}
	job := o.jobName()
	o.Note(ConsoleSource, fmt.Sprintf("end of input: the operator leaves the console and stops %s", job))
	o.typeLine("P " + job)
}

// fail is a script's step failing while the job runs: OnFail's function, or the
// console says so and stops the job unless a STOP was entered already.
func (o *Operator) fail(err error) {
	if o.onFail != nil {
		o.onFail(err)
		return
	}
	o.Note(ConsoleSource, "the operator's script failed: "+err.Error())
	if _, stopped := o.Stopped(); !stopped {
		o.typeLine("P " + o.jobName())
	}
}

func (o *Operator) jobName() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.job
}

// do carries out one step.
func (o *Operator) do(st step) error {
	if o.isEnded() && st.kind == stepType {
		return fmt.Errorf("line %d: the job ended before %s", st.line, st.text)
	}
	switch st.kind {
	case stepType:
		o.typeLine(st.text)
	case stepWait:
		return o.await(st)
	case stepPause:
		t := time.NewTimer(st.pause)
		defer t.Stop()
		select {
		case <-t.C:
		case <-o.ctx.Done():
		}
	}
	return nil
}

// typeLine enters a line at the console. The console shows the line as it takes it
// before the system acts on it (so that the program cannot end before its operator's
// last command is shown), then what the system answers, and what it knows but does not
// say (a reply id no WTOR has, one address space); a line the console does not take at
// all (too long, characters it lacks) is shown as such. A message the program writes
// meanwhile waits for o.mu, and shows after.
func (o *Operator) typeLine(text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.show(Log())
	in, typable := enterable(text)
	if typable == nil {
		o.write(time.Now(), "OPER", fold(in))
	}
	before := lastSeq(Log())
	err := Command(text, Master)
	log := Log()
	for _, m := range log {
		if m.Seq > before && m.Kind == KindCommand {
			o.echoed, o.cursor = m.Seq, m.Seq
			if err == nil && isStop(text) && o.stopAt.IsZero() {
				o.stopAt = m.Time // the first STOP stops the job; a second forces it
			}
			break
		}
	}
	o.show(log)
	switch {
	case typable != nil:
		o.write(time.Now(), ConsoleSource, fmt.Sprintf("not entered: %v: %s", err, text))
	case errors.Is(err, ErrNotOutstanding):
		o.write(time.Now(), ConsoleSource, "no WTOR has that reply id: "+outstandingNow())
	case err != nil && strings.Contains(err.Error(), msgNoAddressSpace):
		o.write(time.Now(), ConsoleSource, fmt.Sprintf("the simulated system has one address space, and %s runs in it", o.job))
	}
}

// outstandingNow says which reply ids are outstanding.
func outstandingNow() string {
	ids := Outstanding()
	if len(ids) == 0 {
		return "none is outstanding"
	}
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprintf("%02d", id)
	}
	return "outstanding: " + strings.Join(s, " ")
}

// await is .wait text: it waits for the next message after the cursor that contains
// text, a message of the program or of the system, and moves the cursor to it.
func (o *Operator) await(st step) error {
	ctx, cancel := context.WithTimeout(o.ctx, o.waitLimit)
	defer cancel()
	o.mu.Lock()
	after := o.cursor
	o.mu.Unlock()
	m, err := AwaitMessage(ctx, after, func(m Message) bool {
		return m.Kind != KindCommand && strings.Contains(m.Text, st.text)
	})
	if err == nil {
		o.mu.Lock()
		o.cursor = m.Seq
		o.mu.Unlock()
		o.Show()
		return nil
	}
	if o.isEnded() {
		return fmt.Errorf("line %d: .wait %s: the job ended, and the console does not show it", st.line, st.text)
	}
	return fmt.Errorf("line %d: .wait %s: not on the console after %v", st.line, st.text, o.waitLimit)
}
