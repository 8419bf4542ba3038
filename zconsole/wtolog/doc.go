// Package wtolog is a [log/slog] handler that writes a program's log records to the
// z/OS operator console: each record at or above a level (slog.LevelWarn unless
// Options.Level says otherwise) becomes a WTO (zconsole.Put) with a message id,
// routing and descriptor codes, without ever making the program wait for the console.
//
//	h := wtolog.NewHandler(&wtolog.Options{
//		Prefix: "DMO",
//		Next:   slog.NewTextHandler(os.Stdout, nil), // every record, as without wtolog: SYSOUT
//	})
//	defer h.Close() // writes what is queued, and the last summary
//	log := slog.New(h)
//	log.Warn("queue deep", "msgid", "DMO010", "queue", "PAYROLL.IN", "depth", 5000)
//	// the console: DMO010W queue deep queue=PAYROLL.IN depth=5000
//
// # Message ids
//
// A record's message id comes from, in this order: its Options.IDKey attribute
// ("msgid"), one given to WithAttrs, Options.MessageID, the first word of its message
// when that is Options.Prefix and digits ("DMO010 queue deep"), or Options.DefaultID
// (Prefix+"000"). The id's last letter, its type code, follows the record's level, as
// [Severity] says: I, W, E and A by default ([DefaultSeverities]); a program may give
// any level its own letter, D for a decision among them.
//
// # Codes and consoles
//
// Each [Severity] carries the routing codes (which consoles show the record, and the job
// log) and descriptor codes (how it is shown and kept) of its records; the defaults,
// with IBM's meaning of each, are in [DefaultSeverities]. A record logged with a
// context from [WithCommand] goes also to the console of the operator command being
// handled, with its CART.
//
// # Text
//
// The text is the message, then the attributes as key=value, groups dotted
// (req.id=7), values quoted when they hold a blank, a quote, '=' or a character that is
// not printable. A newline or control character, in the message or in a value, is
// written as its Go escape (\n), never as a line break, so nothing a record carries can
// start a console line that passes for another message; every line of a WTO but the
// first begins with a blank. The text is written in the consoles' code page
// (zconsole.SetCodePage); a character the code page lacks becomes '?'
// (zconsole.Substitute), never an error that loses the record.
//
// A text that does not fit one line (126 characters) becomes a multi-line WTO of up to
// 10 lines of 71, broken at blanks; one that does not fit 10 lines becomes as many
// WTOs as it takes, each beginning with the id and "(k/n)", part k of n. A record is
// never cut: every character of its text reaches the console. It is still one record
// to the rate limit (admitted or kept off whole), to [Handler.Stats] and to the
// summary. Its WTOs go out together; a token is charged for each, which holds back the
// records that follow, not its own WTOs: text of unbounded size belongs below the
// console level (docs/wtolog.md, "Long records").
//
// # Flood protection
//
// Handle never waits for the console. It applies the rate limits, formats the record
// and puts it on a bounded queue (Options.QueueSize); one goroutine issues the WTOs,
// one at a time, so a system
// short of WTO buffers (IEA405E), which holds the issuer in WTO, holds that goroutine
// and nobody else. A rate limit per message id (Options.PerID) and one for all records
// (Options.Total), token buckets, keep the excess off the console; a record that finds
// the queue full is dropped. Both are counted ([Handler.Stats]), and a summary written
// Options.SummaryEvery after the first of them, with Options.SummaryID, says how many
// records of which ids were not shown:
//
//	DMO999W 45 log record(s) not shown on the console (42 over the rate limit, 3 with the queue full): DMO010E 43, DMO011W 2
//
// [Handler.Flush] writes what is queued and the summary; [Handler.Close] does too and
// ends the goroutine. A program that zconsole/serve ends with os.Exit on a forced stop
// (serve.WithForceExit) gives the server Flush to run first: serve.WithFlush(d, h.Flush).
//
// # slog's contract
//
// WithAttrs, WithGroup and Enabled behave as slog asks, and the context reaches the
// next handler and Options.MessageID. The next handler sees exactly what it would see
// without wtolog. A record whose Time is zero is written without a time stamp
// (zconsole.NoTime); every other record shows the time the system took it. The package
// passes testing/slogtest in the simulator build, every case.
//
// docs/wtolog.md has the design, the defaults and their sources.
package wtolog
