package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseShutdown(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		w          Shutdown
		wErr       string
	}{
		{name: "stop, as the demo writes it",
			line: "01:47:59.295 EVENT    shutdown: cause=stop rc=0 stop_to_exit_ms=0.391 drain_ms=0.092 close_ms=0.263 typed_to_exit_ms=0.432",
			w:    Shutdown{Cause: "stop", StopToExit: 0.391, Drain: 0.092, Close: 0.263, Typed: 0.432}},
		{name: "idle, no typed_to_exit_ms",
			line: "shutdown: cause=idle rc=4 stop_to_exit_ms=1.673 drain_ms=0.159 close_ms=1.402",
			w:    Shutdown{Cause: "idle", RC: 4, StopToExit: 1.673, Drain: 0.159, Close: 1.402, Typed: -1}},
		{name: "a key it does not know",
			line: "shutdown: cause=signal rc=0 stop_to_exit_ms=1 drain_ms=0 close_ms=1 future_ms=3",
			w:    Shutdown{Cause: "signal", StopToExit: 1, Close: 1, Typed: -1}},
		{name: "not the line", line: "DMO039I DEMO ended",
			wErr: `report: not a shutdown line: "DMO039I DEMO ended"`},
		{name: "missing figure", line: "shutdown: cause=stop rc=0 drain_ms=0 close_ms=1",
			wErr: `report: shutdown line without stop_to_exit_ms: "shutdown: cause=stop rc=0 drain_ms=0 close_ms=1"`},
		{name: "bad figure", line: "shutdown: cause=stop rc=0 stop_to_exit_ms=soon drain_ms=0 close_ms=1",
			wErr: `report: shutdown line: stop_to_exit_ms: strconv.ParseFloat: parsing "soon": invalid syntax`},
		{name: "not key=value", line: "shutdown: cause=stop rc=0 stop",
			wErr: `report: shutdown line: "stop" is not key=value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseShutdown(tc.line)
			if tc.wErr != "" {
				assert.EqualError(t, err, tc.wErr)
				return
			}
			assert.NoError(t, err)
			assert.Equal(t, tc.w, s)
		})
	}
}
