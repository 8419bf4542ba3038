package zconsole

import "fmt"

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
		if n < 0 || n > 255 {
			return fmt.Errorf("zconsole: queue limit %d is outside 0..255", n)
		}
		c.limit = n
		return nil
	}
}
