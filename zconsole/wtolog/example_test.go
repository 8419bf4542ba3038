package wtolog_test

import (
	"log/slog"
	"os"

	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// Every record goes to the next handler, here the job's SYSOUT, as if wtolog were not
// there; the warning goes to the console too, as DMO010W queue deep depth=5000.
func ExampleNewHandler() {
	sysout := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // no time, so that the output reads the same each run
			}
			return a
		},
	})
	h := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO", Next: sysout})
	defer h.Close()

	log := slog.New(h)
	log.Info("request served", "path", "/status")
	log.Warn("queue deep", "msgid", "DMO010", "depth", 5000)
	// Output:
	// level=INFO msg="request served" path=/status
	// level=WARN msg="queue deep" msgid=DMO010 depth=5000
}
