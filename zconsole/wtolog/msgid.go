package wtolog

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// A message id is written as its stem and a type letter: DMO010 and W. The stem is 1
// to 9 of A-Z, 0-9, @, #, $, not beginning with a digit, so that the id, letter
// included, is at most 10 characters: IBM's own format has ids of up to 9 (CCCnnnnns),
// and 10 is as many as the message processing facility (MPFLSTxx) is believed to match
// (UNCONFIRMED).
const maxStem = 9

// isNational reports whether r is one of the characters z/OS allows in names besides
// letters and digits: @, # and $.
func isNational(r byte) bool { return r == '@' || r == '#' || r == '$' }

func isUpper(r byte) bool { return r >= 'A' && r <= 'Z' }

func isDigit(r byte) bool { return r >= '0' && r <= '9' }

// stemOf returns the stem of id, in upper case: id without a type letter that follows
// a digit (DMO010W becomes DMO010), and whether it is a valid one.
func stemOf(id string) (string, bool) {
	s := strings.ToUpper(id)
	if n := len(s); n >= 2 && isUpper(s[n-1]) && isDigit(s[n-2]) {
		s = s[:n-1]
	}
	if len(s) == 0 || len(s) > maxStem || isDigit(s[0]) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if !isUpper(s[i]) && !isDigit(s[i]) && !isNational(s[i]) {
			return "", false
		}
	}
	return s, true
}

// isPrefix reports whether p is a valid Options.Prefix: 1 to 5 of A-Z, @, #, $.
func isPrefix(p string) bool {
	if len(p) == 0 || len(p) > 5 {
		return false
	}
	for i := 0; i < len(p); i++ {
		if !isUpper(p[i]) && !isNational(p[i]) {
			return false
		}
	}
	return true
}

// stemFrom reads a message id from an attribute's value: a string holding an id, or,
// under a prefix, a number (10 under DMO is DMO010) or a string of digits.
func (c *config) stemFrom(v slog.Value) (string, bool) {
	v = v.Resolve()
	var s string
	switch v.Kind() {
	case slog.KindString:
		s = v.String()
	case slog.KindInt64:
		if n := v.Int64(); n >= 0 {
			return c.numbered(fmt.Sprintf("%03d", n))
		}
		return "", false
	case slog.KindUint64:
		return c.numbered(fmt.Sprintf("%03d", v.Uint64()))
	default:
		return "", false
	}
	if s != "" && allDigits(s) {
		return c.numbered(s)
	}
	return stemOf(s)
}

// numbered returns the stem of number digits under the prefix.
func (c *config) numbered(digits string) (string, bool) {
	if c.prefix == "" {
		return "", false
	}
	return stemOf(c.prefix + digits)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// stemInMessage returns the id a message begins with, the prefix and digits and
// perhaps a type letter, followed by a blank or nothing ("DMO010 queue deep"), and the
// message without it.
func (c *config) stemInMessage(msg string) (stem, rest string, ok bool) {
	if c.prefix == "" || !strings.HasPrefix(msg, c.prefix) {
		return "", msg, false
	}
	word, rest, _ := strings.Cut(msg, " ")
	i := len(c.prefix)
	for i < len(word) && isDigit(word[i]) {
		i++
	}
	if i == len(c.prefix) || len(word)-i > 1 || (i < len(word) && !isUpper(word[i])) {
		return "", msg, false
	}
	stem, ok = stemOf(word)
	if !ok {
		return "", msg, false
	}
	return stem, rest, true
}

// idOf finds the message id of record r, in this order: its IDKey attribute, the
// handler's (WithAttrs), Options.MessageID, the message's first word under the prefix,
// the default. Only the first IDKey attribute counts, and only if it holds an id: one
// that does not stays in the text. It returns the id's stem, the message to write
// (without its first word if that was the id) and whether the record's own attribute
// gave the id (so that the text leaves it out).
func (h *Handler) idOf(ctx context.Context, r slog.Record) (stem, msg string, fromAttr bool) {
	c := &h.root.cfg
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != c.idKey {
			return true
		}
		stem, fromAttr = c.stemFrom(a.Value)
		return false
	})
	switch {
	case fromAttr:
		return stem, r.Message, true
	case h.withID != "":
		return h.withID, r.Message, false
	}
	if c.idFunc != nil {
		if s, ok := stemOf(c.idFunc(ctx, r)); ok {
			return s, r.Message, false
		}
	}
	if s, rest, ok := c.stemInMessage(r.Message); ok {
		return s, rest, false
	}
	return c.defaultStem, r.Message, false
}
