package zconsole

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeLines reads a prepared message's lines back from code page p.
func decodeLines(m c.Message, p *ebcdic.CodePage) []string {
	out := make([]string, len(m.Lines))
	for i, l := range m.Lines {
		out[i] = p.Decode(l)
	}
	return out
}

func TestPrepareCodes(t *testing.T) {
	cases := []struct {
		name   string
		opts   []PutOption
		wroute [16]byte
		wdesc  [2]byte
		wcodes bool
		werr   error
	}{
		{name: "none"},
		{name: "route 2 and 11", opts: []PutOption{Routing(2, 11)}, wroute: [16]byte{0x40, 0x20}, wcodes: true},
		{name: "route 1, 8, 9, 128", opts: []PutOption{Routing(1, 8), Routing(9, 128)},
			wroute: [16]byte{0x81, 0x80, 15: 0x01}, wcodes: true},
		{name: "desc 12", opts: []PutOption{Descriptor(12)}, wdesc: [2]byte{0, 0x10}, wcodes: true},
		{name: "desc 7 with 12", opts: []PutOption{Descriptor(7, 12)}, wdesc: [2]byte{0x02, 0x10}, wcodes: true},
		{name: "desc 8, 9 and 4", opts: []PutOption{Descriptor(4, 8, 9)}, wdesc: [2]byte{0x11, 0x80}, wcodes: true},
		{name: "desc 13 and 10", opts: []PutOption{Descriptor(13, 10)}, wdesc: [2]byte{0, 0x48}, wcodes: true},
		{name: "route 0", opts: []PutOption{Routing(0)}, werr: ErrInvalidCode},
		{name: "route 129", opts: []PutOption{Routing(2, 129)}, werr: ErrInvalidCode},
		{name: "route none", opts: []PutOption{Routing()}, werr: ErrInvalidCode},
		{name: "desc 0", opts: []PutOption{Descriptor(0)}, werr: ErrInvalidCode},
		{name: "desc 14", opts: []PutOption{Descriptor(14)}, werr: ErrInvalidCode},
		{name: "desc 1 and 5", opts: []PutOption{Descriptor(1, 5)}, werr: ErrInvalidCode},
		{name: "desc 11 and 12 in two options", opts: []PutOption{Descriptor(11), Descriptor(12)}, werr: ErrInvalidCode},
		{name: "desc 9 without 8", opts: []PutOption{Descriptor(9)}, werr: ErrInvalidCode},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, _, err := prepare("DEMO001I HELLO", false, tc.opts)
			if tc.werr != nil {
				assert.ErrorIs(t, err, tc.werr)
				assert.ErrorIs(t, err, ErrOption, "a bad code is a bad option")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wroute, m.Route)
			assert.Equal(t, tc.wdesc, m.Desc)
			assert.Equal(t, tc.wcodes, m.Codes)
		})
	}
}

func TestPrepareLines(t *testing.T) {
	long := strings.Repeat("WORD ", 30) // 150 characters, blanks every 5
	cases := []struct {
		name   string
		text   string
		wlines []string
		werr   error
	}{
		{name: "one line", text: "DEMO001I HELLO", wlines: []string{"DEMO001I HELLO"}},
		{name: "126 is one line", text: strings.Repeat("X", 126), wlines: []string{strings.Repeat("X", 126)}},
		{name: "trailing newlines go", text: "HELLO\n\n", wlines: []string{"HELLO"}},
		{name: "CRLF", text: "A\r\nB\r\n", wlines: []string{"A", "B"}},
		{name: "a newline makes lines", text: "A\nB", wlines: []string{"A", "B"}},
		{name: "empty line is a blank", text: "A\n\nB", wlines: []string{"A", " ", "B"}},
		{name: "leading blanks stay", text: "A\n  B", wlines: []string{"A", "  B"}},
		{name: "127 breaks at a blank", text: strings.Repeat("X", 70) + " " + strings.Repeat("Y", 56),
			wlines: []string{strings.Repeat("X", 70), strings.Repeat("Y", 56)}},
		{name: "a blank at 72 ends a full line", text: strings.Repeat("X", 71) + " " + strings.Repeat("Y", 60),
			wlines: []string{strings.Repeat("X", 71), strings.Repeat("Y", 60)}},
		{name: "no blank: break at 71", text: strings.Repeat("X", 130),
			wlines: []string{strings.Repeat("X", 71), strings.Repeat("X", 59)}},
		{name: "words", text: long, wlines: []string{
			strings.TrimSpace(strings.Repeat("WORD ", 14)), // 69: the blank at 70 goes
			strings.TrimSpace(strings.Repeat("WORD ", 14)),
			"WORD WORD ", // the text's own trailing blank stays
		}},
		{name: "ten lines", text: strings.Repeat("L\n", 10), wlines: strings.Split(strings.Repeat("L\n", 9)+"L", "\n")},
		{name: "eleven lines", text: strings.Repeat("L\n", 11), werr: ErrTooLong},
		{name: "ten full lines and one character", text: strings.Repeat("X", 711), werr: ErrTooLong},
		{name: "empty", text: "", werr: ErrNoText},
		{name: "only newlines", text: "\n\n", werr: ErrNoText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, page, err := prepare(tc.text, false, nil)
			if tc.werr != nil {
				assert.ErrorIs(t, err, tc.werr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wlines, decodeLines(m, page))
			if len(m.Lines) == 1 {
				assert.Nil(t, m.Types)
				return
			}
			for i, ty := range m.Types {
				want := uint16(zc.LT_DATA)
				if i == len(m.Types)-1 {
					want = zc.LT_DATA | zc.LT_END
				}
				assert.Equal(t, want, ty, "line %d", i)
			}
		})
	}
}

func TestPrepareWTOR(t *testing.T) {
	m, _, err := prepare(strings.Repeat("Q", 122), true, nil)
	require.NoError(t, err)
	assert.Equal(t, 119, m.ReplyLen, "119 by default")
	m, _, err = prepare("Q?", true, []PutOption{ReplyLength(3)})
	require.NoError(t, err)
	assert.Equal(t, 3, m.ReplyLen)

	for name, c := range map[string]struct {
		text string
		opts []PutOption
	}{
		"123 characters": {text: strings.Repeat("Q", 123)},
		"two lines":      {text: "Q\nQ"},
		"reply length 0": {text: "Q", opts: []PutOption{ReplyLength(0)}},
		"reply 120":      {text: "Q", opts: []PutOption{ReplyLength(120)}},
	} {
		_, _, err := prepare(c.text, true, c.opts)
		assert.ErrorIs(t, err, ErrTooLong, name)
	}
	_, _, err = prepare("Q", false, []PutOption{ReplyLength(5)})
	assert.ErrorIs(t, err, ErrOption, "ReplyLength is for Ask")
}

func TestPrepareUnencodable(t *testing.T) {
	cases := []struct {
		text  string
		wrune rune
		wpos  int
	}{
		{"PRICE 5€", '€', 7},
		{"A\nB\tC", '\t', 3},
		{"CAFÉ OK\x7f", 0x7f, 7},
		{"BAD \xff UTF", utf8.RuneError, 4},
		{strings.Repeat("X", 70) + " " + strings.Repeat("Y", 60) + "😀", '😀', 131},
	}
	for _, tc := range cases {
		_, err := Put(tc.text)
		var ce *CharError
		require.True(t, errors.As(err, &ce), "%q: %v", tc.text, err)
		assert.ErrorIs(t, err, ErrUnencodable)
		assert.Equal(t, tc.wrune, ce.Rune, "%q", tc.text)
		assert.Equal(t, tc.wpos, ce.Pos, "%q", tc.text)
		assert.Contains(t, err.Error(), "position", "%q names the position", tc.text)

		m, page, err := prepare(tc.text, false, []PutOption{Substitute()})
		require.NoError(t, err, "%q with Substitute", tc.text)
		assert.Contains(t, strings.Join(decodeLines(m, page), ""), "?")
	}
	m, page, err := prepare("CAFÉ ¬", false, nil)
	require.NoError(t, err, "IBM-1047 has É and ¬")
	assert.Equal(t, []string{"CAFÉ ¬"}, decodeLines(m, page))
}

func TestPrepareConsoles(t *testing.T) {
	m, page, err := prepare("X", false, []PutOption{ToConsole("mstcon1"), WithCART(CART{1, 2})})
	require.NoError(t, err)
	assert.True(t, m.HasConsName)
	assert.Equal(t, "MSTCON1", page.DecodeTrim(m.ConsName[:]))
	assert.Equal(t, [8]byte{1, 2}, m.CART)
	assert.True(t, m.HasCART)

	for name, opts := range map[string][]PutOption{
		"name too long":   {ToConsole("ABCDEFGHI")},
		"name empty":      {ToConsole("")},
		"name with blank": {ToConsole("A B")},
		"name and id":     {ToConsole("A"), ToConsoleID(5)},
	} {
		_, _, err := prepare("X", false, opts)
		assert.ErrorIs(t, err, ErrOption, name)
	}
}

func TestPrepareReply(t *testing.T) {
	cmd := Command{Verb: Modify, ConsoleID: 7, Console: "OPER1", CART: CART{9}}
	m, _, err := prepare("DONE", false, nil, replyTo(cmd))
	require.NoError(t, err)
	assert.True(t, m.HasConsID)
	assert.Equal(t, uint32(7), m.ConsID)
	assert.False(t, m.HasConsName, "the id is enough")
	assert.Equal(t, [8]byte{9}, m.CART)
	assert.True(t, m.Response)
	assert.Equal(t, [2]byte{0x08, 0}, m.Desc, "descriptor 5")

	m, _, err = prepare("DONE", false, []PutOption{Descriptor(12)}, replyTo(cmd))
	require.NoError(t, err)
	assert.Equal(t, [2]byte{0, 0x10}, m.Desc, "the caller's descriptor instead")

	m, _, err = prepare("DONE", false, nil, replyTo(Command{Verb: Modify, Console: "OPER1"}))
	require.NoError(t, err)
	assert.True(t, m.HasConsName, "no id: the name")

	_, _, err = prepare("DONE", false, nil, replyTo(Command{Verb: Start}))
	assert.ErrorIs(t, err, ErrNoConsole)
	_, _, err = prepare("DONE", false, []PutOption{ToConsole("X")}, replyTo(cmd))
	assert.ErrorIs(t, err, ErrOption)
}
