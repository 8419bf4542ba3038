package zconsole_test

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The binding links none of the server: a program that only calls Wait (or Put, or
// anything else of this package) gets no package of zconsole/serve's, nor what only the
// server uses (the timer, os/signal). Every package such a program links is one of
// package zconsole's dependencies, which go list names; package serve's, listed the same
// way, shows that the list would hold them.
func TestBindingDoesNotLinkServer(t *testing.T) {
	serverOnly := []string{
		"github.com/go-zos/zconsole/zconsole/serve",
		"github.com/go-zos/zconsole/timer",
		"os/signal",
	}
	for _, tags := range []string{"zconsolesim", ""} {
		binding := deps(t, tags, "github.com/go-zos/zconsole/zconsole")
		server := deps(t, tags, "github.com/go-zos/zconsole/zconsole/serve")
		for _, p := range serverOnly {
			assert.NotContains(t, binding, p, "tags %q: package zconsole links %s", tags, p)
			assert.Contains(t, server, p, "tags %q: package serve's list lacks %s", tags, p)
		}
		assert.Contains(t, server, "github.com/go-zos/zconsole/zconsole", "tags %q", tags)
	}
}

// deps returns the packages pkg depends on, itself included, built with tags.
func deps(t *testing.T, tags, pkg string) []string {
	t.Helper()
	gobin, err := exec.LookPath("go") // go test puts its own toolchain first in PATH
	require.NoError(t, err, "no go command to list the dependencies with")
	out, err := exec.Command(gobin, "list", "-deps", "-tags="+tags, pkg).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("go list -deps -tags=%s %s: %v\n%s", tags, pkg, err, exit.Stderr)
	}
	require.NoError(t, err)
	return strings.Fields(string(out))
}
