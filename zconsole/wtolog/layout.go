package wtolog

import (
	"fmt"
	"strings"
)

// The limits of a WTO from a program without APF authorization, as zconsole.Put keeps
// them.
const (
	maxSingle = 126 // a single-line WTO
	maxLine   = 71  // each line of a multi-line WTO
	maxLines  = 10  // the lines of a multi-line WTO
)

// indent begins every line of a WTO but the first, so that no line but the first, the
// one with the message id, can begin with a word: whatever a record's text holds, it
// cannot make a line of a message look like the first line of another.
const indent = " "

// layout returns the WTOs that show a record whole: its message id id and text body.
// Each is the text Put takes, its lines joined by newlines, every line at most 71
// characters (so that Put takes them as they are). Nothing of body is left out; the
// record is:
//
//   - one line, "id body", when that is at most 126 characters;
//   - otherwise one multi-line WTO of up to 10 lines: "id" and the start of body, then
//     the rest broken at blanks (or at 71 characters where a word is longer), each
//     further line beginning with a blank;
//   - otherwise as many such WTOs as it takes, each beginning "id (k/n)": part k of n,
//     so that an operator sees which belong together, and in what order.
func layout(id, body string) []string {
	r := []rune(body)
	switch {
	case len(r) == 0:
		return []string{id}
	case len(id)+1+len(r) <= maxSingle:
		return []string{id + " " + body}
	}
	for digits := 0; ; digits++ { // digits of k and n in "(k/n)"; 0: no marker
		head := headWidth(id, digits)
		n := countParts(r, head)
		if (digits == 0 && n == 1) || (digits > 0 && n < pow10(digits)) {
			return parts(id, r, head, n)
		}
	}
}

// headWidth is the width kept on a WTO's first line for the id and its part marker,
// with k and n of the given number of digits, and the blank after them.
func headWidth(id string, digits int) int {
	if digits == 0 {
		return len(id) + 1
	}
	return len(id) + len(" (/) ") + 2*digits
}

// countParts returns how many WTOs text r takes with head kept on each first line.
func countParts(r []rune, head int) int {
	n := 0
	for len(r) > 0 {
		_, r = fill(r, maxLine-head, maxLines)
		n++
	}
	return n
}

// parts lays all of r out in n WTOs with head kept on each first line.
func parts(id string, r []rune, head, n int) []string {
	out := make([]string, 0, n)
	for k := 1; len(r) > 0; k++ {
		lines, rest := fill(r, maxLine-head, maxLines)
		marker := ""
		if n > 1 {
			marker = fmt.Sprintf(" (%d/%d)", k, n)
		}
		lines[0] = id + marker + " " + lines[0]
		out = append(out, strings.Join(lines, "\n"))
		r = rest
	}
	return out
}

// fill takes up to max lines off r: the first at most first characters, each further
// one the indent and at most maxLine-len(indent) characters. A line is broken at the
// last blank that lets it fit (the blank is dropped), or, in a word longer than the
// line, where the line is full. fill returns the lines and what is left of r.
func fill(r []rune, first, max int) (lines []string, rest []rune) {
	for len(r) > 0 && len(lines) < max {
		width, lead := first, ""
		if len(lines) > 0 {
			width, lead = maxLine-len(indent), indent
		}
		var line []rune
		line, r = nextLine(r, width)
		lines = append(lines, lead+string(line))
	}
	return lines, r
}

// nextLine takes one line of at most width characters off r.
func nextLine(r []rune, width int) (line, rest []rune) {
	if len(r) <= width {
		return r, nil
	}
	for i := width; i >= 1; i-- {
		if r[i] == ' ' {
			return r[:i], r[i+1:]
		}
	}
	return r[:width], r[width:]
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
