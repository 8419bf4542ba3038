package timer

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if a test leaves a goroutine behind: a pending
// timer must own none, and every fn started by a test must have returned.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
