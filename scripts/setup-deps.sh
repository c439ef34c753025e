#!/usr/bin/env bash
# Install the Debian packages the tests use as oracles (GNU binutils/gcc for
# powerpc64, qemu-system-ppc64). Skips everything already present, so it is
# cheap to run before every `make test`.
set -euo pipefail

need=()
command -v powerpc64-linux-gnu-as  >/dev/null 2>&1 || need+=(binutils-powerpc64-linux-gnu)
command -v powerpc64-linux-gnu-gcc >/dev/null 2>&1 || need+=(gcc-powerpc64-linux-gnu)
command -v qemu-system-ppc64       >/dev/null 2>&1 || need+=(qemu-system-ppc)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-deps: need root (or sudo) to install: ${need[*]}" >&2
    exit 1
  fi
fi

echo "setup-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
