package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// The demo's messages that are not answers to a command (DMO001I ready, the work's
// DMO010I-DMO013E, the stop's DMO030I-DMO039I, DMO040E and DMO041E) are its log: it
// writes them through a wtolog.Handler, as a Go program logs to the console with
// log/slog. The handler gives each the routing and descriptor codes of its level,
// never makes the demo wait for the console, and keeps a burst off it: a record over
// the rate limit is counted, and DMO999I (msgSummary) later says how many of which ids
// were not shown.
//
// Answers to commands are not log records: they go back to the console that entered
// the command (output.reply). The work's messages are log records about the WORK that
// started the item: they go also to the console that typed it (wtolog.WithCommand), so
// that the operator who asked sees the work start and end there, unless the rate limit
// keeps a record off the console. Before each answer the demo flushes its log, waiting
// at most replyFlushWait, so that a console shows its messages in the order the demo
// wrote them: DMO012I before DMO021I, the answer that counts them. The wait is short
// because the server's own loop answers some commands (its refusals while stopping):
// a console short of buffers delays an answer by that much at most, and the log's
// records then follow it.

// logFlushWait is the longest the demo waits for its log to be on the console before
// it ends (serve.WithFlush).
const logFlushWait = 5 * time.Second

// replyFlushWait is the longest the demo waits for its log to be on the console before
// it answers a command.
const replyFlushWait = 200 * time.Millisecond

// openLog starts the demo's log on the console.
func (o *output) openLog() {
	o.logs = wtolog.NewHandler(&wtolog.Options{
		Prefix:    "DMO",
		Level:     slog.LevelInfo, // every message of the demo's log is for the operator
		SummaryID: msgSummary,
	})
	o.log = slog.New(o.logs)
}

// put writes text, which begins with its message id, to the operator through the
// demo's log, at the level the id's type code says: LevelError for E, LevelInfo for I.
// The view shows it as logged.
func (o *output) put(text string) { o.putFor(context.Background(), text) }

// putFor is put for a record about what a command started (ctx from
// wtolog.WithCommand): it goes also to the console that entered the command, with its
// CART, besides the consoles its routing codes reach.
func (o *output) putFor(ctx context.Context, text string) {
	level := slog.LevelInfo
	if id, _, _ := strings.Cut(text, " "); strings.HasSuffix(id, "E") {
		level = slog.LevelError
	}
	o.log.Log(ctx, level, text)
	o.wrote(text)
}

// flushLog writes to the console what the demo's log has queued, waiting at most
// wait. A failure is an event: the demo goes on.
func (o *output) flushLog(wait time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := o.logs.Flush(ctx); err != nil && !errors.Is(err, wtolog.ErrClosed) {
		o.event("log: %v", err)
	}
}

// closeLog writes what the demo's log has queued and its last summary, and ends it;
// the view is brought up to date. A second closeLog does nothing.
func (o *output) closeLog() {
	if err := o.logs.Close(); err != nil && !errors.Is(err, wtolog.ErrClosed) {
		o.event("log: %v", err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.view.show(o.w, o.job, nil)
}
