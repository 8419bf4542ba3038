#!/usr/bin/env bash
# fuzz.sh DURATION [LIST]: run every fuzz target in LIST (default scripts/fuzz-targets.txt)
# for DURATION each, with the simulator built in. A line is `package FuzzName [go test
# flags]`; blank lines and lines starting with # are skipped. A failing input is written
# to the package's testdata/fuzz/FuzzName/, where `go test` replays it from then on.
# The run fails if a target finds a failing input, or is missing from its package.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
time=${1:?usage: fuzz.sh DURATION [LIST]}
list=${2:-scripts/fuzz-targets.txt}
failed=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
files() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
while read -r pkg name flags; do
	case "$pkg" in '' | '#'*) continue ;; esac
	echo "fuzz: $pkg $name $flags ($time)"
	# A target that is not there would fuzz nothing and pass: fail instead.
	listed=$("$GO" test -tags zconsolesim -list "^$name\$" "$pkg" </dev/null) || listed=
	if ! grep -qx "$name" <<<"$listed"; then
		echo "fuzz: no $name in $pkg" >&2
		failed+=("$pkg $name $flags")
		continue
	fi
	corpus="$("$GO" list -f '{{.Dir}}' "$pkg" </dev/null)/testdata/fuzz/$name"
	before=$(files "$corpus")
	# shellcheck disable=SC2086 # the flags are words
	if "$GO" test -tags zconsolesim $flags -run '^$' -fuzz "^$name\$" -fuzztime "$time" "$pkg" </dev/null 2>&1 | tee "$log"; then
		continue
	fi
	# Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a failure
	# (go.dev/issue/75804, fixed in Go 1.27): "context deadline exceeded" and no input
	# written. That is not a finding; anything else is.
	after=$(files "$corpus")
	if [ "$after" -eq "$before" ] && grep -q '^    context deadline exceeded$' "$log" &&
		! grep -q 'Failing input written' "$log"; then
		echo "fuzz: $name stopped by Go's fuzztime race (go.dev/issue/75804), no failing input: passed"
		continue
	fi
	failed+=("$pkg $name $flags")
done <"$list"
if [ ${#failed[@]} -ne 0 ]; then
	printf 'fuzz: FAIL %s\n' "${failed[@]}" >&2
	exit 1
fi
