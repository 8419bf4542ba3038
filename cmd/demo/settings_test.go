package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/zconsole/serve"
)

func TestSettingsWith(t *testing.T) {
	def := defaultSettings
	for i, c := range []struct {
		text string // operands, as the demo gets them
		want settings
		werr string // "" for none
	}{
		// PARM and SET: operands as typed.
		{"", def, ""},
		{"IDLE=30", settings{30 * time.Second, def.Grace, def.Work}, ""},
		{"IDLE=0.5 GRACE=0 WORK=2", settings{500 * time.Millisecond, 0, 2 * time.Second}, ""},
		{"IDLE=0", settings{0, def.Grace, def.Work}, ""}, // no idle timeout
		{"idle=1e1", settings{10 * time.Second, def.Grace, def.Work}, ""},
		{"WORK=0.001", settings{def.Idle, def.Grace, time.Millisecond}, ""},
		{"IDLE=1,IDLE=2", settings{2 * time.Second, def.Grace, def.Work}, ""}, // the last one counts
		// START: S DEMO,,,'IDLE=30,GRACE=5' gives one quoted operand.
		{"'IDLE=30,GRACE=5'", settings{30 * time.Second, 5 * time.Second, def.Work}, ""},
		{"'idle=30'", settings{30 * time.Second, def.Grace, def.Work}, ""},
		{"''", def, ""},
		// Errors: nothing changes.
		{"IDLE=soon", def, `IDLE=soon: "soon" is not a number of seconds`},
		{"IDLE=", def, `IDLE=: "" is not a number of seconds`},
		{"IDLE=-1", def, "IDLE=-1: -1 seconds is outside 0 to 86400"},
		{"IDLE=86401", def, "IDLE=86401: 86401 seconds is outside 0 to 86400"},
		{"GRACE=3601", def, "outside 0 to 3600"},
		{"WORK=0", def, "WORK=0: 0 seconds is outside 0.001 to 86400"},
		{"IDLE=NaN", def, "is not a number of seconds"},
		{"IDLE=Inf", def, "is not a number of seconds"},
		{"IDLE=0x10", def, "is not a number of seconds"},
		{"IDLE=1_0", def, "is not a number of seconds"},
		{"TIMEOUT=5", def, "TIMEOUT=5 is not a setting: IDLE=, GRACE= or WORK="},
		{"30", def, "30 is not a setting"},
		{"IDLE=30 GRACE=soon", def, "GRACE=soon"}, // IDLE is not changed either
		{"'IDLE=30,GRACE=soon'", def, "GRACE=soon"},
		{"'IDLE=''30'", def, "in 'IDLE='30': apostrophe not closed at column 6"},
		{"'''x'''", def, "'''x''' is not a setting"}, // a quoted string inside the quotes
	} {
		args, err := serve.ParseArgs(c.text)
		require.NoError(t, err, "#%d %q", i, c.text)
		got, err := def.with(args)
		if c.werr != "" {
			assert.ErrorContains(t, err, c.werr, "#%d %q", i, c.text)
		} else {
			assert.NoError(t, err, "#%d %q", i, c.text)
		}
		assert.Equal(t, c.want, got, "#%d %q", i, c.text)
	}
}

// The settings written back as operands read as the same settings.
func TestSettingsStringRoundTrip(t *testing.T) {
	for _, s := range []settings{defaultSettings, {0, 0, time.Millisecond}, {1500 * time.Millisecond, 3600 * time.Second, 86400 * time.Second}} {
		args, err := serve.ParseArgs(s.String())
		require.NoError(t, err)
		got, err := defaultSettings.with(args)
		require.NoError(t, err)
		assert.Equal(t, s, got, s.String())
	}
	assert.Equal(t, "idle 20s, grace 10s, work 5s", defaultSettings.describe())
	assert.Equal(t, "no idle timeout, grace 0.5s, work 5s", settings{0, 500 * time.Millisecond, 5 * time.Second}.describe())
}

// PARM: the program's arguments, in the same syntax.
func TestParameters(t *testing.T) {
	s, err := parameters([]string{"IDLE=30", "GRACE=1"})
	require.NoError(t, err)
	assert.Equal(t, settings{30 * time.Second, time.Second, defaultSettings.Work}, s)
	_, err = parameters([]string{"'IDLE=30"})
	assert.EqualError(t, err, "apostrophe not closed at column 1")
}
