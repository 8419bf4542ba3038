package serve

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-zos/zconsole/zconsole"
)

// helpRoute describes the built-in HELP.
var helpRoute = &route{word: "HELP", help: "[command]  lists the commands, or shows one"}

// help answers HELP: one line per command, in alphabetical order, or the line of
// the command named.
func (r *Router) help(req *Request) error {
	r.mu.RLock()
	routes := make([]*route, 0, len(r.routes)+1)
	for _, rt := range r.routes {
		routes = append(routes, rt)
	}
	r.mu.RUnlock()
	if _, mine := findRoute(routes, "HELP"); !mine {
		routes = append(routes, helpRoute)
	}
	slices.SortFunc(routes, func(a, b *route) int { return strings.Compare(a.word, b.word) })
	width := 0
	for _, rt := range routes {
		width = max(width, len(rt.word))
	}

	if words := req.Args.Words(); len(words) > 0 {
		w := strings.ToUpper(words[0])
		rt, ok := findRoute(routes, w)
		if !ok {
			return req.Reply(fmt.Sprintf("%s HELP: %s: unknown command; HELP lists the commands", msgUnknown, w))
		}
		return req.Reply(msgHelp + " " + helpLine(rt, len(rt.word)))
	}
	lines := make([]string, 0, len(routes)+1)
	lines = append(lines, msgHelp+" commands:")
	for _, rt := range routes {
		lines = append(lines, "  "+helpLine(rt, width))
	}
	return req.Reply(lines...)
}

func findRoute(routes []*route, word string) (*route, bool) {
	for _, rt := range routes {
		if rt.word == word {
			return rt, true
		}
	}
	return nil, false
}

// helpLine is "WORD  help (needs SYS authority)", the word padded to width.
func helpLine(rt *route, width int) string {
	line := rt.word
	if rt.help != "" || rt.need != zconsole.AuthInfo {
		line += strings.Repeat(" ", width-len(rt.word)+2) + rt.help
	}
	if rt.need != zconsole.AuthInfo {
		if rt.help != "" {
			line += " "
		}
		line += "(needs " + rt.need.String() + " authority)"
	}
	return strings.TrimRight(line, " ")
}
