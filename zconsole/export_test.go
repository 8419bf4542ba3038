package zconsole

// MaxRetired is the bound Ask keeps to in a program.
const MaxRetired = maxRetired

// In the simulator a question deleted unanswered is never replied to afterwards, so its
// storage stays retired for the life of the test binary, and go test -count=N makes N
// times as many: tests run with a bound no run reaches, and the test of the bound sets
// its own (SetRetiredLimit).
func init() { retired.limit = 1 << 20 }

// RetiredAsks is the number of questions whose storage is kept because the system may
// still write a reply into it (Ask): the program storage a test may find left over.
func RetiredAsks() int {
	retired.Lock()
	defer retired.Unlock()
	return len(retired.refs)
}

// SetRetiredLimit makes Ask refuse to ask while n questions' storage is kept, and
// returns what puts the bound back.
func SetRetiredLimit(n int) (restore func()) {
	retired.Lock()
	defer retired.Unlock()
	was := retired.limit
	retired.limit = n
	return func() {
		retired.Lock()
		retired.limit = was
		retired.Unlock()
	}
}

// SetWatchHook makes every watch's goroutine call f before its WAIT, and returns what
// takes f away. Call it with no Wait running.
func SetWatchHook(f func()) (restore func()) {
	testHookWatch.Store(&f)
	return func() { testHookWatch.Store(nil) }
}
