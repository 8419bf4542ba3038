package console

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
)

// EnvOperator is the environment variable that gives a program built with the
// simulator an operator at its first zconsole.Init (package sim's documentation):
// "tty" for a person typing on standard input, "script:path" for a script; either shows
// the console on standard error.
const EnvOperator = "ZCONSOLE_OPERATOR"

var fromEnv = sync.OnceValue(openFromEnv)

// OpenFromEnv opens the console EnvOperator asks for, once per process: package
// zconsole calls it in the simulator build at each Init, before it opens the console.
// It returns nil when the variable is not set, or when an operator is at the console
// already (the program opened one itself), and the same error at every call when the
// first failed.
func OpenFromEnv() error { return fromEnv() }

func openFromEnv() error {
	spec, ok := os.LookupEnv(EnvOperator)
	if !ok || spec == "" || current.Load() != nil {
		return nil
	}
	o, err := envOperator(spec)
	if err == nil {
		err = o.Open()
	}
	if err != nil {
		return fmt.Errorf("%s=%s: %w", EnvOperator, spec, err)
	}
	return nil
}

// envOperator is the operator spec names: "tty", or "script:path".
func envOperator(spec string) (*Operator, error) {
	if spec == "tty" {
		return NewTerminal(os.Stdin, os.Stderr), nil
	}
	path, ok := strings.CutPrefix(spec, "script:")
	if !ok || path == "" {
		return nil, errors.New("not tty or script:path")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return NewScript(f, path, os.Stderr)
}
