package wtolog

import (
	"context"
	"log/slog"
	"time"
)

// Options configure a [Handler]. The zero value of each field means its default; a nil
// *Options means every default.
type Options struct {
	// Level is the console level: records at or above it become WTOs. The default is
	// slog.LevelWarn. A *slog.LevelVar changes it while the program runs.
	Level slog.Leveler

	// Next, when not nil, is given every record, as if the Handler were not there:
	// the same records (those Next is enabled for), attributes, groups and context.
	// Typically slog.NewTextHandler(os.Stdout, nil): the job's SYSOUT.
	Next slog.Handler

	// IDKey is the key of the attribute that holds a record's message id, such as
	// slog.String("msgid", "DMO010"). The default is "msgid". The attribute is not
	// repeated in the text.
	IDKey string

	// MessageID, when not nil, returns the message id of a record that has none from
	// an IDKey attribute (its own or WithAttrs'); "" means none. It is called from
	// Handle, with Handle's context.
	MessageID func(ctx context.Context, r slog.Record) string

	// Prefix is the program's message prefix, 1 to 5 of A-Z, @, #, $ (IBM's are three
	// letters): a record whose message begins with it and digits ("DMO010 queue
	// deep") takes that word as its message id, and an IDKey attribute that is a
	// number (slog.Int("msgid", 10)) is that number under it (DMO010). It also names
	// the default ids: Prefix+"000" and Prefix+"999".
	Prefix string

	// DefaultID is the message id of a record that has none. The default is
	// Prefix+"000", or "SLOG000" without a Prefix.
	DefaultID string

	// Severities say how each level shows on the console: the letter that ends the
	// message id, and the routing and descriptor codes. The default is
	// DefaultSeverities().
	Severities []Severity

	// PerID limits how fast records of one message id reach the console; Total, all
	// records together. The defaults are DefaultPerID and DefaultTotal.
	PerID, Total Limit

	// QueueSize is how many records wait for their WTO at most; a record that finds
	// the queue full is dropped and counted. The default is DefaultQueueSize.
	QueueSize int

	// SummaryEvery is how long after a record is first kept off the console the
	// summary that counts such records is written; the next waits as long again.
	// The default is DefaultSummaryEvery.
	SummaryEvery time.Duration

	// SummaryID is the message id of the summary. The default is Prefix+"999", or
	// "SLOG999" without a Prefix.
	SummaryID string
}

// Limit is a rate limit, as a token bucket: at most Burst records at once, and one
// more each time Every passes. A record is let through or kept off whole; one that
// takes several WTOs takes a token for each (the bucket may go below zero), so the
// limit holds for WTOs as well as records. A negative Burst means no limit; the zero
// Limit means the default.
type Limit struct {
	Burst int
	Every time.Duration
}

// The defaults of [Options].
const (
	DefaultIDKey        = "msgid"
	DefaultQueueSize    = 128
	DefaultSummaryEvery = time.Minute
)

// DefaultPerID lets 10 records of one message id through at once and then 10 a
// minute; DefaultTotal lets 50 records through at once and then 120 a minute.
var (
	DefaultPerID = Limit{Burst: 10, Every: 6 * time.Second}
	DefaultTotal = Limit{Burst: 50, Every: 500 * time.Millisecond}
)

// NoLimit is a Limit that lets every record through.
var NoLimit = Limit{Burst: -1}

// the message id stems used when neither Options.DefaultID nor Options.SummaryID nor
// Options.Prefix is given.
const (
	defaultStem = "SLOG000"
	summaryStem = "SLOG999"
)

// config is Options checked and completed.
type config struct {
	level        slog.Leveler
	next         slog.Handler
	idKey        string
	idFunc       func(context.Context, slog.Record) string
	prefix       string
	defaultStem  string
	summaryStem  string
	sevs         []severity // by level, lowest first
	perID, total Limit
	queueSize    int
	summaryEvery time.Duration
}

// configure checks o and fills in the defaults; it panics, naming the problem, for an
// option that is out of range: the options are the program's own.
func configure(o *Options) config {
	if o == nil {
		o = &Options{}
	}
	c := config{
		level: o.Level, next: o.Next, idKey: o.IDKey, idFunc: o.MessageID, prefix: o.Prefix,
		perID: o.PerID, total: o.Total, queueSize: o.QueueSize, summaryEvery: o.SummaryEvery,
	}
	if c.level == nil {
		c.level = slog.LevelWarn
	}
	if c.idKey == "" {
		c.idKey = DefaultIDKey
	}
	if c.prefix != "" && !isPrefix(c.prefix) {
		panic("wtolog: Prefix " + quote(c.prefix) + " is not 1 to 5 of A-Z, @, #, $")
	}
	c.defaultStem = idOption("DefaultID", o.DefaultID, c.prefix, "000", defaultStem)
	c.summaryStem = idOption("SummaryID", o.SummaryID, c.prefix, "999", summaryStem)
	sevs := o.Severities
	if sevs == nil {
		sevs = DefaultSeverities()
	}
	c.sevs = prepareSeverities(sevs)
	c.perID = limitOption("PerID", c.perID, DefaultPerID)
	c.total = limitOption("Total", c.total, DefaultTotal)
	switch {
	case c.queueSize == 0:
		c.queueSize = DefaultQueueSize
	case c.queueSize < 0:
		panic("wtolog: QueueSize is negative")
	}
	switch {
	case c.summaryEvery == 0:
		c.summaryEvery = DefaultSummaryEvery
	case c.summaryEvery < 0:
		panic("wtolog: SummaryEvery is negative")
	}
	return c
}

// idOption returns the stem of an id option: given, checked; or prefix+num; or def.
func idOption(name, given, prefix, num, def string) string {
	if given == "" {
		if prefix == "" {
			return def
		}
		given = prefix + num
	}
	stem, ok := stemOf(given)
	if !ok {
		panic("wtolog: " + name + " " + quote(given) + " is not a message id (1 to 9 of A-Z, 0-9, @, #, $, not beginning with a digit, and a type letter)")
	}
	return stem
}

func limitOption(name string, l, def Limit) Limit {
	switch {
	case l == Limit{}:
		return def
	case l.Burst < 0:
		return NoLimit
	case l.Burst == 0 || l.Every <= 0:
		panic("wtolog: " + name + " needs a Burst of 1 or more and a positive Every (a negative Burst for no limit)")
	}
	return l
}
