package serve_test

import (
	"context"
	"testing"

	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/stretchr/testify/assert"
)

func TestRouterHandleRefusesBadRegistrations(t *testing.T) {
	nop := func(context.Context, *serve.Request) error { return nil }
	r := serve.NewRouter()
	r.Handle("status", nop)
	for i, c := range []struct {
		word string
		fn   serve.HandlerFunc
	}{
		{"STATUS", nop},            // twice, in another case
		{"", nop},                  // empty
		{"TWO WORDS", nop},         // a blank
		{"SET=1", nop},             // not a word
		{"ABCDEFGHIJKLMNOPQ", nop}, // 17 characters
		{"GO", nil},                // no function
	} {
		assert.Panics(t, func() { r.Handle(c.word, c.fn) }, "#%d %q", i, c.word)
	}
	assert.NotPanics(t, func() { r.Handle("ABCDEFGHIJKLMNOP", nop) }, "16 characters")
	assert.NotPanics(t, func() { r.Handle("$SYS#1_A-B@", nop) })
}
