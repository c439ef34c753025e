#!/usr/bin/env bash
# The main job (`make run`): build the PR-KVM trampoline image with the project's own
# assembler and linker, then boot it. The verdict line and the exit status come from the
# image itself (KVM-TRAMPOLINE: PASS / FAIL).
set -euo pipefail
cd "$(dirname "$0")/.."

make --no-print-directory image
echo "== built build/kvm-trampoline.elf with ppc64-as / ppc64-ld (map: build/kvm-trampoline.map)"
echo "== booting it under qemu-system-ppc64 (pseries, VOF, -icount shift=0)"
node dist/scripts/qemu-run.js build/kvm-trampoline.elf
