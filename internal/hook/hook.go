// Package hook gives the packages this module builds on package zconsole (zconsole/serve)
// the few things zconsole keeps unexported, so that zconsole need not export a name for
// their sake alone. Package zconsole sets every hook in its init, which runs before the
// code of any package that imports it; nothing changes them after that.
package hook

// HandleErr returns why the *zconsole.Handle h can take no more Wait, as the Wait would
// say it: zconsole.ErrClosed once it is closed, zconsole.ErrKilled once it is killed;
// nil while it is open and not killed. h must not be nil.
var HandleErr func(h any) error

// CheckQueueLimit refuses a queue limit for MODIFY that QEDIT CIBCTR= cannot set
// (outside 0 to 255) with an error that names the setting what; it returns nil for
// one it can.
var CheckQueueLimit func(what string, n int) error

// MaxLines is the most lines a multi-line WTO may have (for a program without APF
// authorization): longer text makes zconsole.Put fail with zconsole.ErrTooLong.
var MaxLines int
