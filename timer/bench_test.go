package timer

import (
	"testing"
	"time"
)

// BenchmarkActivity measures reporting activity from all goroutines at once to one
// idle timeout: Idle.Touch against Timer.Reset, which updates the runtime timer on
// every call. Both sides are this package's; its comparisons with time.AfterFunc, the
// runtime timer it is built on, are in the benchmark module (bench/timers).
func BenchmarkActivity(b *testing.B) {
	const interval = time.Hour // long enough that neither fires
	fn := func() {}
	b.Run("impl=IdleTouch", func(b *testing.B) {
		i := NewIdle(interval, fn)
		defer i.Stop()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i.Touch()
			}
		})
	})
	b.Run("impl=TimerReset", func(b *testing.B) {
		t := New(interval, fn)
		_ = t.Start()
		defer t.Cancel()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				t.Reset(interval)
			}
		})
	})
}
