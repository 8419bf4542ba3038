// Package errwrap names the operation that failed in front of its errors under one
// package prefix: "zconsole: init: busy: ...", not "zconsole: init: zconsole: busy: ...".
// A package's sentinels carry its prefix, so that a sentinel returned as it is reads
// well; an operation that wraps one drops the prefix the wrapped text starts with.
package errwrap

import "strings"

// Op returns the error of operation op of the package whose prefix is prefix ("zconsole",
// "sim"): its text is the prefix, op and the text of each of errs, joined by ": ", each
// without the prefix it may start with. errors.Is and errors.As find each of errs in it,
// as in an error made with %w. Op returns nil when errs holds no error.
func Op(prefix, op string, errs ...error) error {
	var e opError
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	if len(e.errs) == 0 {
		return nil
	}
	e.prefix, e.op = prefix, op
	return &e
}

type opError struct {
	prefix, op string
	errs       []error
}

func (e *opError) Error() string {
	var b strings.Builder
	b.WriteString(e.prefix)
	b.WriteString(": ")
	b.WriteString(e.op)
	for _, err := range e.errs {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(err.Error(), e.prefix+": "))
	}
	return b.String()
}

func (e *opError) Unwrap() []error { return e.errs }
