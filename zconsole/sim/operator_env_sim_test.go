//go:build cgo && zconsolesim

package sim_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/internal/testexec"
)

// These tests build programs as their users do (testdata/hello imports package
// zconsole, not package sim) and run them: the operator's console reaches them through
// ZCONSOLE_OPERATOR alone.

// hang is how long a build or a run may take before the test gives up on it: only to
// catch a hang, on a loaded machine or under an emulator.
const hang = 5 * time.Minute

var builds sync.Map // "env|tags|pkg" -> *built

type built struct {
	once sync.Once
	path string
	err  error
}

// build builds package pkg (a folder under testdata) with tags and the environment env
// added, once for all the tests, and returns the program's path.
func build(t *testing.T, pkg, tags string, env ...string) string {
	t.Helper()
	v, _ := builds.LoadOrStore(strings.Join(env, " ")+"|"+tags+"|"+pkg, &built{})
	b := v.(*built)
	b.once.Do(func() {
		gobin, err := exec.LookPath("go") // go test puts its own toolchain first in PATH
		if err != nil {
			b.err = fmt.Errorf("no go command to build with: %w", err)
			return
		}
		dir, err := os.MkdirTemp("", "sim-operator-")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, filepath.Base(pkg))
		ctx, cancel := context.WithTimeout(context.Background(), hang)
		defer cancel()
		cmd := exec.CommandContext(ctx, gobin, "build", "-tags="+tags, "-o", b.path, "./testdata/"+pkg)
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build -tags=%s ./testdata/%s: %w\n%s", tags, pkg, err, out)
		}
	})
	require.NoError(t, b.err)
	return b.path
}

// run runs program with the arguments args, env added and stdin, to its end, and
// returns its standard output and error and its exit code.
func run(t *testing.T, program string, args []string, stdin string, env ...string) (stdout, stderr string, rc int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	cmd := testexec.CommandContext(ctx, program, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.Exited():
		rc = exit.ExitCode()
	default:
		t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", program, err, out.String(), errOut.String())
	}
	t.Logf("%s %v: rc=%d\nstdout:\n%s\nstderr:\n%s", filepath.Base(program), env, rc, out.String(), errOut.String())
	return out.String(), errOut.String(), rc
}

func writeScript(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "operator.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// A program that does not know package sim, built with -tags zconsolesim, is driven by
// a script through ZCONSOLE_OPERATOR=script:path: the console on standard error, the
// program's standard output its own, and the program's exit its end.
func TestOperatorFromEnvScript(t *testing.T) {
	hello := build(t, "hello", "zconsolesim")
	script := writeScript(t, `S HELLO,,,'mode=test'
.wait HEL001I
F HELLO,PING
.wait HEL002I
P HELLO
`)
	stdout, stderr, rc := run(t, hello, nil, "", "ZCONSOLE_OPERATOR=script:"+script)
	assert.Zero(t, rc)
	assert.Equal(t, "hello: ended\n", stdout, "standard output is the program's own")
	inOrder(t, stderr,
		"OPER     S HELLO,,,'mode=test'",
		"HELLO    HEL001I HELLO READY",
		"OPER     F HELLO,PING",
		"HELLO    HEL002I PONG",
		"OPER     P HELLO",
	)
	assert.Contains(t, stderr, "HELLO    HEL004I START PARAMETERS: 'mode=test'", "the program's first Wait returned the START")
	for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		assert.Regexp(t, entry, l)
	}

	// Without the variable the program has no operator, and no console is shown: nobody
	// starts it, and it idles out.
	stdout, stderr, rc = run(t, hello, []string{"10ms"}, "", "ZCONSOLE_OPERATOR=")
	assert.Zero(t, rc)
	assert.Equal(t, "hello: ended\n", stdout)
	assert.Empty(t, stderr)
}

// ZCONSOLE_OPERATOR=tty: a person types on standard input; the end of the input is the
// operator leaving the console, which stops the job.
func TestOperatorFromEnvTerminal(t *testing.T) {
	hello := build(t, "hello", "zconsolesim")
	stdout, stderr, rc := run(t, hello, nil, "S HELLO\n.wait HEL001I\nF HELLO,PING\n.wait HEL002I\n", "ZCONSOLE_OPERATOR=tty")
	assert.Zero(t, rc)
	assert.Equal(t, "hello: ended\n", stdout)
	inOrder(t, stderr,
		"CONSOLE  a simulated MVS console",
		"OPER     S HELLO",
		"HELLO    HEL001I HELLO READY",
		"OPER     F HELLO,PING",
		"HELLO    HEL002I PONG",
		"CONSOLE  end of input: the operator leaves the console and stops HELLO",
		"OPER     P HELLO",
	)
}

// What keeps the operator from the console makes the first Init fail, saying why.
func TestOperatorFromEnvCannotOpen(t *testing.T) {
	hello := build(t, "hello", "zconsolesim")
	for i, c := range []struct {
		value, stdin, werr string
	}{
		{"bogus", "", "hello: zconsole: init: ZCONSOLE_OPERATOR=bogus: not tty or script:path"},
		{"script:", "", "hello: zconsole: init: ZCONSOLE_OPERATOR=script:: not tty or script:path"},
		{"script:/nonexistent/operator.txt", "", "hello: zconsole: init: ZCONSOLE_OPERATOR=script:/nonexistent/operator.txt: open /nonexistent/operator.txt: no such file or directory"},
		{"tty", "F HELLO,PING\n", "hello: zconsole: init: ZCONSOLE_OPERATOR=tty: the operator never started the job (S job)"},
	} {
		_, stderr, rc := run(t, hello, nil, c.stdin, "ZCONSOLE_OPERATOR="+c.value)
		assert.Equal(t, 1, rc, "#%d", i)
		assert.Contains(t, stderr, c.werr, "#%d", i)
	}
}

// Built without the simulator, package sim and package zconsole compile, and say what
// the build lacks: cgo when it was built with the tag but CGO_ENABLED=0, the tag when it
// was built with cgo but without it.
func TestBuildWithoutSimulatorSaysWhatItLacks(t *testing.T) {
	for i, c := range []struct {
		tags string
		env  []string
		want []string
	}{
		{"zconsolesim", []string{"CGO_ENABLED=0"}, []string{
			"sim: start: unsupported operation: the simulator needs cgo, and this program was built with CGO_ENABLED=0",
			"zconsole: init: unsupported operation: the operator console needs cgo, and this program was built with CGO_ENABLED=0",
		}},
		{"", nil, []string{
			"sim: start: unsupported operation: the simulator needs the zconsolesim build tag (build with -tags zconsolesim)",
			"zconsole: init: unsupported operation: the operator console needs z/OS, or the simulator (build with -tags zconsolesim)",
		}},
	} {
		stdout, _, rc := run(t, build(t, "nosim", c.tags, c.env...), nil, "")
		assert.Zero(t, rc, "#%d", i)
		assert.Equal(t, strings.Join(c.want, "\n")+"\n", stdout, "#%d", i)
	}
}
