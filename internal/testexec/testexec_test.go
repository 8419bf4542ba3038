package testexec

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommandContextRunsDirectlyWithoutAnEmulator(t *testing.T) {
	t.Setenv(EmulatorEnv, "")
	cmd := CommandContext(context.Background(), "/bin/prog", "-a", "b")
	assert.Equal(t, "/bin/prog", cmd.Path)
	assert.Equal(t, []string{"/bin/prog", "-a", "b"}, cmd.Args)
}

func TestCommandContextRunsUnderTheEmulator(t *testing.T) {
	t.Setenv(EmulatorEnv, "  /usr/bin/qemu-s390x-static  -L /usr/s390x-linux-gnu ")
	cmd := CommandContext(context.Background(), "/bin/prog", "-a")
	assert.Equal(t, "/usr/bin/qemu-s390x-static", cmd.Path)
	assert.Equal(t, []string{"/usr/bin/qemu-s390x-static", "-L", "/usr/s390x-linux-gnu", "/bin/prog", "-a"}, cmd.Args)
}

// TestSelfRunsThisBinary runs this binary again as it finds it: under the emulator
// when one is named (scripts/test-s390x.sh), else directly.
func TestSelfRunsThisBinary(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd, err := Self("-test.run=^$")
	require.NoError(t, err)
	assert.Equal(t, exe, cmd.Args[len(cmd.Args)-2])
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "PASS")
}
