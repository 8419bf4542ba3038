//go:build !cgo || !zconsolesim

package sim_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// Without the simulator the package is all there, and every function that returns an
// error returns one wrapping errors.ErrUnsupported, with one prefix, that says what the
// build lacks; the others return nothing and do nothing.
func TestStubSaysWhatTheBuildLacks(t *testing.T) {
	_, writtenErr := sim.Written(context.Background(), "(")
	_, askedErr := sim.Asked(context.Background())
	_, scriptErr := sim.ScriptOperator(strings.NewReader("S DEMO\n"), "x.txt", nil)
	for i, err := range []error{
		sim.Reset("DEMO"), sim.Start("DEMO", ""), sim.Command("F DEMO,X"),
		sim.SetCodePage(zconsole.IBM037), sim.Listening(context.Background()),
		writtenErr, askedErr, scriptErr,
		sim.NewOperator(strings.NewReader("S DEMO\n"), nil).Open(),
	} {
		if !assert.ErrorIs(t, err, errors.ErrUnsupported, "#%d", i) {
			continue
		}
		msg := err.Error()
		assert.True(t, strings.HasPrefix(msg, "sim: "), "#%d: %q", i, msg)
		assert.Equal(t, 1, strings.Count(msg, "sim: "), "#%d: %q", i, msg)
		assert.True(t, strings.Contains(msg, "CGO_ENABLED=0") || strings.Contains(msg, "-tags zconsolesim"),
			"#%d: %q names neither cgo nor the tag", i, msg)
	}
	assert.Empty(t, sim.Log())
	assert.Empty(t, sim.Outstanding())
	assert.Zero(t, sim.Stats().QueueLimit)
	assert.Empty(t, sim.Job())
}
