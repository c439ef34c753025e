# kvm-asm/kvm.mk: the PR-KVM trampoline image (included by the main Makefile).
#
#   make image       build/kvm-trampoline.elf (+ .map) with the project's ppc64-as / ppc64-ld
#   make gnu-image   build/gnu/kvm-trampoline.elf (+ .map) with the GNU tools, same sources
#   make qemu        boot build/kvm-trampoline.elf under qemu-system-ppc64 (QEMU_ARGS=--trace ...)
#   make qemu-gnu    the same for the GNU image
#
# Both images come out of one recipe: preprocess + assemble each .S (gcc -c conventions:
# -I/-D/-c/-o), then link with kvm-trampoline.lds. Only the tool variables differ.
# KVM_DEFINES adds -D options (the negative-control test builds a variant with
# KVM_DEFINES=-DKVM_NEGATIVE_SKIP_SAVE_R7 KVM_GNU_DIR=<its own directory>).

KVM_DIR      := kvm-asm
KVM_LDS      := $(KVM_DIR)/kvm-trampoline.lds
# Link order matters: head_64.o starts the image (entry at 0, vectors at 0x100).
KVM_SRCS     := head_64.S book3s_64_interrupts.S host/main.S host/exits.S host/services.S host/mmu.S \
                host/console.S guest/guest.S
KVM_DEPS     := $(wildcard $(KVM_DIR)/*.S $(KVM_DIR)/include/*.h $(KVM_DIR)/host/*.h) \
                offsets/generated/asm-offsets.h
KVM_DEFINES  ?=
KVM_CPPFLAGS  = -I $(KVM_DIR)/include -I $(KVM_DIR)/host -I offsets/generated $(KVM_DEFINES)

# The project's tools, ppc64-as and ppc64-ld (bin/ launchers over dist/, built by `make build`).
KVM_OUR_AS   ?= $(NODE) bin/ppc64-as.js
KVM_OUR_LD   ?= $(NODE) bin/ppc64-ld.js
KVM_OUR_DIR  ?= build
# The GNU tools: gcc runs cpp and gas for a .S file.
KVM_GNU_AS   ?= powerpc64-linux-gnu-gcc -x assembler-with-cpp
KVM_GNU_LD   ?= powerpc64-linux-gnu-ld
KVM_GNU_DIR  ?= build/gnu
# GNU ld warns that the image's one segment is RWX; so is a kernel's. Cosmetic, GNU only.
KVM_GNU_LDFLAGS ?= --no-warn-rwx-segments

KVM_OUR_OBJS := $(addprefix $(KVM_OUR_DIR)/obj/,$(KVM_SRCS:.S=.o))
KVM_GNU_OBJS := $(addprefix $(KVM_GNU_DIR)/obj/,$(KVM_SRCS:.S=.o))

.PHONY: image gnu-image qemu qemu-gnu
all: image

image: $(KVM_OUR_DIR)/kvm-trampoline.elf
gnu-image: $(KVM_GNU_DIR)/kvm-trampoline.elf

$(KVM_OUR_DIR)/obj/%.o: $(KVM_DIR)/%.S $(KVM_DEPS) dist/.stamp
	@mkdir -p $(dir $@)
	$(KVM_OUR_AS) $(KVM_CPPFLAGS) -c -o $@ $<

$(KVM_OUR_DIR)/kvm-trampoline.elf: $(KVM_OUR_OBJS) $(KVM_LDS) dist/.stamp
	$(KVM_OUR_LD) -T $(KVM_LDS) -Map $(@:.elf=.map) -o $@ $(KVM_OUR_OBJS)

$(KVM_GNU_DIR)/obj/%.o: $(KVM_DIR)/%.S $(KVM_DEPS)
	@mkdir -p $(dir $@)
	$(KVM_GNU_AS) $(KVM_CPPFLAGS) -c -o $@ $<

$(KVM_GNU_DIR)/kvm-trampoline.elf: $(KVM_GNU_OBJS) $(KVM_LDS)
	$(KVM_GNU_LD) $(KVM_GNU_LDFLAGS) -T $(KVM_LDS) -Map $(@:.elf=.map) -o $@ $(KVM_GNU_OBJS)

QEMU_ARGS ?=
qemu: image build
	$(NODE) dist/scripts/qemu-run.js $(QEMU_ARGS) $(KVM_OUR_DIR)/kvm-trampoline.elf

qemu-gnu: gnu-image build
	$(NODE) dist/scripts/qemu-run.js $(QEMU_ARGS) $(KVM_GNU_DIR)/kvm-trampoline.elf
