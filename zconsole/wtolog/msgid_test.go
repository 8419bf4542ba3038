package wtolog

import (
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStemOf(t *testing.T) {
	for i, c := range []struct {
		id, stem string
		ok       bool
	}{
		{"DMO010", "DMO010", true},
		{"DMO010I", "DMO010", true},
		{"dmo010e", "DMO010", true},
		{"IEE342I", "IEE342", true},
		{"MYAPP", "MYAPP", true},  // no digit before the last letter: all stem
		{"@#$01W", "@#$01", true}, // national characters
		{"ABCDEFGHI", "ABCDEFGHI", true},
		{"ABCDEFGH9W", "ABCDEFGH9", true},
		{"ABCDEFGHIJ", "", false}, // ten characters and no type letter
		{"", "", false},
		{"1ABC", "", false},
		{"DMO 010", "", false},
		{"DMO-010", "", false},
		{"DMO010É", "", false},
	} {
		stem, ok := stemOf(c.id)
		assert.Equal(t, c.ok, ok, "#%d %q", i, c.id)
		assert.Equal(t, c.stem, stem, "#%d %q", i, c.id)
	}
}

func TestStemFromValues(t *testing.T) {
	withPrefix := config{prefix: "DMO"}
	bare := config{}
	for i, c := range []struct {
		c    *config
		v    slog.Value
		stem string
	}{
		{&withPrefix, slog.StringValue("DMO010W"), "DMO010"},
		{&withPrefix, slog.IntValue(10), "DMO010"},
		{&withPrefix, slog.Uint64Value(1234), "DMO1234"},
		{&withPrefix, slog.StringValue("7"), "DMO7"},
		{&withPrefix, slog.IntValue(-1), ""},
		{&bare, slog.IntValue(10), ""},
		{&bare, slog.StringValue("XYZ123I"), "XYZ123"},
		{&bare, slog.BoolValue(true), ""},
		{&bare, slog.AnyValue(logValuer("x")), ""}, // resolved: "resolved x", a blank
	} {
		stem, _ := c.c.stemFrom(c.v)
		assert.Equal(t, c.stem, stem, "#%d", i)
	}
}

func TestStemInMessage(t *testing.T) {
	c := config{prefix: "DMO"}
	for i, x := range []struct{ msg, stem, rest string }{
		{"DMO010 queue deep", "DMO010", "queue deep"},
		{"DMO010E queue deep", "DMO010", "queue deep"},
		{"DMO010", "DMO010", ""},
		{"DMO queue", "", "DMO queue"},
		{"DMO010EX queue", "", "DMO010EX queue"},
		{"DMO01a queue", "", "DMO01a queue"},
		{"XYZ010 queue", "", "XYZ010 queue"},
		{"DMO0123456789 long", "", "DMO0123456789 long"},
	} {
		stem, rest, ok := c.stemInMessage(x.msg)
		assert.Equal(t, x.stem, stem, "#%d", i)
		assert.Equal(t, x.rest, rest, "#%d", i)
		assert.Equal(t, x.stem != "", ok, "#%d", i)
	}
	_, rest, ok := (&config{}).stemInMessage("DMO010 x")
	assert.False(t, ok, "no prefix: the message is the message")
	assert.Equal(t, "DMO010 x", rest)
}
