package wtolog

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The record BenchmarkBelowLevel logs is below the console level: with wtolog in front,
// the next handler writes what it writes alone, and nothing goes to the console.
func TestBenchBelowRound(t *testing.T) {
	var alone, behind bytes.Buffer
	l, _ := belowLogger(&alone, false)
	belowRecord(l)
	l, h := belowLogger(&behind, true)
	belowRecord(l)
	require.NoError(t, h.Close())
	noTime := regexp.MustCompile(`^time=\S+ `)
	assert.Equal(t, `level=INFO msg="request served" method=GET path=/status ms=12`+"\n", noTime.ReplaceAllString(alone.String(), ""))
	assert.Equal(t, noTime.ReplaceAllString(alone.String(), ""), noTime.ReplaceAllString(behind.String(), ""))
	assert.Equal(t, wtolog.Stats{}, h.Stats(), "nothing for the console")
}
