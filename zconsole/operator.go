package zconsole

// The simulated system's operator at a console (package zconsole/sim's Operator), in
// the simulator build: operator_sim.go sets these in its init; in every other build
// they stay nil and cost a comparison.
var operator struct {
	open  func() error  // at each Init, before it opens the console: ZCONSOLE_OPERATOR
	shown func()        // after each message written: the console shows it
	job   func() uint64 // the simulated job's number, a new one after each sim.Reset
}

// meetOperator brings the operator ZCONSOLE_OPERATOR asks for to the console, at the
// process's first Init.
func meetOperator() error {
	if operator.open == nil {
		return nil
	}
	return operator.open()
}

// shown lets the simulated operator's console show the message just written before the
// call that wrote it returns.
func shown() {
	if operator.shown != nil {
		operator.shown()
	}
}

// job is the number of the job this process is: always 0 on z/OS, where a process
// is one job for its life; the simulated job's, which sim.Reset renews.
func job() uint64 {
	if operator.job == nil {
		return 0
	}
	return operator.job()
}
