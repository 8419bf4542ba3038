package serve_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var parseCases = []struct {
	text  string
	wargs serve.Args
}{
	// Separators
	{"", nil},
	{"  ,, ", nil},
	{"STATUS", serve.Args{{Value: "STATUS"}}},
	{"SET IDLE=30", serve.Args{{Value: "SET"}, {Key: "IDLE", Value: "30"}}},
	{"DISPLAY,WORK", serve.Args{{Value: "DISPLAY"}, {Value: "WORK"}}},
	{" A, B ", serve.Args{{Value: "A"}, {Value: "B"}}},
	{"A,,B", serve.Args{{Value: "A"}, {Value: "B"}}},

	// Keywords
	{"k=v", serve.Args{{Key: "K", Value: "v"}}},
	{"TRACE.LEVEL=3", serve.Args{{Key: "TRACE.LEVEL", Value: "3"}}},
	{"K=", serve.Args{{Key: "K"}}},
	{"A=B=C", serve.Args{{Key: "A", Value: "B=C"}}},
	{"SET IDLE=30,LOG=YES", serve.Args{{Value: "SET"}, {Key: "IDLE", Value: "30"}, {Key: "LOG", Value: "YES"}}},

	// Apostrophes
	{"SAY MSG='It''s here'", serve.Args{{Value: "SAY"}, {Key: "MSG", Value: "It's here", Quoted: true}}},
	{"LOG 'Hello, world'", serve.Args{{Value: "LOG"}, {Value: "Hello, world", Quoted: true}}},
	{"''", serve.Args{{Quoted: true}}},
	{"''''", serve.Args{{Value: "'", Quoted: true}}},
	{"K=''", serve.Args{{Key: "K", Quoted: true}}},
	{"'A=B'", serve.Args{{Value: "A=B", Quoted: true}}},
	{"MSG='Grüße, Welt'", serve.Args{{Key: "MSG", Value: "Grüße, Welt", Quoted: true}}},
	{"TRACE X'C1'", serve.Args{{Value: "TRACE"}, {Value: "X'C1'"}}},
	{"'A'B", serve.Args{{Value: "'A'B"}}},
	{"K=X'A B'", serve.Args{{Key: "K", Value: "X'A B'"}}},

	// Parentheses
	{"STOP(COMP)", serve.Args{{Value: "STOP(COMP)"}}},
	{"LIST=(A, B)", serve.Args{{Key: "LIST", Value: "(A, B)"}}},
	{"(A=B)", serve.Args{{Value: "(A=B)"}}},
	{"P=('(' X)", serve.Args{{Key: "P", Value: "('(' X)"}}},
}

func TestParseArgs(t *testing.T) {
	for i, c := range parseCases {
		args, err := serve.ParseArgs(c.text)
		if !assert.NoError(t, err, "#%d %q", i, c.text) {
			continue
		}
		assert.Equal(t, c.wargs, args, "#%d %q", i, c.text)
		again, err := serve.ParseArgs(args.String())
		assert.NoError(t, err, "#%d %q: String() = %q", i, c.text, args.String())
		assert.Equal(t, args, again, "#%d %q: String() = %q", i, c.text, args.String())
	}
}

func TestParseArgsErrors(t *testing.T) {
	for i, c := range []struct {
		text     string
		wcolumn  int
		wproblem string
	}{
		{"SAY 'oops", 5, "apostrophe not closed"},
		{"'''", 1, "apostrophe not closed"},
		{"A)", 2, "')' without '('"},
		{"LIST=(A,B", 6, "'(' not closed"},
		{"=X", 1, "'=' without a keyword before it"},
		{"SET 'A'=B", 5, "'A' before '=' is not a keyword"},
		{"Grüße 'x", 7, "apostrophe not closed"}, // columns count characters, not bytes
	} {
		_, err := serve.ParseArgs(c.text)
		require.ErrorIs(t, err, serve.ErrSyntax, "#%d %q", i, c.text)
		var se *serve.SyntaxError
		require.ErrorAs(t, err, &se, "#%d", i)
		assert.Equal(t, c.wcolumn, se.Column, "#%d %q", i, c.text)
		assert.Equal(t, c.wproblem, se.Problem, "#%d %q", i, c.text)
	}
}

func TestArgsString(t *testing.T) {
	for i, c := range []struct {
		args  serve.Args
		wtext string
	}{
		{nil, ""},
		{serve.Args{{Value: "SET"}, {Key: "IDLE", Value: "30"}}, "SET IDLE=30"},
		{serve.Args{{Value: "a b"}}, "'a b'"},
		{serve.Args{{Key: "MSG", Value: "It's", Quoted: true}}, "MSG='It''s'"},
		{serve.Args{{Value: ""}}, "''"},
		{serve.Args{{Key: "K"}}, "K="},
		{serve.Args{{Value: "A=B"}}, "'A=B'"},
		{serve.Args{{Value: "(A"}}, "'(A'"},
		{serve.Args{{Value: "'A'"}}, "'''A'''"}, // would read back as a quoted A
		{serve.Args{{Value: "X'C1'"}}, "X'C1'"},
	} {
		assert.Equal(t, c.wtext, c.args.String(), "#%d", i)
		back, err := serve.ParseArgs(c.args.String())
		require.NoError(t, err, "#%d", i)
		require.Len(t, back, len(c.args), "#%d", i)
		for j := range back {
			assert.Equal(t, c.args[j].Value, back[j].Value, "#%d operand %d", i, j)
		}
	}
}

func TestArgsWordsAndValue(t *testing.T) {
	args, err := serve.ParseArgs("SET idle=30 VERBOSE IDLE=40 MSG='Hi there'")
	require.NoError(t, err)
	assert.Equal(t, []string{"SET", "VERBOSE"}, args.Words())

	v, ok := args.Value("idle")
	assert.True(t, ok)
	assert.Equal(t, "40", v, "the last one counts")
	v, ok = args.Value("MSG")
	assert.True(t, ok)
	assert.Equal(t, "Hi there", v)
	_, ok = args.Value("NONE")
	assert.False(t, ok)
	_, ok = args.Value("")
	assert.False(t, ok, "a positional operand is no keyword")
}

// FuzzParseArgs: ParseArgs never panics; what it parses reads back the same from its
// String; what it refuses is a SyntaxError pointing into the text.
func FuzzParseArgs(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.text)
	}
	for _, s := range []string{"SAY 'oops", "A)", "LIST=(A,B", "=X", "'A'=B", "K='a''b'''", "((''))", "a=(b=')')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		args, err := serve.ParseArgs(text)
		if err != nil {
			var se *serve.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, serve.ErrSyntax) {
				t.Fatalf("ParseArgs(%q): %v is not a SyntaxError", text, err)
			}
			if se.Column < 1 || se.Column > utf8.RuneCountInString(text)+1 {
				t.Fatalf("ParseArgs(%q): column %d outside the text", text, se.Column)
			}
			return
		}
		if len(args) > len(text) {
			t.Fatalf("ParseArgs(%q): %d operands from %d bytes", text, len(args), len(text))
		}
		for _, o := range args {
			if o.Key != "" && !isUpperKeyword(o.Key) {
				t.Fatalf("ParseArgs(%q): keyword %q", text, o.Key)
			}
		}
		s := args.String()
		again, err := serve.ParseArgs(s)
		if err != nil {
			t.Fatalf("ParseArgs(%q).String() = %q does not parse: %v", text, s, err)
		}
		if len(again) != len(args) {
			t.Fatalf("ParseArgs(%q).String() = %q reads back as %q", text, s, again)
		}
		for i := range args {
			if again[i] != args[i] {
				t.Fatalf("ParseArgs(%q).String() = %q: operand %d %+v reads back as %+v", text, s, i, args[i], again[i])
			}
		}
		if again.String() != s {
			t.Fatalf("String is not stable: %q, then %q", s, again.String())
		}
	})
}

func isUpperKeyword(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '#' || c == '$' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return k != ""
}
