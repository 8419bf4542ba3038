package console

import (
	"bufio"
	"io"
)

// source gives the steps an operator takes.
type source interface {
	// next returns the next step, or false when there is none: at the end, or, for a
	// person's input, once ended is closed.
	next(ended <-chan struct{}) (step, bool, error)
}

// scriptSource is a script read in full.
type scriptSource struct{ steps []step }

func (s *scriptSource) next(<-chan struct{}) (step, bool, error) {
	if len(s.steps) == 0 {
		return step{}, false, nil
	}
	st := s.steps[0]
	s.steps = s.steps[1:]
	return st, true, nil
}

// lineSource is what a person types, line by line. The goroutine that reads ends at
// the end of the input, or at the next line once ended is closed; a read that waits for
// a person cannot be cancelled, so it may outlive the operator until the process ends.
type lineSource struct {
	lines chan string
	n     int
}

func newLineSource(r io.Reader, ended <-chan struct{}) *lineSource {
	s := &lineSource{lines: make(chan string)}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			select {
			case s.lines <- sc.Text():
			case <-ended:
				return
			}
		}
	}()
	return s
}

func (s *lineSource) next(ended <-chan struct{}) (step, bool, error) {
	for {
		select {
		case <-ended:
			return step{}, false, nil
		case l, ok := <-s.lines:
			if !ok {
				return step{}, false, nil
			}
			s.n++
			st, isStep, err := parseStep(s.n, l)
			if err != nil || isStep {
				return st, isStep, err
			}
		}
	}
}
