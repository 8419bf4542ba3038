//go:build !cgo || !(zos || zconsolesim)

package zconsole

// The console-output seam where there is no console: not z/OS, or no cgo, and no
// simulator. Messages are still checked, so a program learns of a bad one anywhere.

func sysWTO(*wto) (uint32, error)              { return 0, errNoConsole }
func sysDOM(uint32) error                      { return errNoConsole }
func sysAskStart(*wto) (askRef, error)         { return 0, errNoConsole }
func sysAskWait(askRef) error                  { return errNoConsole }
func sysAskCancel(askRef) error                { return errNoConsole }
func sysAskEnd(askRef) ([]byte, askEnd, error) { return nil, askRetired, errNoConsole }
func sysTask() (TaskInfo, error)               { return TaskInfo{}, errNoConsole }
