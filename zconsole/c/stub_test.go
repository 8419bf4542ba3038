//go:build !cgo || !(zos || zconsolesim)

package c_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-zos/zconsole/zconsole/c"
)

// Without a console the package still compiles, and every call says what the build
// lacks, once: cgo, or z/OS or the simulator.
func TestStubIsUnsupported(t *testing.T) {
	_, _, err := c.Init(5, make([]byte, c.CopyMax))
	if !errors.Is(err, errors.ErrUnsupported) {
		t.Fatalf("Init: %v, not ErrUnsupported", err)
	}
	if c.Opened() {
		t.Error("a failed Init left the work area marked open")
	}
	msg := err.Error()
	if !strings.Contains(msg, "CGO_ENABLED=0") && !strings.Contains(msg, "-tags zconsolesim") {
		t.Errorf("%q names neither cgo nor the simulator", msg)
	}
	if n := strings.Count(msg, "unsupported operation"); n != 1 {
		t.Errorf("%q says unsupported %d times", msg, n)
	}
	var tk c.Taker
	_, _, werr := tk.Take(0, nil)
	_, watchErr := c.Watch(0)
	_, wtoErr := c.WTO(&c.Message{Lines: [][]byte{{0xC1}}})
	_, askErr := c.AskStart(&c.Message{Lines: [][]byte{{0xC1}}, ReplyLen: 1})
	_, taskErr := c.TaskInfo()
	for i, err := range []error{werr, watchErr, c.Kill(0), c.Term(0), wtoErr, c.DOM(1), askErr, taskErr} {
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("#%d: %v, not ErrUnsupported", i, err)
		}
	}
}
