package errwrap_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/go-zos/zconsole/internal/errwrap"
)

var errBusy = errors.New("zconsole: busy")

func TestOp(t *testing.T) {
	for i, c := range []struct {
		errs  []error
		wtext string
	}{
		{[]error{errBusy}, "zconsole: init: busy"},
		{[]error{fmt.Errorf("%w: the process already has an open handle", errBusy)}, "zconsole: init: busy: the process already has an open handle"},
		{[]error{fs.ErrNotExist}, "zconsole: init: file does not exist"},
		{[]error{context.Canceled, errors.New("zconsole: operator STOP from console OPER1")}, "zconsole: init: context canceled: operator STOP from console OPER1"},
		{[]error{errors.New("sim: other package")}, "zconsole: init: sim: other package"},
		{[]error{nil, errBusy}, "zconsole: init: busy"},
	} {
		err := errwrap.Op("zconsole", "init", c.errs...)
		assert.EqualError(t, err, c.wtext, "#%d", i)
		for _, e := range c.errs {
			if e != nil {
				assert.ErrorIs(t, err, e, "#%d", i)
			}
		}
	}
	assert.NoError(t, errwrap.Op("zconsole", "init"))
	assert.NoError(t, errwrap.Op("zconsole", "init", nil))
}
