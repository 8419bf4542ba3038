#!/usr/bin/env bash
# test-s390x.sh [go test flags...]: the whole test suite on linux/s390x, big-endian
# z/Architecture, the closest thing to z/OS here: the library module's and the
# benchmark module's (bench/) tests.
#
# Every package with tests is cross-built with cgo (CC=s390x-linux-gnu-gcc), for the
# simulator build (-tags zconsolesim) and for the build without a console, and each test
# binary runs under qemu-s390x-static from its package's folder, as `go test` would run
# it. The simulator maps its 31-bit arena at 0x10000000 upwards there too, so control
# blocks carry real 31-bit addresses, big-endian, as on z/OS.
#
# Environment: S390X_CC, S390X_SYSROOT, QEMU, S390X_OUT (default bin/s390x).
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
QEMU=${QEMU:-qemu-s390x-static}
SYSROOT=${S390X_SYSROOT:-/usr/s390x-linux-gnu}
OUT=${S390X_OUT:-bin/s390x}
export GOARCH=s390x CGO_ENABLED=1 CC=${S390X_CC:-s390x-linux-gnu-gcc}
root=$(pwd)
failed=0

# Tests that run their own binary again (signal and exit tests), and the demo's tests,
# which build the demo and run it, start s390x programs: internal/testexec runs them
# under the emulator this names, so no binfmt_misc registration (root) is needed.
export ZCONSOLE_TEST_EMULATOR="$QEMU -L $SYSROOT"

for tags in zconsolesim ""; do
	name=${tags:-stub}
	mkdir -p "$OUT/$name"
	rm -f "$OUT/$name"/*.test
	for module in . bench; do
		mapfile -t pkgs < <("$GO" -C "$module" list -tags "$tags" -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}={{.Dir}}{{end}}' ./...)
		for entry in "${pkgs[@]}"; do
			pkg=${entry%%=*} dir=${entry#*=}
			bin="$root/$OUT/$name/$(echo "${pkg#*/*/*/}" | tr / _).test"
			"$GO" -C "$module" test -c -tags "$tags" -o "$bin" "$pkg"
			echo "test-s390x ($name): $pkg"
			if ! (cd "$dir" && "$QEMU" -L "$SYSROOT" "$bin" -test.count=1 -test.timeout=10m "$@"); then
				echo "test-s390x ($name): FAIL $pkg" >&2
				failed=1
			fi
		done
	done
done
exit $failed
