package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, w string }{
		{sig3(0), "0"},
		{sig3(0.012345), "0.0123"},
		{sig3(1.2345), "1.23"},
		{sig3(12.345), "12.3"},
		{sig3(123.45), "123"},
		{sig3(1234567), "1,234,567"},
		{sig3(-1500), "-1,500"},
		{dur(850), "850 ns"},
		{dur(31_700), "31.7 µs"},
		{dur(2_500_000), "2.50 ms"},
		{dur(2.5e9), "2.50 s"},
		{times(1.428), "1.43×"},
		{size(160), "160 B"},
		{size(12288), "12.0 KiB"},
		{spread(Summary{N: 3, Median: 2, Min: 1, Max: 3}, sig3), "(1.00–3.00, 3 runs)"},
		{spread(Summary{N: 1, Median: 2, Min: 2, Max: 2}, sig3), "(1 run)"},
		{withSpread(Summary{}, sig3), "not measured"},
	} {
		assert.Equal(t, tc.w, tc.got)
	}
}
