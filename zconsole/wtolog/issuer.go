package wtolog

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

// ErrClosed: the Handler is closed. Handle returns an error wrapping it for a record at
// the console level (the next handler still has the record), and so do Flush and a
// second Close.
var ErrClosed = errors.New("wtolog: handler closed")

// Stats count what became of the records at or above the console level, since the
// Handler was made. Every such record is counted once: Written, Suppressed, Dropped or
// Failed, however many WTOs it took.
type Stats struct {
	Written    uint64 // written to the console, all of its WTOs
	Suppressed uint64 // kept off the console by the rate limit
	Dropped    uint64 // dropped: the queue was full, or the Handler closed
	Failed     uint64 // not written: the system refused a WTO of it (zconsole.Put's error)
	WTOs       uint64 // WTOs issued, the summaries' too
	Summaries  uint64 // summaries issued
}

// root is what a Handler and those made from it share: the configuration, the queue
// and its goroutine, the rate limit, and the counts.
type root struct {
	cfg       config
	now       func() time.Time
	beforeWTO func()

	queue chan message
	kick  chan struct{}   // the first record kept off the console since the last summary
	flush chan chan error // Flush's requests: the answer goes back on the channel
	stop  chan struct{}   // closed by Close
	done  chan struct{}   // closed when the goroutine returns

	mu      sync.Mutex
	closed  bool
	lim     limiter
	unshown unshown // what the next summary counts
	armed   bool    // a summary is due: the goroutine has been kicked
	stats   Stats
	failN   int   // records and summaries not written since the last Flush or Close
	failErr error // the last error of those
}

func newRoot(cfg config, now func() time.Time, beforeWTO func()) *root {
	r := &root{
		cfg: cfg, now: now, beforeWTO: beforeWTO,
		queue: make(chan message, cfg.queueSize),
		kick:  make(chan struct{}, 1),
		flush: make(chan chan error),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
		lim:   newLimiter(cfg.perID, cfg.total, now()),
	}
	go r.run()
	return r
}

// admit applies the rate limit to a record of message id id: whether it may go on to
// the console. A record kept off is counted; after Close the answer is ErrClosed.
func (r *root) admit(id string) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		r.stats.Dropped++
		return false, fmt.Errorf("%w: record %s not written to the console", ErrClosed, id)
	}
	if r.lim.admit(id, r.now()) {
		return true, nil
	}
	r.stats.Suppressed++
	r.unshown.add(id, &r.unshown.suppressed)
	r.arm()
	return false, nil
}

// enqueue queues m for the goroutine, never waiting: when the queue is full, m is
// dropped and counted. The rate limit is charged for the further WTOs of an m queued;
// one dropped costs nothing more.
func (r *root) enqueue(m message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		r.stats.Dropped++
		return fmt.Errorf("%w: record %s not written to the console", ErrClosed, m.id)
	}
	select {
	case r.queue <- m:
		r.lim.charge(m.id, len(m.wtos)-1)
	default:
		r.stats.Dropped++
		r.unshown.add(m.id, &r.unshown.dropped)
		r.arm()
	}
	return nil
}

// arm makes sure a summary is due: it kicks the goroutine, which starts the summary's
// timer, once per summary. Called with r.mu held.
func (r *root) arm() {
	if r.armed {
		return
	}
	r.armed = true
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// run is the goroutine: it issues the queued records' WTOs, one at a time, and the
// summaries. It sleeps while there is nothing to do: its timer runs only while a
// summary is due.
func (r *root) run() {
	defer close(r.done)
	var timer *time.Timer
	var due <-chan time.Time
	for {
		select {
		case m := <-r.queue:
			r.issue(m)
		case <-r.kick:
			if due == nil {
				timer = time.NewTimer(r.cfg.summaryEvery)
				due = timer.C
			}
		case <-due:
			due = nil
			r.summarize()
		case answer := <-r.flush:
			// What is queued now, and no more: a steady flow of records must not
			// keep Flush waiting.
			for n := len(r.queue); n > 0; n-- {
				r.issue(<-r.queue)
			}
			r.summarize()
			answer <- r.failures()
		case <-r.stop:
			if timer != nil {
				timer.Stop()
			}
			r.drain()
			r.summarize()
			return
		}
	}
}

// drain issues every record queued; called once no more can be queued.
func (r *root) drain() {
	for {
		select {
		case m := <-r.queue:
			r.issue(m)
		default:
			return
		}
	}
}

// issue writes a record's WTOs and counts the outcome.
func (r *root) issue(m message) {
	err := r.put(m.wtos, m.putOptions())
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.stats.Failed++
		r.unshown.failed++
		r.arm()
		r.failed(err)
		return
	}
	r.stats.Written++
}

// put issues the WTOs of one record or summary, all of them even when one fails, and
// returns the last error.
func (r *root) put(wtos []string, opts []zconsole.PutOption) error {
	var last error
	for _, text := range wtos {
		if r.beforeWTO != nil {
			r.beforeWTO()
		}
		if _, err := zconsole.Put(text, opts...); err != nil {
			last = err
			continue
		}
		r.mu.Lock()
		r.stats.WTOs++
		r.mu.Unlock()
	}
	return last
}

// failed notes a WTO that failed, for the next Flush or Close. Called with r.mu held.
func (r *root) failed(err error) {
	r.failN++
	r.failErr = err
}

// failures returns an error for the records and summaries not written since it was
// last called, or nil.
func (r *root) failures() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, err := r.failN, r.failErr
	r.failN, r.failErr = 0, nil
	if n == 0 {
		return nil
	}
	return fmt.Errorf("wtolog: %d record(s) or summaries not written to the console; the last error: %w", n, err)
}

// summarize writes the summary of the records kept off the console since the last one,
// if there are any.
func (r *root) summarize() {
	r.mu.Lock()
	r.armed = false
	u := r.unshown
	r.unshown = unshown{}
	if u.empty() {
		r.mu.Unlock()
		return
	}
	r.lim.prune(r.now())
	r.mu.Unlock()

	sev := r.cfg.severityOf(r.cfg.level.Level())
	id := r.cfg.summaryStem + string(sev.letter)
	err := r.put(layout(id, u.text()), sev.opts)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.failed(err)
		return
	}
	r.stats.Summaries++
}

// Stats returns the Handler's counts.
func (h *Handler) Stats() Stats {
	r := h.root
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Flush writes the records queued before it was called and the summary of what was
// kept off the console, if anything was, and returns once they are written or ctx is
// done (then with an error wrapping context.Cause(ctx); the goroutine goes on writing
// them). It returns an error if records or summaries could not be written since the
// last Flush or Close, naming how many and the last error, and ErrClosed after Close.
func (h *Handler) Flush(ctx context.Context) error {
	r := h.root
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return ErrClosed
	}
	answer := make(chan error, 1)
	select {
	case r.flush <- answer:
	case <-r.done:
		return ErrClosed
	case <-ctx.Done():
		return fmt.Errorf("wtolog: flush: %w", context.Cause(ctx))
	}
	select {
	case err := <-answer:
		return err
	case <-ctx.Done():
		return fmt.Errorf("wtolog: flush: %w", context.Cause(ctx))
	}
}

// Close stops taking records for the console, writes what is queued and the last
// summary, and ends the goroutine. When Close returns, every record Handle accepted for
// the console has been written (or has failed), and the Handler's goroutine is gone.
// It returns an error if records or summaries could not be written since the last
// Flush, as Flush does, and ErrClosed if the Handler is closed already. After Close the
// next handler still gets every record.
//
// Close waits for the WTO in progress, which the system may hold while it is short of
// buffers (IEA405E).
func (h *Handler) Close() error {
	r := h.root
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return ErrClosed
	}
	r.closed = true
	r.mu.Unlock()
	close(r.stop)
	<-r.done
	return r.failures()
}
