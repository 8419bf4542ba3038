package console

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseStep(t *testing.T) {
	for i, c := range []struct {
		line  string
		wok   bool
		wstep step
		werr  string
	}{
		{"", false, step{}, ""},
		{"   ", false, step{}, ""},
		{"# a comment", false, step{}, ""},
		{"  # indented", false, step{}, ""},
		{"F DEMO,STATUS", true, step{line: 7, kind: stepType, text: "F DEMO,STATUS"}, ""},
		{"  f demo,echo 'a # b'  ", true, step{line: 7, kind: stepType, text: "f demo,echo 'a # b'"}, ""},
		{"R 01,YES", true, step{line: 7, kind: stepType, text: "R 01,YES"}, ""},
		{".wait DMO001I", true, step{line: 7, kind: stepWait, text: "DMO001I"}, ""},
		{".wait   W1 running for", true, step{line: 7, kind: stepWait, text: "W1 running for"}, ""},
		{".pause 1.5", true, step{line: 7, kind: stepPause, pause: 1500 * time.Millisecond}, ""},
		{".pause 0", true, step{line: 7, kind: stepPause}, ""},
		// Errors name the line.
		{".wait", false, step{}, "line 7: .wait needs the text to wait for"},
		{".wait   ", false, step{}, "line 7: .wait needs the text to wait for"},
		{".pause", false, step{}, `line 7: .pause: "" is not a number of seconds`},
		{".pause soon", false, step{}, `line 7: .pause: "soon" is not a number of seconds`},
		{".pause 601", false, step{}, "line 7: .pause: 601 seconds is outside 0 to 600"},
		{".sleep 1", false, step{}, "line 7: .sleep is not a directive: .wait text, .pause seconds"},
		{".WAIT x", false, step{}, "line 7: .WAIT is not a directive"},
	} {
		st, ok, err := parseStep(7, c.line)
		if c.werr != "" {
			assert.ErrorContains(t, err, c.werr, "#%d %q", i, c.line)
			continue
		}
		require.NoError(t, err, "#%d %q", i, c.line)
		assert.Equal(t, c.wok, ok, "#%d %q", i, c.line)
		assert.Equal(t, c.wstep, st, "#%d %q", i, c.line)
	}
}

func TestStartCommand(t *testing.T) {
	for i, c := range []struct {
		line  string
		wjob  string
		wparm string
		werr  string
	}{
		{"S DEMO", "DEMO", "", ""},
		{"S DEMO.WEB,,,X", "DEMO.WEB", "X", ""},
		{"S DEMO,,,'IDLE=20,GRACE=5'", "DEMO", "'IDLE=20,GRACE=5'", ""},
		{"start demo,,,idle=1", "demo", "idle=1", ""},
		{"  S   DEMO,,,", "DEMO", "", ""},
		{"F DEMO,STATUS", "", "", "does not start the job"},
		{"S DEMO,PRM=X", "", "", "only S job and S job,,,parameters (job or job.identifier) are simulated"},
		{"S DEMO,,X", "", "", "only S job and S job,,,parameters (job or job.identifier) are simulated"},
		{"S ,,,X", "", "", "names no job"},
		{"S", "", "", "names no job"},
	} {
		job, parm, err := startCommand(c.line)
		if c.werr != "" {
			assert.ErrorContains(t, err, c.werr, "#%d %q", i, c.line)
			continue
		}
		require.NoError(t, err, "#%d %q", i, c.line)
		assert.Equal(t, c.wjob, job, "#%d %q", i, c.line)
		assert.Equal(t, c.wparm, parm, "#%d %q", i, c.line)
	}
	assert.True(t, isStop("P DEMO"))
	assert.True(t, isStop("stop demo"))
	assert.False(t, isStop("F DEMO,P"))
	assert.False(t, isStop("PURGE"))
}

// Every script in testdata/operator/ parses and begins by starting the job.
func TestScriptsParse(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "operator", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		steps, err := parseScript(strings.NewReader(string(b)))
		require.NoError(t, err, f)
		require.NotEmpty(t, steps, f)
		assert.Equal(t, stepType, steps[0].kind, f)
		_, _, err = startCommand(steps[0].text)
		assert.NoError(t, err, f)
	}
	_, err = parseScript(strings.NewReader("S DEMO\n\n.wiat DMO001I\n"))
	assert.EqualError(t, err, "line 3: .wiat is not a directive: .wait text, .pause seconds")
}
