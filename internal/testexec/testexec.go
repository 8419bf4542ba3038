// Package testexec starts programs for the module's tests: the test binary again (for
// tests of signals and exits, which must happen in a process of their own) and programs
// a test has built. When the tests run on another architecture under a user-mode
// emulator, the programs they start are of that architecture too, and the kernel runs
// them only if binfmt_misc knows their format; where it does not, the emulator named by
// ZCONSOLE_TEST_EMULATOR (a command and its arguments, split at blanks) runs them
// instead. scripts/test-s390x.sh sets it to qemu-s390x-static.
package testexec

import (
	"context"
	"os"
	"os/exec"
	"strings"
)

// EmulatorEnv is the environment variable that names the emulator.
const EmulatorEnv = "ZCONSOLE_TEST_EMULATOR"

// CommandContext is [exec.CommandContext] for a program of the tests' own architecture:
// name runs under the emulator when EmulatorEnv names one, else directly.
func CommandContext(ctx context.Context, name string, args ...string) *exec.Cmd {
	if em := strings.Fields(os.Getenv(EmulatorEnv)); len(em) > 0 {
		args = append(append(em[1:], name), args...)
		name = em[0]
	}
	return exec.CommandContext(ctx, name, args...)
}

// Self returns a command that runs this test binary again with args, under the
// emulator when EmulatorEnv names one.
func Self(args ...string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return CommandContext(context.Background(), exe, args...), nil
}
