package wtolog_test

import (
	"testing"

	"go.uber.org/goleak"
)

// Every Handler's goroutine ends with its Close: none is left when the tests end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
