//go:build cgo && zconsolesim

package wtolog_test

import (
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
)

// A Handler checks its severities' codes when it is made, by zconsole's rules: a test
// holds the two to the same answer for each set of codes, valid or not.
func TestCodesCheckedAsZconsoleChecksThem(t *testing.T) {
	fresh(t)
	for i, c := range []struct{ routing, descriptor []int }{
		{[]int{1}, nil}, {[]int{128}, nil}, {[]int{0}, nil}, {[]int{129}, nil}, {[]int{-1}, nil},
		{nil, []int{1}}, {nil, []int{13}}, {nil, []int{0}}, {nil, []int{14}},
		{nil, []int{3, 4}}, {nil, []int{6, 12}}, {nil, []int{11, 12}}, {nil, []int{3, 3}},
		{nil, []int{7, 8, 10, 13}}, {nil, []int{3, 7}}, {nil, []int{9}}, {nil, []int{8, 9}},
		{[]int{2, 11}, []int{12}}, {[]int{1, 11}, []int{11}}, {[]int{2, 130}, []int{6}},
	} {
		var opts []zconsole.PutOption
		if c.routing != nil {
			opts = append(opts, zconsole.Routing(c.routing...))
		}
		if c.descriptor != nil {
			opts = append(opts, zconsole.Descriptor(c.descriptor...))
		}
		_, putErr := zconsole.Put(fmt.Sprint("CODES ", i), opts...)
		checkErr := wtolog.CheckCodes(c.routing, c.descriptor)
		assert.Equal(t, putErr != nil, checkErr != nil, "#%d %v %v: Put says %v, the check %v", i, c.routing, c.descriptor, putErr, checkErr)
		if putErr != nil {
			assert.True(t, errors.Is(putErr, zconsole.ErrInvalidCode), "#%d: %v", i, putErr)
		}
		sevs := []wtolog.Severity{{Level: slog.LevelWarn, Letter: 'W', Routing: c.routing, Descriptor: c.descriptor}}
		made := func() { opened(t, wtolog.NewHandler(&wtolog.Options{Severities: sevs})) }
		if checkErr != nil {
			assert.Panics(t, made, "#%d", i)
		} else {
			assert.NotPanics(t, made, "#%d", i)
		}
	}
}
