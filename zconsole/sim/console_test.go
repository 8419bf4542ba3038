package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// Package sim shows the console's values under its own names: they are the same.
func TestSameAsTheConsole(t *testing.T) {
	assert.Equal(t, KindCommand, Kind(console.KindCommand))
	assert.Equal(t, KindSystem, Kind(console.KindSystem))
	assert.Equal(t, KindAbend, Kind(console.KindAbend))
	assert.Equal(t, KindWTO, Kind(console.KindWTO))
	assert.Equal(t, console.Master, originOf(nil), "MasterConsole is the console's default")
}
