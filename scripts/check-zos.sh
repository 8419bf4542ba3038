#!/usr/bin/env bash
# check-zos.sh: compile every C file z/OS builds for the z/OS target, warnings as errors.
#
# The file list comes from scripts/zos-files.go: the go command's own constraint rules
# evaluated for GOOS=zos, GOARCH=s390x, cgo, without the zconsolesim tag. Each file is
# compiled to assembler with clang's s390x-ibm-zos target, which defines __MVS__, lays
# data out big-endian and checks the HLASM mnemonics in inline assembler (SVC, SAM31,
# ...): a misspelt instruction, a type error or a warning fails the check. There is no
# z/OS C library here, so scripts/zos-shim/ declares the few functions the files call.
#
# -fno-jump-tables: clang 19's z/OS assembly printer crashes emitting a switch's jump
# table (llvm::AsmPrinter::emitJumpTableInfo, at -O0 as at -O2); a chain of compares
# checks the same source. The assembler output goes to $ZOS_OUT (default bin/zos).
set -euo pipefail
cd "$(dirname "$0")/.."

CLANG=${CLANG:-clang-19}
OUT=${ZOS_OUT:-bin/zos}
GO=${GO:-go}
resource=$("$CLANG" -print-resource-dir)
mkdir -p "$OUT"
rm -f "$OUT"/*.s

mapfile -t files < <("$GO" run scripts/zos-files.go)
flags=(--target=s390x-ibm-zos -fms-extensions -ffreestanding -nostdinc
	-isystem "$resource/include" -isystem scripts/zos-shim
	-std=gnu11 -O2 -fno-jump-tables -Wall -Wextra -Werror)
for f in "${files[@]}"; do
	out="$OUT/$(basename "${f%.c}").s"
	echo "check-zos: $f"
	"$CLANG" "${flags[@]}" -S -o "$out" "$f"
done
# The assembler output must hold every supervisor call the module issues (WAIT, POST,
# QEDIT, WTO/WTOR, EXTRACT, DOM): a file compiled to nothing (an #if that hid the code)
# is not a pass.
for svc in 'svc	1$' 'svc	2$' 'svc	34$' 'svc	35$' 'svc	40$' 'svc	87$'; do
	if ! grep -qi -- "$svc" "$OUT"/*.s; then
		echo "check-zos: no \"$svc\" instruction in the z/OS assembler output" >&2
		exit 1
	fi
done
# What z/OS links: every C function the z/OS build's Go code calls must be defined by
# the z/OS C (a .globl in its assembler) or be the C library's (declared in the shim). A
# file whose constraint leaves it out of the z/OS build fails here, not at a link on z/OS.
missing=()
while read -r fn; do
	grep -Eq "^[[:space:]]*\.globl[[:space:]]+$fn([[:space:]]|\$)" "$OUT"/*.s ||
		grep -Eq "[^[:alnum:]_]$fn\(" scripts/zos-shim/*.h || missing+=("$fn")
done < <("$GO" run scripts/zos-files.go -calls)
if [ ${#missing[@]} -ne 0 ]; then
	echo "check-zos: the z/OS Go code calls C functions no z/OS C file defines: ${missing[*]}" >&2
	exit 1
fi
# Go files only z/OS compiles would be type-checked by no build here (see zos-files.go).
mapfile -t untyped < <("$GO" run scripts/zos-files.go -go)
if [ ${#untyped[@]} -ne 0 ]; then
	echo "check-zos: Go files only z/OS builds, so nothing here type-checks them:" >&2
	printf '  %s\n' "${untyped[@]}" >&2
	echo "check-zos: let the simulator build (zconsolesim) or the stub build compile them too" >&2
	exit 1
fi
echo "check-zos: ${#files[@]} C files compiled for s390x-ibm-zos, defining every C function the z/OS Go code calls; every z/OS Go file is type-checked here"
