package wtolog

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

// Handler is a [slog.Handler] that writes the records at or above its console level to
// the operator console as WTOs (zconsole.Put), through a bounded queue and one
// goroutine, under a rate limit; and gives every record to the next handler, if any.
//
// Handle never waits for the console: a record the rate limit keeps off the console is
// counted (the summary names it), one that finds the queue full is dropped and counted,
// and the next handler gets it either way, as it would without wtolog.
//
// The Handlers that WithAttrs and WithGroup return share their parent's queue, limits,
// goroutine and counts: [Handler.Flush], [Handler.Close] and [Handler.Stats] of any of
// them are those of all.
type Handler struct {
	root   *root
	next   slog.Handler
	prefix string // the open groups, dotted, ending in "."
	attrs  []byte // WithAttrs' attributes as text, each after a blank
	withID string // the message id stem WithAttrs gave, if any
}

// NewHandler returns a Handler configured by opts (nil: every default) and starts its
// goroutine, which issues the WTOs until [Handler.Close]. NewHandler panics if an
// option is out of range (a bad prefix, message id, letter or code, a negative size):
// the options are the program's own.
func NewHandler(opts *Options) *Handler {
	return newHandler(opts, time.Now, nil)
}

// newHandler is NewHandler with the clock the rate limit reads, and a function the
// goroutine calls before each WTO (tests hold it there); nil for none.
func newHandler(opts *Options, now func() time.Time, beforeWTO func()) *Handler {
	r := newRoot(configure(opts), now, beforeWTO)
	return &Handler{root: r, next: r.cfg.next}
}

// Enabled reports whether a record of level l goes anywhere: to the console (at or
// above the console level) or to the next handler (as its Enabled says).
func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool {
	if l >= h.root.cfg.level.Level() {
		return true
	}
	return h.next != nil && h.next.Enabled(ctx, l)
}

// Handle gives r to the next handler, if it is enabled for r's level, and writes r to
// the console if r is at or above the console level. It returns the next handler's
// error, and one wrapping [ErrClosed] for a console record after Close. A record kept
// off the console by the rate limit or a full queue is no error: it is counted, and
// the summary names it.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	var err error
	if h.next != nil && h.next.Enabled(ctx, r.Level) {
		err = h.next.Handle(ctx, r)
	}
	if r.Level < h.root.cfg.level.Level() {
		return err
	}
	if cerr := h.toConsole(ctx, r); cerr != nil {
		return errors.Join(err, cerr)
	}
	return err
}

// WithAttrs returns a Handler whose records have attrs too, after those of h; the next
// handler gets them through its own WithAttrs. An IDKey attribute among them that holds
// a message id is the id of the records that have none of their own.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	h2 := *h
	if h.next != nil {
		h2.next = h.next.WithAttrs(attrs)
	}
	h2.attrs = slices.Clip(h.attrs)
	for _, a := range attrs {
		if a.Key == h.root.cfg.idKey {
			if stem, ok := h.root.cfg.stemFrom(a.Value); ok {
				h2.withID = stem
				continue
			}
		}
		h2.attrs = appendAttr(h2.attrs, h.prefix, a)
	}
	return &h2
}

// WithGroup returns a Handler that puts the attributes that follow under group name:
// on the console as name.key=value. The next handler gets it through its own
// WithGroup.
func (h *Handler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	if h.next != nil {
		h2.next = h.next.WithGroup(name)
	}
	h2.prefix = h.prefix + name + "."
	return &h2
}

// toConsole writes r to the console: its message id and severity, the rate limit,
// its text laid out in WTOs, the queue.
func (h *Handler) toConsole(ctx context.Context, r slog.Record) error {
	c := &h.root.cfg
	sev := c.severityOf(r.Level)
	stem, msg, fromAttr := h.idOf(ctx, r)
	id := stem + string(sev.letter)
	if ok, err := h.root.admit(id); !ok {
		return err
	}
	m := message{id: id, wtos: layout(id, h.text(msg, r, fromAttr)), sev: sev, noTime: r.Time.IsZero()}
	if ctx != nil {
		m.cmd, m.hasCmd = CommandFrom(ctx)
	}
	return h.root.enqueue(m)
}

// text writes the record's text: the message, the handler's attributes, the record's
// (without the IDKey attribute that gave its id).
func (h *Handler) text(msg string, r slog.Record, skipID bool) string {
	b := make([]byte, 0, 128)
	b = appendMessage(b, msg)
	b = append(b, h.attrs...)
	r.Attrs(func(a slog.Attr) bool {
		if skipID && a.Key == h.root.cfg.idKey {
			skipID = false
			return true
		}
		b = appendAttr(b, h.prefix, a)
		return true
	})
	if msg == "" && len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	return string(b)
}

// message is a record on its way to the console: its WTOs and how to write them.
type message struct {
	id     string
	wtos   []string
	sev    *severity
	cmd    zconsole.Command // the command being answered, when hasCmd
	hasCmd bool
	noTime bool // the record has no time: its WTOs have no time stamp either
}

// putOptions returns the options of m's WTOs: its severity's; zconsole.NoTime for a
// record without a time; and, for a command being answered, its console and CART.
func (m *message) putOptions() []zconsole.PutOption {
	if !m.hasCmd && !m.noTime {
		return m.sev.opts
	}
	opts := slices.Clip(m.sev.opts)
	if m.noTime {
		opts = append(opts, zconsole.NoTime())
	}
	if !m.hasCmd {
		return opts
	}
	switch {
	case m.cmd.ConsoleID != 0:
		opts = append(opts, zconsole.ToConsoleID(m.cmd.ConsoleID))
	case m.cmd.Console != "":
		opts = append(opts, zconsole.ToConsole(m.cmd.Console))
	}
	if !m.cmd.CART.IsZero() {
		opts = append(opts, zconsole.WithCART(m.cmd.CART))
	}
	return opts
}
