package console

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"f demo,status", "F DEMO,STATUS"},
		{"F PYT,2oLIN D3ta", "F PYT,2OLIN D3TA"}, // as seen on z/OS
		{"f demo,'Mixed Case'", "F DEMO,'Mixed Case'"},
		{"f demo,set name='Abc' mode=fast", "F DEMO,SET NAME='Abc' MODE=FAST"},
		{"f demo,'unclosed tail", "F DEMO,'unclosed tail"},
		{"f demo,café", "F DEMO,CAFé"}, // only a-z fold
	}
	for i, c := range cases {
		assert.Equal(t, c.want, fold(c.in), "#%d", i)
	}
}

func TestEnterable(t *testing.T) {
	ok := "F DEMO," + strings.Repeat("X", maxCommand-len("F DEMO,"))
	cases := []struct {
		in   string
		wout string
		werr bool
	}{
		{"  P DEMO  ", "P DEMO", false},
		{ok, ok, false},
		{ok + "X", "", true},
		{"", "", true},
		{"   ", "", true},
		{"F DEMO,€", "", true},
		{"F DEMO,\xff", "", true},
	}
	for i, c := range cases {
		got, err := enterable(c.in)
		if c.werr {
			assert.ErrorIs(t, err, ErrInvalid, "#%d", i)
			continue
		}
		assert.NoError(t, err, "#%d", i)
		assert.Equal(t, c.wout, got, "#%d", i)
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in                     string
		wverb, wtarget, wident string
		wtext                  string
		whas                   bool
	}{
		{"F DEMO,STATUS", "F", "DEMO", "", "STATUS", true},
		{"MODIFY DEMO.X1,A,B", "MODIFY", "DEMO", "X1", "A,B", true},
		{"P DEMO", "P", "DEMO", "", "", false},
		{"STOP   DEMO", "STOP", "DEMO", "", "", false},
		{"F DEMO", "F", "DEMO", "", "", false},
	}
	for i, c := range cases {
		p := parse(c.in)
		assert.Equal(t, parsed{c.wverb, c.wtarget, c.wident, c.wtext, c.whas}, p, "#%d", i)
	}
}

func TestValidJob(t *testing.T) {
	for _, j := range []string{"DEMO", "A", "ABCDEFGH", "$SYS#1", "@X"} {
		assert.True(t, validJob(j), j)
	}
	for _, j := range []string{"", "ABCDEFGHI", "1ABC", "DE MO", "demo", "DE-MO"} {
		assert.False(t, validJob(j), j)
	}
}
