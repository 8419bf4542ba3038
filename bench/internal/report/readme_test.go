package report

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// figure is a number with a unit, or a large number, as the README quotes them.
var figure = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?(?: ?(?:µs|ms|ns|s|B|×|%))?`)

// TestReadmeQuotesBenchmarks holds every figure in the README's Benchmarks section to
// the committed BENCHMARKS.md: each appears there, written the same way. A new
// `make bench` that changes a figure fails this test until the README quotes it.
func TestReadmeQuotesBenchmarks(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	require.NoError(t, err)
	doc, err := os.ReadFile("../../../BENCHMARKS.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "\n## Benchmarks\n")
	require.True(t, ok, "the README has a Benchmarks section")
	section, _, _ = strings.Cut(section, "\n## ")
	found := figure.FindAllString(section, -1)
	require.Greater(t, len(found), 20, "the section quotes figures")
	for _, f := range found {
		if strings.Count(f, ",") == 0 && !strings.ContainsAny(f, ".µnmsB×%") {
			continue // a bare small number: a count in prose, not a figure
		}
		assert.Contains(t, string(doc), f, "the README quotes %q, which BENCHMARKS.md does not say", f)
	}
}
