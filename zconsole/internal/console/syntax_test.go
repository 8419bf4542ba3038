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
		wdot                   bool
		wtext                  string
		whas                   bool
	}{
		{"F DEMO,STATUS", "F", "DEMO", "", false, "STATUS", true},
		{"MODIFY DEMO.X1,A,B", "MODIFY", "DEMO", "X1", true, "A,B", true},
		{"P DEMO", "P", "DEMO", "", false, "", false},
		{"STOP   DEMO", "STOP", "DEMO", "", false, "", false},
		{"F DEMO", "F", "DEMO", "", false, "", false},
		{"P DEMO.", "P", "DEMO", "", true, "", false},
		{"P DEMO.WEB,A=0021", "P", "DEMO", "WEB", true, "A=0021", true},
	}
	for i, c := range cases {
		p := parse(c.in)
		assert.Equal(t, parsed{c.wverb, c.wtarget, c.wident, c.wdot, c.wtext, c.whas}, p, "#%d", i)
	}
}

// The A=asid operand of MODIFY and STOP is their last, after the job's name and, for
// MODIFY, its parameters: P [jobname.]identifier[,A=asid]
// (https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/smgen.htm). A
// comma between apostrophes is text, as the console's case rule keeps it
// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/iea3g1_Typing_the_command.htm).
func TestCutASID(t *testing.T) {
	cases := []struct {
		text     string
		hasText  bool
		wrest    string
		whasRest bool
		wasid    string
		whasASID bool
	}{
		{"", false, "", false, "", false},
		{"A=0021", true, "", false, "0021", true},
		{"STATUS,A=21", true, "STATUS", true, "21", true},
		{"SET A=1,B=2", true, "SET A=1,B=2", true, "", false},
		{"SET A=1", true, "SET A=1", true, "", false},
		{"'X,A=21'", true, "'X,A=21'", true, "", false},
		{"'X',A=21", true, "'X'", true, "21", true},
		{",A=21", true, "", true, "21", true},
		{"X,A=", true, "X", true, "", true},
		{"NOW", true, "NOW", true, "", false},
	}
	for i, c := range cases {
		rest, hasRest, asid, hasASID := cutASID(c.text, c.hasText)
		assert.Equal(t, []any{c.wrest, c.whasRest, c.wasid, c.whasASID}, []any{rest, hasRest, asid, hasASID}, "#%d %q", i, c.text)
	}
}

// The asid of A=asid is hexadecimal, as DISPLAY shows it: 1 to 4 digits.
func TestASIDIs(t *testing.T) {
	for _, s := range []string{"21", "0021", "021", "0021"} {
		assert.True(t, asidIs(s, 0x21), s)
	}
	for _, s := range []string{"", "33", "00021", "0X21", "+21", "G1", "2 1", "0022"} {
		assert.False(t, asidIs(s, 0x21), s)
	}
}

// S takes membername[.identifier], each a name of 1 to 8 characters
// (https://www.ibm.com/docs/SSLTBW_3.1.0/com.ibm.zos.v3r1.ieag100/skp1.htm).
func TestStartName(t *testing.T) {
	cases := []struct{ in, wjob, wid string }{
		{"DEMO", "DEMO", ""},
		{"demo.web", "DEMO", "WEB"},
		{"SYNJOB.WEB", "SYNJOB", "WEB"},
		{"A.$X#@1", "A", "$X#@1"},
	}
	for _, c := range cases {
		job, id, err := startName(c.in)
		assert.NoError(t, err, c.in)
		assert.Equal(t, []string{c.wjob, c.wid}, []string{job, id}, c.in)
	}
	for _, in := range []string{"", ".", "DEMO.", ".WEB", "DEMO.1WEB", "DEMO.WEB.X", "DEMO.ABCDEFGHI", "9DEMO.WEB"} {
		_, _, err := startName(in)
		assert.ErrorIs(t, err, ErrInvalid, in)
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
