#!/usr/bin/env bash
# The main job (`make run`): build the PR-KVM trampoline image with the project's own
# assembler and linker, then boot it. The verdict line and the exit status come from the
# image itself (KVM-TRAMPOLINE: PASS / FAIL).
set -euo pipefail
cd "$(dirname "$0")/.."

make --no-print-directory image
echo "== built build/kvm-trampoline.elf with ppc64-as / ppc64-ld (map: build/kvm-trampoline.map)"
echo "== running it under ppc64-sim, the in-tree reference simulator of qemu's pseries machine"
echo "   (make qemu boots the same image under qemu-system-ppc64)"
bin/ppc64-sim.js build/kvm-trampoline.elf
