package zconsole

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/zc"
)

// The limits of a message from a problem program (docs/wto.md), which the C checks
// again.
const (
	maxSingle = zc.WTO_TEXT_MAX  // a single-line WTO: 126
	maxWTOR   = zc.WTOR_TEXT_MAX // a WTOR's question: 122
	maxLine   = zc.ML_TEXT_MAX   // each line of a multi-line WTO (D, DE): 71
	maxLines  = zc.ML_LINES_MAX  // lines of a multi-line WTO without APF authorization: 10
	maxReply  = zc.REPLY_MAX     // a WTOR's reply: 119
)

// segment is one line of a message: its characters and where they start in the text.
type segment struct {
	r   []rune
	pos int // position of r[0] in the text, in characters
}

// splitLines breaks text into the lines of a message. A text with no newline that fits
// one line (126 characters; a WTOR's 122) is one line. Otherwise each newline starts a
// line, and a line longer than 71 characters is broken at its last blank within 71
// (the blank goes), or at 71 when there is none: nothing is cut. An empty line becomes
// one blank (a line may not be empty). Trailing newlines are dropped; "\r\n" counts as
// a newline. More lines than a message may have is an error wrapping ErrTooLong; a
// WTOR may have only one.
func splitLines(text string, wtor bool) ([]segment, error) {
	r := []rune(text) // each byte of invalid UTF-8 is one utf8.RuneError: positions stay true
	for len(r) > 0 && r[len(r)-1] == '\n' {
		r = r[:len(r)-1]
		if len(r) > 0 && r[len(r)-1] == '\r' {
			r = r[:len(r)-1]
		}
	}
	if len(r) == 0 {
		return nil, ErrNoText
	}
	newline := false
	for _, c := range r {
		if c == '\n' {
			newline = true
			break
		}
	}
	if wtor {
		if newline {
			return nil, fmt.Errorf("%w: a WTOR has one line; the question has a newline", ErrTooLong)
		}
		if len(r) > maxWTOR {
			return nil, fmt.Errorf("%w: a WTOR's question has at most %d characters, not %d", ErrTooLong, maxWTOR, len(r))
		}
		return []segment{{r: r}}, nil
	}
	if !newline && len(r) <= maxSingle {
		return []segment{{r: r}}, nil
	}

	var lines []segment
	start := 0
	for i := 0; i <= len(r); i++ {
		if i < len(r) && r[i] != '\n' {
			continue
		}
		end := i
		if end > start && r[end-1] == '\r' && i < len(r) {
			end-- // "\r\n"
		}
		lines = wrap(lines, r[start:end], start)
		start = i + 1
	}
	if len(lines) > maxLines {
		return nil, fmt.Errorf("%w: the text needs %d lines of at most %d characters; a multi-line WTO has at most %d", ErrTooLong, len(lines), maxLine, maxLines)
	}
	return lines, nil
}

// wrap appends paragraph p (starting at position pos) as lines of at most maxLine.
func wrap(lines []segment, p []rune, pos int) []segment {
	if len(p) == 0 {
		return append(lines, segment{r: []rune{' '}, pos: pos})
	}
	for len(p) > maxLine {
		cut, skip := maxLine, 0
		for i := maxLine; i >= 1; i-- {
			if p[i] == ' ' {
				cut, skip = i, 1
				break
			}
		}
		lines = append(lines, segment{r: p[:cut], pos: pos})
		p = p[cut+skip:]
		pos += cut + skip
	}
	if len(p) > 0 {
		lines = append(lines, segment{r: p, pos: pos})
	}
	return lines
}
