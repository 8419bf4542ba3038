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
	wtos, left := layout("DMO010W", "queue deep", 3)
	assert.Equal(t, []string{"DMO010W queue deep"}, wtos)
	assert.Zero(t, left)
	wtos, _ = layout("DMO010W", "", 3)
	assert.Equal(t, []string{"DMO010W"}, wtos, "no blank after an id alone")

	body := strings.Repeat("x", 126-len("DMO010W "))
	wtos, _ = layout("DMO010W", body, 3)
	assert.Equal(t, []string{"DMO010W " + body}, wtos, "126 characters: one line")
	wtos, _ = layout("DMO010W", body+"y", 3)
	require.Len(t, wtos, 1)
	assert.Len(t, checkLayout(t, "DMO010W", wtos)[0], 2, "127: two lines")
}

func TestLayoutMultiLine(t *testing.T) {
	body := strings.Repeat("QUEUE.NAME.WITH.A.LONG.NAME DEPTH=42 ", 12)
	wtos, left := layout("DMO011E", body, 3)
	assert.Zero(t, left)
	require.Len(t, wtos, 1)
	all := checkLayout(t, "DMO011E", wtos)
	assert.Greater(t, len(all[0]), 2)
	assert.Equal(t, strings.Fields(body), strings.Fields(content(t, "DMO011E", all)), "broken at blanks: every word whole, in order")

	// A word longer than a line is broken where the line is full.
	word := strings.Repeat("ABCDEFGHIJ", 20)
	wtos, _ = layout("DMO012E", "token="+word, 3)
	all = checkLayout(t, "DMO012E", wtos)
	assert.Equal(t, "DMO012E token="+word[:maxLine-len("DMO012E token=")], all[0][0])
	assert.Equal(t, nonBlank("token="+word), nonBlank(content(t, "DMO012E", all)))
}

func TestLayoutSeveralWTOs(t *testing.T) {
	body := strings.Repeat("word ", 400) // 2,000 characters: about 30 lines
	wtos, left := layout("DMO013E", body, -1)
	assert.Zero(t, left)
	require.Len(t, wtos, 3)
	all := checkLayout(t, "DMO013E", wtos)
	for k, lines := range all {
		assert.True(t, strings.HasPrefix(lines[0], fmt.Sprintf("DMO013E (%d/3) word", k+1)), "%q", lines[0])
	}
	assert.Equal(t, strings.Fields(body), strings.Fields(content(t, "DMO013E", all)), "nothing lost across the WTOs")

	// Ten WTOs or more: the marker takes two digits, and every line still fits.
	body = strings.Repeat("x", 12*maxLines*maxLine)
	wtos, left = layout("DMO014E", body, -1)
	assert.Zero(t, left)
	assert.GreaterOrEqual(t, len(wtos), 12)
	all = checkLayout(t, "DMO014E", wtos)
	assert.True(t, strings.HasPrefix(all[0][0], fmt.Sprintf("DMO014E (1/%d) x", len(wtos))))
	assert.Equal(t, body, nonBlank(content(t, "DMO014E", all)))
}

func TestLayoutCut(t *testing.T) {
	body := strings.Repeat("word ", 400)
	wtos, left := layout("DMO015E", body, 2)
	require.Len(t, wtos, 2)
	all := checkLayout(t, "DMO015E", wtos)
	assert.Len(t, all[1], maxLines)
	last := all[1][maxLines-1]
	assert.Equal(t, fmt.Sprintf(" (%d more characters not shown: too long for the console)", left), last)
	assert.True(t, strings.HasPrefix(all[1][0], "DMO015E (2/2) "))
	shown := content(t, "DMO015E", [][]string{all[0], all[1][:maxLines-1]})
	assert.Equal(t, len(nonBlank(body)), len(nonBlank(shown))+len(nonBlank(body[len(body)-left:])),
		"what is shown and what is counted as left out make the whole")
	assert.True(t, strings.HasPrefix(body, strings.TrimSpace(shown)))

	wtos, left = layout("DMO016E", body, 1)
	require.Len(t, wtos, 1, "one WTO: no part marker")
	all = checkLayout(t, "DMO016E", wtos)
	assert.True(t, strings.HasPrefix(all[0][0], "DMO016E word"))
	assert.Positive(t, left)
}

// FuzzLayout: any text, ids of any length, any limit: laid out as Put takes it,
// nothing lost but what the limit cuts and counts.
func FuzzLayout(f *testing.F) {
	f.Add("queue deep", uint8(3), 3)
	f.Add(strings.Repeat("a b ", 300), uint8(6), 2)
	f.Add(strings.Repeat("é", 2000), uint8(0), -1)
	f.Fuzz(func(t *testing.T, body string, digits uint8, maxWTOs int) {
		id := "D" + strings.Repeat("0", int(digits%9)) + "W" // 2 to 10 characters
		body = strings.ToValidUTF8(strings.NewReplacer("\n", " ", "\r", " ").Replace(body), "?")
		maxWTOs = maxWTOs%5 - 1 // -1 (no limit) to 3
		if maxWTOs == 0 {
			maxWTOs = 1
		}
		wtos, left := layout(id, body, maxWTOs)
		all := checkLayout(t, id, wtos)
		if maxWTOs > 0 && len(wtos) > maxWTOs {
			t.Fatalf("%d WTOs, the limit %d", len(wtos), maxWTOs)
		}
		if left > 0 {
			last := all[len(all)-1]
			all[len(all)-1] = last[:len(last)-1]
			body = string([]rune(body)[:utf8.RuneCountInString(body)-left])
		}
		if got := nonBlank(content(t, id, all)); got != nonBlank(body) {
			t.Fatalf("laid out %q, not %q", got, nonBlank(body))
		}
	})
}
