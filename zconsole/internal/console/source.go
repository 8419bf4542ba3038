package console

import (
	"bufio"
	"io"
	"sync"
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

// lineSource is what a person types, line by line. The goroutine that reads starts at
// the first step asked for, and ends at the end of the input, or at the next line once
// ended is closed; a read that waits for a person cannot be cancelled, so it may
// outlive the operator until the process ends.
type lineSource struct {
	r     io.Reader
	lines chan string
	once  sync.Once
	n     int
}

func newLineSource(r io.Reader) *lineSource {
	return &lineSource{r: r, lines: make(chan string)}
}

// read reads the lines of s.r onto s.lines until the end or ended.
func (s *lineSource) read(ended <-chan struct{}) {
	defer close(s.lines)
	sc := bufio.NewScanner(s.r)
	for sc.Scan() {
		select {
		case s.lines <- sc.Text():
		case <-ended:
			return
		}
	}
}

func (s *lineSource) next(ended <-chan struct{}) (step, bool, error) {
	s.once.Do(func() { go s.read(ended) })
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
