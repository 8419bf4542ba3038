package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/internal/testexec"
)

// manualTestSwitch is the environment variable that lets TestOperatorAtConsole run on
// z/OS, where it needs an operator at a console. The name is the one
// golang.org/x/sys/unix's TestConsole2modify uses.
const manualTestSwitch = "ZOS_MANUAL_TEST"

// operatorMode is how TestOperatorAtConsole meets its operator.
type operatorMode int

const (
	operatorSimulated operatorMode = iota // not on z/OS: the simulator plays the operator
	operatorPresent                       // on z/OS, the switch on: a person at a console
	operatorMissing                       // on z/OS, the switch off: the test fails, not having run
)

// operatorTestMode decides how TestOperatorAtConsole runs on the system goos, from the
// value of ZOS_MANUAL_TEST (set reports whether it is in the environment at all).
//
// The value counts without the blanks around it: a record of a fixed-length STDENV
// data set hands BPXBATSL "1" followed by blanks to the end of the record. On z/OS
// anything but 1 is operatorMissing, with the reason to fail the test: a run on z/OS
// that did not test with an operator must not end as a pass.
func operatorTestMode(goos, value string, set bool) (operatorMode, string) {
	if goos != "zos" {
		return operatorSimulated, ""
	}
	if strings.TrimSpace(value) == "1" {
		return operatorPresent, ""
	}
	why := manualTestSwitch + " is not set"
	if set {
		why = fmt.Sprintf("%s=%q is not 1", manualTestSwitch, value)
	}
	return operatorMissing, fmt.Sprintf("TestOperatorAtConsole did not run: %s. It needs an "+
		"operator at a console and %s=1 (docs/zos.md); to run the other tests without it, "+
		"give -test.skip=OperatorAtConsole$", why, manualTestSwitch)
}

// meetOperator is the first step of TestOperatorAtConsole on the system goos. On z/OS
// without the switch it fails t, saying the test did not run; otherwise it returns
// whether the operator is simulated.
func meetOperator(t testing.TB, goos string) (simulated bool) {
	t.Helper()
	value, set := os.LookupEnv(manualTestSwitch)
	mode, why := operatorTestMode(goos, value, set)
	switch mode {
	case operatorMissing:
		t.Fatal(why)
	case operatorPresent:
		t.Logf("%s=%q: an operator is at a console", manualTestSwitch, value)
	}
	return mode == operatorSimulated
}

// blankPadded is "1" as a record of an FB 80 data set holds it after ZOS_MANUAL_TEST=.
var blankPadded = "1" + strings.Repeat(" ", 80-len(manualTestSwitch+"=1"))

func TestOperatorTestMode(t *testing.T) {
	for _, c := range []struct {
		name   string
		goos   string
		value  string
		set    bool
		want   operatorMode
		reason string // part of the reason to fail, for operatorMissing
	}{
		{"not z/OS, no switch", "linux", "", false, operatorSimulated, ""},
		{"not z/OS, the switch on", "linux", "1", true, operatorSimulated, ""},
		{"z/OS, 1", "zos", "1", true, operatorPresent, ""},
		{"z/OS, 1 and the blanks of a fixed-length record", "zos", blankPadded, true, operatorPresent, ""},
		{"z/OS, 1 between blanks and a tab", "zos", " 1\t", true, operatorPresent, ""},
		{"z/OS, not set", "zos", "", false, operatorMissing, "ZOS_MANUAL_TEST is not set"},
		{"z/OS, empty", "zos", "", true, operatorMissing, `ZOS_MANUAL_TEST="" is not 1`},
		{"z/OS, 0", "zos", "0", true, operatorMissing, `ZOS_MANUAL_TEST="0" is not 1`},
		{"z/OS, YES", "zos", "YES", true, operatorMissing, `ZOS_MANUAL_TEST="YES" is not 1`},
		{"z/OS, 1 and a sequence number", "zos", "1      00010000", true, operatorMissing,
			`ZOS_MANUAL_TEST="1      00010000" is not 1`},
	} {
		t.Run(c.name, func(t *testing.T) {
			mode, why := operatorTestMode(c.goos, c.value, c.set)
			assert.Equal(t, c.want, mode)
			if c.want != operatorMissing {
				assert.Empty(t, why)
				return
			}
			assert.Contains(t, why, "TestOperatorAtConsole did not run")
			assert.Contains(t, why, c.reason)
		})
	}
}

// operatorEntryChild tells TestMeetOperatorOnZOS that TestOperatorAtConsoleCannotPassUnrun
// runs it.
const operatorEntryChild = "ZCONSOLE_TEST_OPERATOR_ENTRY"

// TestOperatorAtConsoleCannotPassUnrun runs the first step of TestOperatorAtConsole as
// on z/OS, in a test binary of its own, as the operator test's started task runs it:
// without the switch, or with a value other than 1, the test fails, saying it did not
// run, and the binary ends with a non-zero status; with 1 padded by blanks it goes on.
func TestOperatorAtConsoleCannotPassUnrun(t *testing.T) {
	for _, c := range []struct {
		name  string
		env   []string
		fails bool
	}{
		{"not set", nil, true},
		{"1 and a sequence number", []string{manualTestSwitch + "=1      00010000"}, true},
		{"0", []string{manualTestSwitch + "=0"}, true},
		{"1 and blanks", []string{manualTestSwitch + "=" + blankPadded}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd, err := testexec.Self("-test.run=^TestMeetOperatorOnZOS$", "-test.count=1", "-test.v")
			require.NoError(t, err)
			cmd.Env = append(withoutManualTestSwitch(os.Environ()), operatorEntryChild+"=1")
			cmd.Env = append(cmd.Env, c.env...)
			out, err := cmd.CombinedOutput()
			if !c.fails {
				require.NoError(t, err, "%s", out)
				assert.Contains(t, string(out), "--- PASS: TestMeetOperatorOnZOS")
				assert.Contains(t, string(out), "an operator is at a console")
				return
			}
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "the test binary ended with %v:\n%s", err, out)
			assert.NotZero(t, exit.ExitCode())
			assert.Contains(t, string(out), "--- FAIL: TestMeetOperatorOnZOS")
			assert.Contains(t, string(out), "TestOperatorAtConsole did not run")
			assert.NotContains(t, string(out), "--- SKIP")
		})
	}
}

// TestMeetOperatorOnZOS is TestOperatorAtConsole's first step on z/OS, run by
// TestOperatorAtConsoleCannotPassUnrun.
func TestMeetOperatorOnZOS(t *testing.T) {
	if os.Getenv(operatorEntryChild) == "" {
		t.Skip("run by TestOperatorAtConsoleCannotPassUnrun")
	}
	meetOperator(t, "zos")
}

// withoutManualTestSwitch returns env without ZOS_MANUAL_TEST.
func withoutManualTestSwitch(env []string) []string {
	var kept []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, manualTestSwitch+"=") {
			kept = append(kept, kv)
		}
	}
	return kept
}
