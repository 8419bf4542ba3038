package wtolog

import (
	"encoding"
	"fmt"
	"log/slog"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The text of a record is its message, then its attributes as key=value, separated by
// blanks: groups dotted (req.id=7), a value quoted as Go quotes it when it is empty or
// holds a blank, a quote, '=' or a character that is not printable. So no newline or
// control character ever reaches the console: each is written as its Go escape (\n,
// \x07, \u0085), inside quotes in a value and bare in the message, and no text a
// record carries can start a line of its own.

// timeFormat is how a time value is written: slog's TextHandler's, RFC 3339 with
// milliseconds.
const timeFormat = "2006-01-02T15:04:05.000Z07:00"

// appendMessage appends the record's message, with every character that is not
// printable written as its Go escape, without quotes.
func appendMessage(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = fmt.Appendf(b, `\x%02x`, s[i])
		case r != ' ' && !unicode.IsPrint(r):
			q := strconv.QuoteRune(r) // '\n', '\x07', '\u0085'
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// needsQuote reports whether s must be quoted to read as one value: it is empty, or
// holds a blank, '"', '=', or a character that is not printable or not UTF-8.
func needsQuote(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '"' || r == '=' || (r == utf8.RuneError && n == 1) || !unicode.IsPrint(r) {
			return true
		}
		i += n
	}
	return false
}

func appendString(b []byte, s string) []byte {
	if needsQuote(s) {
		return strconv.AppendQuote(b, s)
	}
	return append(b, s...)
}

// appendAttr appends attribute a, its value resolved, with a blank before it, its key
// under the open groups (prefix, dotted, ending in "."). An empty attribute and an
// empty group are left out; a group with an empty key is inlined.
func appendAttr(b []byte, prefix string, a slog.Attr) []byte {
	a.Value = a.Value.Resolve()
	if a.Key == "" && a.Value.Any() == nil {
		return b
	}
	if a.Value.Kind() == slog.KindGroup {
		attrs := a.Value.Group()
		if a.Key != "" {
			prefix += a.Key + "."
		}
		for _, ga := range attrs {
			b = appendAttr(b, prefix, ga)
		}
		return b
	}
	b = append(b, ' ')
	if prefix == "" {
		b = appendString(b, a.Key)
	} else {
		b = appendString(b, prefix+a.Key)
	}
	b = append(b, '=')
	return appendValue(b, a.Value)
}

// appendValue appends a resolved value that is not a group, as slog's TextHandler
// writes it, quoted when it needs to be.
func appendValue(b []byte, v slog.Value) []byte {
	switch v.Kind() {
	case slog.KindString:
		return appendString(b, v.String())
	case slog.KindInt64:
		return strconv.AppendInt(b, v.Int64(), 10)
	case slog.KindUint64:
		return strconv.AppendUint(b, v.Uint64(), 10)
	case slog.KindFloat64:
		return strconv.AppendFloat(b, v.Float64(), 'g', -1, 64)
	case slog.KindBool:
		return strconv.AppendBool(b, v.Bool())
	case slog.KindDuration:
		return append(b, v.Duration().String()...)
	case slog.KindTime:
		return v.Time().AppendFormat(b, timeFormat)
	}
	switch x := v.Any().(type) {
	case error:
		return appendString(b, x.Error())
	case encoding.TextMarshaler:
		t, err := x.MarshalText()
		if err != nil {
			return appendString(b, "!ERROR:"+err.Error())
		}
		return appendString(b, string(t))
	case []byte:
		return strconv.AppendQuote(b, string(x))
	}
	return appendString(b, fmt.Sprintf("%+v", v.Any()))
}
