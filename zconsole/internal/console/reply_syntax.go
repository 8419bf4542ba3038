package console

import (
	"strconv"
	"strings"
)

// replyID reads the nn of R nn,text: 1 to 4 digits, leading zeros allowed.
func replyID(s string) (int, bool) {
	if len(s) < 1 || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// unquote removes the apostrophes around a reply and undoubles those inside.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}
