# simulator/simulator.mk: the reference simulator's targets (included by the main Makefile).
#
#   make bench-sim   ppc64-sim vs qemu-system-ppc64: MIPS on a ~10^8-instruction compute loop
#                    (qemu with and without -icount) and the trampoline image end to end
#
# The benchmark builds its own bare-metal image with the GNU tools; it times the GNU-built
# trampoline image, so it depends on gnu-image (kvm-asm/kvm.mk).
bench-sim: deps setup build gnu-image
	$(NODE) dist/simulator/bench.js
