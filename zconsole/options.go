package zconsole

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/zc"
)

// DefaultQueueLimit is the number of MODIFY commands the system queues for the program
// (QEDIT CIBCTR=) when [WithQueueLimit] is not given. Five is the figure IBM's own
// modules are seen to use: enough that an operator never meets IEE342I while the
// program works through a command, few enough that a flood is refused visibly rather
// than piling up.
const DefaultQueueLimit = 5

type config struct {
	limit int
}

// An Option configures [Init].
type Option func(*config) error

// WithQueueLimit sets how many MODIFY commands the system queues for the program before
// it refuses more with IEE342I (QEDIT CIBCTR=n, 0 to 255). With 0 the program accepts
// no MODIFY at all; STOP is always accepted.
func WithQueueLimit(n int) Option {
	return func(c *config) error {
		if err := checkQueueLimit("queue limit", n); err != nil {
			return err
		}
		c.limit = n
		return nil
	}
}

// checkQueueLimit refuses a queue limit QEDIT CIBCTR= cannot set (one byte, 0 to 255),
// named what in the error.
func checkQueueLimit(what string, n int) error {
	if n < 0 || n > zc.CIBCTR_MAX {
		return fmt.Errorf("zconsole: %s %d is outside 0..%d", what, n, zc.CIBCTR_MAX)
	}
	return nil
}
