package wtolog

import (
	"errors"
	"log/slog"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
)

type logValuer string

func (v logValuer) LogValue() slog.Value { return slog.StringValue("resolved " + string(v)) }

func TestAttrText(t *testing.T) {
	when := time.Date(2026, 12, 2, 14, 3, 7, 114_000_000, time.UTC)
	for i, c := range []struct {
		attr slog.Attr
		want string
	}{
		{slog.String("queue", "PAYROLL.IN"), " queue=PAYROLL.IN"},
		{slog.String("reason", "disk full"), ` reason="disk full"`},
		{slog.String("empty", ""), ` empty=""`},
		{slog.String("q", `say "hi"`), ` q="say \"hi\""`},
		{slog.String("eq", "a=b"), ` eq="a=b"`},
		{slog.String("nl", "x\nIEE342I REJECTED"), ` nl="x\nIEE342I REJECTED"`},
		{slog.String("bell", "a\a"), ` bell="a\a"`},
		{slog.String("c1", "a\u0085b"), ` c1="a\u0085b"`},
		{slog.String("bad", "a\xffb"), ` bad="a\xffb"`},
		{slog.String("accent", "café[1]"), " accent=café[1]"},
		{slog.Int("depth", -5), " depth=-5"},
		{slog.Uint64("n", 7), " n=7"},
		{slog.Float64("f", 0.25), " f=0.25"},
		{slog.Bool("ok", true), " ok=true"},
		{slog.Duration("took", 1500*time.Millisecond), " took=1.5s"},
		{slog.Time("at", when), " at=2026-12-02T14:03:07.114Z"},
		{slog.Any("err", errors.New("no space left")), ` err="no space left"`},
		{slog.Any("addr", netip.MustParseAddr("10.1.2.3")), " addr=10.1.2.3"},
		{slog.Any("v", logValuer("x")), ` v="resolved x"`},
		{slog.Any("list", []int{1, 2}), ` list="[1 2]"`},
		{slog.Any("bytes", []byte("ab")), ` bytes="ab"`},
		{slog.Group("req", slog.Int("id", 7), slog.Group("user", slog.String("name", "ann"))), " req.id=7 req.user.name=ann"},
		{slog.Group("", slog.Int("a", 1)), " a=1"},
		{slog.Group("empty"), ""},
		{slog.Attr{}, ""},
		{slog.Any("", nil), ""},
		{slog.String("my key", "v"), ` "my key"=v`},
		{slog.String("k\nIEE342I", "v"), ` "k\nIEE342I"=v`},
	} {
		assert.Equal(t, c.want, string(appendAttr(nil, "", c.attr)), "#%d", i)
	}
	assert.Equal(t, " g.h.k=v", string(appendAttr(nil, "g.h.", slog.String("k", "v"))), "under open groups")
}

func TestMessageText(t *testing.T) {
	for i, c := range []struct{ msg, want string }{
		{"queue deep", "queue deep"},
		{"x\nIEE342I REJECTED-TASK BUSY", `x\nIEE342I REJECTED-TASK BUSY`},
		{"tab\there\r\n", `tab\there\r\n`},
		{"a\u0085b\u2028c", `a\u0085b\u2028c`},
		{"bad \xff", `bad \xff`},
		{`a "quoted" back\slash`, `a "quoted" back\slash`},
		{"café €5", "café €5"},
	} {
		assert.Equal(t, c.want, string(appendMessage(nil, c.msg)), "#%d", i)
	}
}

// FuzzConsoleText: whatever a record's message and values hold, its text has no
// character a console line could break on or not show, and each value reads back as
// itself.
func FuzzConsoleText(f *testing.F) {
	for _, s := range []string{"", "x\nIEE342I REJECTED", "a b", `"`, "=", "\x00\x85\u2028", "\xff\xfe", "é€"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, msg, value string) {
		head := appendMessage(nil, msg)
		text := string(appendAttr(head, "", slog.String("k", value)))
		for _, r := range text {
			if r != ' ' && !unicode.IsPrint(r) {
				t.Fatalf("text %q holds %U", text, r)
			}
		}
		written := strings.TrimPrefix(text[len(head):], " k=")
		got := written
		if strings.HasPrefix(written, `"`) {
			var err error
			if got, err = strconv.Unquote(written); err != nil {
				t.Fatalf("value %q written as %s, which does not unquote: %v", value, written, err)
			}
		}
		if got != value {
			t.Fatalf("value %q written as %s reads back as %q", value, written, got)
		}
	})
}
