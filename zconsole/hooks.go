package zconsole

import "github.com/go-zos/zconsole/internal/hook"

// The hooks of package zconsole/serve (internal/hook): what it needs of this package
// and no program does.
func init() {
	hook.HandleErr = func(h any) error { return h.(*Handle).usable() }
	hook.CheckQueueLimit = checkQueueLimit
	hook.MaxLines = maxLines
}

// usable returns [ErrClosed] once h is closed and [ErrKilled] once it is killed, the
// errors every Wait on it returns from then on; nil before.
func (h *Handle) usable() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		return ErrClosed
	case h.killed.Load():
		return ErrKilled
	}
	return nil
}
