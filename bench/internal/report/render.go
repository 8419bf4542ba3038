package report

import (
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/template"
)

//go:embed benchmarks.md.tmpl
var text string

// doc is the template of BENCHMARKS.md.
var doc = template.Must(template.New("benchmarks.md.tmpl").Option("missingkey=error").Parse(text))

// page is what the template is given: each section's figures, conditions and tables.
type page struct {
	Run        string
	Targets    targetsView
	Head       headlines
	Kill       killView
	Polling    pollingView
	Idle       idleView
	Shutdown   shutdownView
	Throughput throughputView
	Cost       costView
	Timers     timersView
	Wtolog     wtologView
	Commands   []string // every command of the run, in order
}

// blankRuns are two or more blank lines, which the template leaves where a condition
// on a line of its own did not hold.
var blankRuns = regexp.MustCompile(`\n{3,}`)

// Render writes BENCHMARKS.md for the data of one `make bench` run.
func Render(w io.Writer, data *Data) error {
	p := page{
		Run:        runTable(data),
		Targets:    targetsOf(data),
		Head:       headlinesOf(data),
		Kill:       killOf(data),
		Polling:    pollingOf(data),
		Idle:       idleOf(data),
		Shutdown:   shutdownOf(data),
		Throughput: throughputOf(data),
		Cost:       costOf(data),
		Timers:     timersOf(data),
		Wtolog:     wtologOf(data),
		Commands:   data.Commands(),
	}
	var b strings.Builder
	if err := doc.Execute(&b, p); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	out := blankRuns.ReplaceAllString(b.String(), "\n\n")
	_, err := io.WriteString(w, strings.TrimSpace(out)+"\n")
	return err
}

// table writes a Markdown table with a header row; cells must not hold "|".
func table(header []string, rows [][]string) string {
	var b strings.Builder
	row := func(cells []string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	row(sep)
	for _, r := range rows {
		row(r)
	}
	return b.String()
}
