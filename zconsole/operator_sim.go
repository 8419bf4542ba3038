//go:build cgo && zconsolesim

package zconsole

import "github.com/go-zos/zconsole/zconsole/internal/console"

func init() {
	operator.open = console.OpenFromEnv
	operator.shown = console.Shown
}
