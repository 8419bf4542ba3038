package zconsole

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// asking is one outstanding Ask on a Handle.
type asking struct {
	ref       c.Ask // the WTOR's block: its reply buffer and ECBs
	cancelled bool  // its cancel ECB is posted
}

// Ask puts a question to the operator (WTOR) and waits for the reply, which it
// returns as typed: without the apostrophes a console removes, trailing blanks
// trimmed, at most [ReplyLength] characters (119 by default), decoded in the code page
// the question was written in ([SetCodePage]). The operator answers with R nn,text,
// where nn is the reply id the console shows before the question.
//
// The question is one line of at most 122 characters; options are as for [Put], plus
// ReplyLength. The wait ends early when ctx is done (the error wraps ctx.Err()) or when
// h is killed or closed (the error is [ErrKilled]); h may be nil, and then only ctx
// ends it. Either way the WTOR is deleted (DOM) before Ask returns: nothing is left
// outstanding, and a later reply to its id is refused. A reply posted before the
// question is deleted is returned, not lost. Ask after [Kill] returns ErrKilled at once.
//
// The system may also have taken a reply just before the DOM and post it only after
// (IBM does not say it cannot). Ask has then returned without it, and the storage the
// reply goes into is kept until the system has posted it: each Ask and each
// [Handle.Close] release what has been posted since. While 1024 questions' storage is
// kept so, Ask asks nothing and returns an error wrapping [ErrBusy].
//
// Ask never waits on an ECB another wait may use: each WTOR has its own reply and
// cancel ECBs, so any number of Asks and a Wait may be blocked on one Handle at once.
func Ask(ctx context.Context, h *Handle, question string, opts ...PutOption) (string, error) {
	if ctx == nil {
		panic("zconsole: Ask with nil Context")
	}
	m, page, err := prepare(question, true, opts)
	if err != nil {
		return "", err
	}
	if ctx.Err() != nil {
		return "", ctxError("ask", ctx)
	}
	if n, limit := sweepRetired(); n >= limit {
		return "", errwrap.Op("zconsole", "ask", fmt.Errorf("%w: the storage of %d questions deleted unanswered is kept until the system posts the replies it may still write into it", ErrBusy, n))
	}
	a, err := startAsk(h, &m)
	if err != nil {
		return "", err
	}
	shown()

	// Cancel-then-join: when ctx ends, post the cancel ECB; when the wait is over, make
	// sure that post is finished before the WTOR is ended (its block released or retired).
	var stop func() bool
	var posted chan struct{}
	if ctx.Done() != nil {
		posted = make(chan struct{})
		stop = context.AfterFunc(ctx, func() {
			_ = a.ref.Cancel() // an error leaves the wait to a reply or a kill
			close(posted)
		})
	}
	werr := a.ref.Wait()
	if stop != nil && !stop() {
		<-posted
	}
	killed := false
	if h != nil {
		h.mu.Lock()
		delete(h.asks, a.ref) // from here on no one posts the cancel ECB
		killed = a.cancelled  // Kill or Close posted it
		h.mu.Unlock()
	}

	reply, replied, err := a.ref.End()
	if !replied {
		retire(a.ref) // the system may still write into its storage
	}
	if err != nil {
		return "", errwrap.Op("zconsole", "ask: delete the question", fault(err))
	}
	switch {
	case replied:
		return page.DecodeTrim(reply), nil
	case werr != nil:
		return "", errwrap.Op("zconsole", "ask", fault(werr))
	case killed:
		return "", ErrKilled
	case ctx.Err() != nil:
		return "", ctxError("ask", ctx)
	}
	return "", errors.New("zconsole: ask: the wait ended with neither a reply nor a cancel")
}

// startAsk issues the WTOR and, for a handle, registers it so that Kill and Close can
// end its wait. The check for a kill and the registration are one step under h.mu.
func startAsk(h *Handle, m *c.Message) (*asking, error) {
	if h == nil {
		ref, err := c.AskStart(m)
		if err != nil {
			return nil, errwrap.Op("zconsole", "ask", fault(err))
		}
		return &asking{ref: ref}, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		return nil, ErrClosed
	case h.killed.Load():
		return nil, ErrKilled
	}
	ref, err := c.AskStart(m)
	if err != nil {
		return nil, errwrap.Op("zconsole", "ask", fault(err))
	}
	if h.asks == nil {
		h.asks = map[c.Ask]*asking{}
	}
	a := &asking{ref: ref}
	h.asks[ref] = a
	return a, nil
}

// cancelAsks posts the cancel ECB of every Ask outstanding on h that is not yet
// cancelled, and returns the errors of those it could not post (a later call tries
// them again). Call it with h.mu held.
func (h *Handle) cancelAsks() error {
	var errs []error
	for _, a := range h.asks {
		if a.cancelled {
			continue
		}
		if err := a.ref.Cancel(); err != nil {
			errs = append(errs, errwrap.Op("zconsole", "cancel ask", fault(err)))
			continue
		}
		a.cancelled = true
	}
	return errors.Join(errs...)
}

// maxRetired bounds the WTORs retired at once: while that many are kept, Ask asks nothing.
const maxRetired = 1024

// retired holds the WTORs that ended without a posted reply. Their storage is kept,
// because the system may still write into it: a reply it took just before the DOM may
// be posted after it, and a WTOR whose DOM failed may still be answered. Each Ask and
// each Close sweep them: c.Ask.End deletes what is not yet deleted and releases what
// has been posted since. limit is maxRetired, but for tests.
var retired = struct {
	sync.Mutex
	refs  []c.Ask
	limit int
}{limit: maxRetired}

func retire(a c.Ask) {
	retired.Lock()
	retired.refs = append(retired.refs, a)
	retired.Unlock()
}

// sweepRetired ends the retired WTORs as far as they can be ended now, and returns how
// many are still kept, and the bound.
func sweepRetired() (kept, limit int) {
	retired.Lock()
	defer retired.Unlock()
	left := retired.refs[:0]
	for _, a := range retired.refs {
		if _, replied, err := a.End(); err != nil || !replied {
			left = append(left, a)
		}
	}
	retired.refs = left
	return len(left), retired.limit
}
