#!/usr/bin/env bash
# install-debs.sh PACKAGE...: make sure the named Debian packages are installed.
#
# Idempotent: it does nothing when every package is already installed, and runs
# `apt-get update` only when something is missing. Used by the Makefile's checks that need
# tools a fresh Debian machine with Go and gcc lacks (clang-19 for check-zos; qemu and the
# s390x cross compiler for test-s390x).
set -euo pipefail

missing=()
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null; then
		sudo=(sudo)
	else
		echo "install-debs: not root and no sudo; install these Debian packages: ${missing[*]}" >&2
		exit 1
	fi
fi
echo "install-debs: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
