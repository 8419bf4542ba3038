//go:build cgo && zconsolesim

package console

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What happens as the context ends is found: Await looks once more after it sees the
// context done, so a look that missed the change (it came just after) is not the last.
// A script's last .wait for a program's last message, which the program writes just
// before it ends the operator, depends on it.
func TestAwaitLooksOnceMoreWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	looks := 0
	err := Await(ctx, func() bool {
		looks++
		if looks == 1 {
			cancel() // the context ends right after this look: the next one sees the change
			return false
		}
		return true
	})
	require.NoError(t, err)
	assert.Equal(t, 2, looks)

	looks = 0
	err = Await(ctx, func() bool { looks++; return false })
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, looks, "a context done before the wait: one look")
}
