/*
 * Host data structures of the PR-KVM design with a PACA-backed shadow vcpu
 * (see shared docs trampoline-protocol.md §Data; names follow Linux so readers can map one
 * onto the other). The assembly never hard-codes an offset into these structures: the
 * offsets generator lays them out and writes offsets/generated/asm-offsets.h from the
 * DEFINE list in offsets/asm-offsets.c.
 *
 * Appending a field: add it here, add a DEFINE to asm-offsets.c, run `make offsets`.
 * This header is C only (never included from .S files).
 */
#ifndef PPC64_KVM_HOST_H
#define PPC64_KVM_HOST_H

#include "kvm_types.h"

/* Guest shadow SLB entries the real-mode entry trampoline loads with slbmte. */
#define KVM_SLB_ENTRIES 64
/* Bolted host SLB entries restored on exit (linear mapping, stack, spare). */
#define SLB_NUM_BOLTED 3
/* Save area of the host's own vectors, in doublewords. */
#define EX_SIZE 10

/* One SLB entry as slbmte wants it: RB = ESID word (ESID | V | index), RS = VSID word. */
struct kvmppc_slb_entry {
	u64 esid;
	u64 vsid;
};

/* The bolted host SLB entries, kept where the exit trampoline can reload them in real mode. */
struct slb_shadow {
	u32 persistent;		/* number of valid save_area entries */
	u32 buffer_length;
	u64 reserved;
	struct kvmppc_slb_entry save_area[SLB_NUM_BOLTED];
} __aligned(128);

/*
 * The guest's volatile state while it runs, and the trampolines' own bookkeeping. Lives
 * inside the PACA so the real-mode trampolines reach it through r13 with the MMU off; no
 * other path writes it.
 */
struct kvmppc_book3s_shadow_vcpu {
	ulong gpr[14];		/* guest r0-r13 */
	u32 cr;			/* guest CR */
	u32 xer;		/* guest XER: 32 bits, loaded and stored as a word */
	ulong host_r1;		/* host stack pointer across the guest run */
	ulong host_r2;		/* host TOC */
	ulong handler;		/* unused, kept for the Linux layout */
	ulong scratch0;		/* vector: guest r12 */
	ulong scratch1;		/* vector: guest CR (first word) */
	ulong vmhandler;	/* virtual address of kvmppc_handler_highmem */
	ulong rmhandler;	/* real address of the trampoline-enter code */
};

/* Per-CPU host data, reached through r13 (host code) or SPRG1 (vectors). */
struct paca_struct {
	struct paca_struct *paca_self;	/* the PACA's own (virtual) address */
	u64 kernel_toc;			/* host TOC pointer */
	u64 kernelbase;			/* virtual base of the host image */
	u16 paca_index;			/* CPU number */
	u8 hw_cpu_id_pad[6];
	struct slb_shadow *slb_shadow_ptr;	/* bolted host SLB entries */
	u64 saved_r1;
	u64 saved_msr;
	u64 sprg2_save;			/* vectors: r13 parked while SPRG2 is busy */
	u64 exgen[EX_SIZE];		/* save area of the host's own vectors */
	u64 exslb[EX_SIZE];

	/* PR-KVM: the guest's shadow SLB and the shadow vcpu. */
	u8 kvm_in_guest;		/* 0 = host, 1 = in the guest (tested by the vectors) */
	u8 kvm_slb_max;			/* number of leading kvm_slb entries in use */
	struct kvmppc_slb_entry kvm_slb[KVM_SLB_ENTRIES];
	struct kvmppc_book3s_shadow_vcpu shadow_vcpu;

	/* kvm-asm mini host: interrupts its own handlers took (decrementer via call_linux_handler). */
	u64 host_dec_count;
} __aligned(128);

/* The host's exit statistics for one vcpu. */
struct kvm_vcpu_stat {
	u64 sum_exits;
	u64 syscall_exits;		/* 0xc00: guest services */
	u64 dec_exits;			/* 0x900 */
	u64 ext_intr_exits;		/* 0x500 */
	u64 isi_exits;			/* 0x400 */
	u64 dsi_exits;			/* 0x300 */
	u64 isegment_exits;		/* 0x480 */
	u64 dsegment_exits;		/* 0x380 */
	u64 program_exits;		/* 0x700 */
	u64 other_exits;		/* any other vector */
	u64 light_exits;		/* resumed without leaving the run loop */

	/* kvm-asm mini host: the other exits its guest provokes, and what the host did. */
	u64 align_exits;		/* 0x600 */
	u64 fp_unavail_exits;		/* 0x800 */
	u64 trace_exits;		/* 0xd00 */
	u64 altivec_exits;		/* 0xf20 */
	u64 vsx_exits;			/* 0xf40 */
	u64 heavy_exits;		/* resumed with RESUME_GUEST_NV (guest r14-r31 reloaded) */
	u64 emulated_insts;		/* privileged instructions emulated */
	u64 denied_accesses;		/* guest accesses outside its memory, refused */
};

/* Stack frame of __kvmppc_vcpu_entry: the ELFv1 frame header, then a pt_regs image. */
#define STACK_FRAME_OVERHEAD 112

struct pt_regs {
	ulong gpr[32];
	ulong nip;
	ulong msr;
	ulong orig_gpr3;
	ulong ctr;
	ulong link;
	ulong xer;
	ulong ccr;
	ulong softe;
	ulong trap;
	ulong dar;
	ulong dsisr;
	ulong result;
};

/* kvm-asm mini host: a range of guest effective addresses backed by guest pages. */
#define KVM_GUEST_REGIONS 8
#define KVM_GUEST_PAGES 16

struct kvm_guest_region {
	ulong ea;			/* first guest effective address (page aligned) */
	ulong npages;			/* 4 KB pages; 0 ends the table */
	ulong gpage;			/* index of the first backing page in the guest memory */
};

/* Architecture part of the vcpu (Book3S-64, PR). Field order follows Linux where it exists. */
struct kvm_vcpu_arch {
	ulong host_stack;
	u32 host_pid;

	ulong host_msr;			/* MSR to return to the host with */
	ulong host_r2;
	void *host_retip;		/* kvm_return_point */
	ulong trampoline_lowmem;	/* real address of the low-memory trampoline */
	ulong trampoline_enter;		/* real address of trampoline enter */
	ulong highmem_handler;		/* virtual address of kvmppc_handler_highmem */
	ulong host_paca_phys;

	ulong gpr[32];			/* r14-r31 live here while the guest runs */
	ulong pc;
	ulong ctr;
	ulong lr;

	ulong msr;			/* the guest's virtual MSR */
	ulong shadow_msr;		/* the MSR the guest really runs with */
	ulong hflags;			/* BOOK3S_HFLAG_* */

	u32 last_inst;			/* instruction at the guest PC (DSI/program exits) */
	ulong fault_dsisr;
	ulong fault_dear;

	/* The guest's memory: one contiguous region of the host image. */
	ulong guest_mem_va;		/* host virtual address of the region */
	ulong guest_mem_ra;		/* its real address */
	ulong guest_mem_size;		/* bytes */
	ulong guest_ea_base;		/* guest effective address of its first byte */

	/* The guest's SLB as the host keeps it; copied into the PACA before entry. */
	struct kvmppc_slb_entry slb[KVM_SLB_ENTRIES];
	u8 slb_max;

	/* kvm-asm mini host bookkeeping. */
	struct kvm_guest_region gmap[KVM_GUEST_REGIONS];	/* guest EA ranges */
	ulong gpage_ptex[KVM_GUEST_PAGES];	/* HPTE index + 1 of each guest page, 0 = unmapped */
	ulong ext_msr;			/* MSR_FP/VEC/VSX given to the guest lazily, MSR_SE while tracing */
	ulong sstep_left;		/* single-step traces still wanted by the guest */
	ulong guest_failures;		/* checks the guest reported as failed */
};

/* What the run loop reports to its caller. */
struct kvm_run {
	u32 exit_reason;		/* KVM_EXIT_* of the project */
	u32 exit_id;			/* last exit vector */
	u64 exit_code;			/* e.g. the guest's halt code */
};

struct kvm_vcpu {
	struct kvm_run *run;
	s32 cpu;
	s32 vcpu_id;
	struct kvm_vcpu_stat stat;
	struct kvm_vcpu_arch arch;
};

#endif /* PPC64_KVM_HOST_H */
