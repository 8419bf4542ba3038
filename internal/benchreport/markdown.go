package benchreport

import (
	"fmt"
	"strings"
)

// doc is a Markdown document being written.
type doc struct {
	b strings.Builder
}

// h writes a heading of the given level.
func (d *doc) h(level int, text string) {
	fmt.Fprintf(&d.b, "%s %s\n\n", strings.Repeat("#", level), text)
}

// p writes a paragraph.
func (d *doc) p(format string, args ...any) {
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteString("\n\n")
}

// item writes a bullet; a list ends with end.
func (d *doc) item(format string, args ...any) {
	d.b.WriteString("- ")
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteString("\n")
}

// end ends a list.
func (d *doc) end() { d.b.WriteString("\n") }

// table writes a table with a header row; cells must not hold "|".
func (d *doc) table(header []string, rows [][]string) {
	d.row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	d.row(sep)
	for _, r := range rows {
		d.row(r)
	}
	d.b.WriteString("\n")
}

func (d *doc) row(cells []string) {
	d.b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// code writes a shell command as a code block.
func (d *doc) code(lines ...string) {
	d.b.WriteString("```sh\n")
	for _, l := range lines {
		d.b.WriteString(l + "\n")
	}
	d.b.WriteString("```\n\n")
}

// reproduce writes the commands that measured the benchmarks, as far as the data says.
func (d *doc) reproduce(data *Data, names ...string) {
	var cmds []string
	for _, name := range names {
		if cmd := data.Command(name); cmd != "" {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) > 0 {
		d.p("Reproduce:")
		d.code(cmds...)
	}
}
