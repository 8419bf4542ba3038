package wtolog

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkLayout holds the WTOs of a record to what Put takes as they are, and to the
// rule that only a first line begins with a word: every WTO of at most 10 lines, each
// line at most 71 characters (a single line at most 126), the first beginning with the
// id, every other with a blank. It returns each WTO's lines.
func checkLayout(t *testing.T, id string, wtos []string) [][]string {
	t.Helper()
	var all [][]string
	for k, w := range wtos {
		lines := strings.Split(w, "\n")
		require.LessOrEqual(t, len(lines), maxLines, "WTO %d", k)
		require.True(t, strings.HasPrefix(lines[0], id), "WTO %d begins %q", k, lines[0])
		for i, l := range lines {
			width := maxLine
			if len(lines) == 1 {
				width = maxSingle
			}
			require.LessOrEqual(t, utf8.RuneCountInString(l), width, "WTO %d line %d: %q", k, i, l)
			if i > 0 {
				require.True(t, strings.HasPrefix(l, indent), "WTO %d line %d begins %q", k, i, l)
			}
		}
		all = append(all, lines)
	}
	return all
}

// nonBlank is s without its blanks: what a layout must keep, in order.
func nonBlank(s string) string { return strings.ReplaceAll(s, " ", "") }

// content is the text of WTOs without their ids, part markers and indents.
func content(t *testing.T, id string, all [][]string) string {
	t.Helper()
	var b strings.Builder
	for k, lines := range all {
		first := strings.TrimPrefix(lines[0], id)
		if marker := fmt.Sprintf(" (%d/%d)", k+1, len(all)); len(all) > 1 {
			require.True(t, strings.HasPrefix(first, marker), "WTO %d begins %q", k, lines[0])
			first = strings.TrimPrefix(first, marker)
		}
		b.WriteString(strings.TrimPrefix(first, " "))
		for _, l := range lines[1:] {
			b.WriteString(" " + strings.TrimPrefix(l, indent))
		}
		b.WriteString(" ")
	}
	return b.String()
}

func TestLayoutOneLine(t *testing.T) {
	wtos := layout("DMO010W", "queue deep")
	assert.Equal(t, []string{"DMO010W queue deep"}, wtos)
	wtos = layout("DMO010W", "")
	assert.Equal(t, []string{"DMO010W"}, wtos, "no blank after an id alone")

	body := strings.Repeat("x", 126-len("DMO010W "))
	wtos = layout("DMO010W", body)
	assert.Equal(t, []string{"DMO010W " + body}, wtos, "126 characters: one line")
	wtos = layout("DMO010W", body+"y")
	require.Len(t, wtos, 1)
	assert.Len(t, checkLayout(t, "DMO010W", wtos)[0], 2, "127: two lines")
}

func TestLayoutMultiLine(t *testing.T) {
	body := strings.Repeat("QUEUE.NAME.WITH.A.LONG.NAME DEPTH=42 ", 12)
	wtos := layout("DMO011E", body)
	require.Len(t, wtos, 1)
	all := checkLayout(t, "DMO011E", wtos)
	assert.Greater(t, len(all[0]), 2)
	assert.Equal(t, strings.Fields(body), strings.Fields(content(t, "DMO011E", all)), "broken at blanks: every word whole, in order")

	// A word longer than a line is broken where the line is full.
	word := strings.Repeat("ABCDEFGHIJ", 20)
	wtos = layout("DMO012E", "token="+word)
	all = checkLayout(t, "DMO012E", wtos)
	assert.Equal(t, "DMO012E token="+word[:maxLine-len("DMO012E token=")], all[0][0])
	assert.Equal(t, nonBlank("token="+word), nonBlank(content(t, "DMO012E", all)))
}

func TestLayoutSeveralWTOs(t *testing.T) {
	body := strings.Repeat("word ", 400) // 2,000 characters: about 30 lines
	wtos := layout("DMO013E", body)
	require.Len(t, wtos, 3)
	all := checkLayout(t, "DMO013E", wtos)
	for k, lines := range all {
		assert.True(t, strings.HasPrefix(lines[0], fmt.Sprintf("DMO013E (%d/3) word", k+1)), "%q", lines[0])
	}
	assert.Equal(t, strings.Fields(body), strings.Fields(content(t, "DMO013E", all)), "nothing lost across the WTOs")

	// Ten WTOs or more: the marker takes two digits, every line still fits, and
	// nothing is cut, however long the record.
	body = strings.Repeat("x", 12*maxLines*maxLine)
	wtos = layout("DMO014E", body)
	assert.GreaterOrEqual(t, len(wtos), 12)
	all = checkLayout(t, "DMO014E", wtos)
	assert.True(t, strings.HasPrefix(all[0][0], fmt.Sprintf("DMO014E (1/%d) x", len(wtos))))
	assert.Equal(t, body, nonBlank(content(t, "DMO014E", all)))

	body = strings.Repeat("y", 101*maxLines*maxLine) // a hundred WTOs or more: three digits
	all = checkLayout(t, "DMO015E", layout("DMO015E", body))
	assert.Greater(t, len(all), 100)
	assert.True(t, strings.HasPrefix(all[99][0], fmt.Sprintf("DMO015E (100/%d) y", len(all))))
	assert.Equal(t, body, nonBlank(content(t, "DMO015E", all)))
}

// FuzzLayout: any text, ids of any length: laid out as Put takes it, nothing lost.
func FuzzLayout(f *testing.F) {
	f.Add("queue deep", uint8(3))
	f.Add(strings.Repeat("a b ", 300), uint8(6))
	f.Add(strings.Repeat("é", 2000), uint8(0))
	f.Fuzz(func(t *testing.T, body string, digits uint8) {
		id := "D" + strings.Repeat("0", int(digits%9)) + "W" // 2 to 10 characters
		body = strings.ToValidUTF8(strings.NewReplacer("\n", " ", "\r", " ").Replace(body), "?")
		all := checkLayout(t, id, layout(id, body))
		if got := nonBlank(content(t, id, all)); got != nonBlank(body) {
			t.Fatalf("laid out %q, not %q", got, nonBlank(body))
		}
	})
}
