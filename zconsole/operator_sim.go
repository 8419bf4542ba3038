//go:build cgo && zconsolesim

package zconsole

import (
	"github.com/go-zos/zconsole/zconsole/internal/console"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

func init() {
	operator.open = console.OpenFromEnv
	operator.shown = console.Shown
	operator.job = mvs.JobNumber
}
