/*
 * The constants the assembly uses, kbuild style: one DEFINE(NAME, integer constant
 * expression) per line, BLANK() for an empty line in the output. `make offsets` turns this
 * file into offsets/generated/asm-offsets.h; `make offsets-check` fails when the committed
 * header is stale. The same file compiles with `powerpc64-linux-gnu-gcc -S` (the
 * differential test does that and compares every value).
 *
 * Add new lines INSIDE main(), before the closing brace.
 */
#include "kvm_host.h"
#include "kbuild.h"

int main(void)
{
	/* PACA */
	DEFINE(PACA_SIZE, sizeof(struct paca_struct));
	DEFINE(PACA_SELF, offsetof(struct paca_struct, paca_self));
	DEFINE(PACATOC, offsetof(struct paca_struct, kernel_toc));
	DEFINE(PACAKBASE, offsetof(struct paca_struct, kernelbase));
	DEFINE(PACAPACAINDEX, offsetof(struct paca_struct, paca_index));
	DEFINE(PACA_SLBSHADOWPTR, offsetof(struct paca_struct, slb_shadow_ptr));
	DEFINE(PACAR1, offsetof(struct paca_struct, saved_r1));
	DEFINE(PACASAVEDMSR, offsetof(struct paca_struct, saved_msr));
	DEFINE(PACA_SPRG2_SAVE, offsetof(struct paca_struct, sprg2_save));
	DEFINE(PACA_EXGEN, offsetof(struct paca_struct, exgen));
	DEFINE(PACA_EXSLB, offsetof(struct paca_struct, exslb));
	DEFINE(SLBSHADOW_SAVEAREA, offsetof(struct slb_shadow, save_area));
	DEFINE(SLBSHADOW_SIZE, sizeof(struct slb_shadow));
	DEFINE(SLB_NUM_BOLTED, SLB_NUM_BOLTED);
	BLANK();

	/* PACA shadow vcpu: guest r0-r13, CR, XER and the trampolines' bookkeeping */
	DEFINE(PACA_KVM_IN_GUEST, offsetof(struct paca_struct, kvm_in_guest));
	DEFINE(PACA_KVM_SLB, offsetof(struct paca_struct, kvm_slb));
	DEFINE(PACA_KVM_SLB_MAX, offsetof(struct paca_struct, kvm_slb_max));
	DEFINE(PACA_KVM_SLB_SIZE, sizeof(struct kvmppc_slb_entry));
	DEFINE(PACA_KVM_SLB_ENTRIES, KVM_SLB_ENTRIES);
	DEFINE(PACA_KVM_SLB_ESID, offsetof(struct kvmppc_slb_entry, esid));
	DEFINE(PACA_KVM_SLB_VSID, offsetof(struct kvmppc_slb_entry, vsid));
	DEFINE(PACA_KVM_SHADOW_VCPU, offsetof(struct paca_struct, shadow_vcpu));
	DEFINE(PACA_KVM_CR, offsetof(struct paca_struct, shadow_vcpu.cr));
	DEFINE(PACA_KVM_XER, offsetof(struct paca_struct, shadow_vcpu.xer));
	DEFINE(PACA_KVM_R0, offsetof(struct paca_struct, shadow_vcpu.gpr[0]));
	DEFINE(PACA_KVM_R1, offsetof(struct paca_struct, shadow_vcpu.gpr[1]));
	DEFINE(PACA_KVM_R2, offsetof(struct paca_struct, shadow_vcpu.gpr[2]));
	DEFINE(PACA_KVM_R3, offsetof(struct paca_struct, shadow_vcpu.gpr[3]));
	DEFINE(PACA_KVM_R4, offsetof(struct paca_struct, shadow_vcpu.gpr[4]));
	DEFINE(PACA_KVM_R5, offsetof(struct paca_struct, shadow_vcpu.gpr[5]));
	DEFINE(PACA_KVM_R6, offsetof(struct paca_struct, shadow_vcpu.gpr[6]));
	DEFINE(PACA_KVM_R7, offsetof(struct paca_struct, shadow_vcpu.gpr[7]));
	DEFINE(PACA_KVM_R8, offsetof(struct paca_struct, shadow_vcpu.gpr[8]));
	DEFINE(PACA_KVM_R9, offsetof(struct paca_struct, shadow_vcpu.gpr[9]));
	DEFINE(PACA_KVM_R10, offsetof(struct paca_struct, shadow_vcpu.gpr[10]));
	DEFINE(PACA_KVM_R11, offsetof(struct paca_struct, shadow_vcpu.gpr[11]));
	DEFINE(PACA_KVM_R12, offsetof(struct paca_struct, shadow_vcpu.gpr[12]));
	DEFINE(PACA_KVM_R13, offsetof(struct paca_struct, shadow_vcpu.gpr[13]));
	DEFINE(PACA_KVM_HOST_R1, offsetof(struct paca_struct, shadow_vcpu.host_r1));
	DEFINE(PACA_KVM_HOST_R2, offsetof(struct paca_struct, shadow_vcpu.host_r2));
	DEFINE(PACA_KVM_VMHANDLER, offsetof(struct paca_struct, shadow_vcpu.vmhandler));
	DEFINE(PACA_KVM_RMHANDLER, offsetof(struct paca_struct, shadow_vcpu.rmhandler));
	DEFINE(PACA_KVM_SCRATCH0, offsetof(struct paca_struct, shadow_vcpu.scratch0));
	DEFINE(PACA_KVM_SCRATCH1, offsetof(struct paca_struct, shadow_vcpu.scratch1));
	BLANK();

	/* vcpu */
	DEFINE(VCPU_SIZE, sizeof(struct kvm_vcpu));
	DEFINE(VCPU_RUN, offsetof(struct kvm_vcpu, run));
	DEFINE(VCPU_HOST_STACK, offsetof(struct kvm_vcpu, arch.host_stack));
	DEFINE(VCPU_HOST_PID, offsetof(struct kvm_vcpu, arch.host_pid));
	DEFINE(VCPU_GPRS, offsetof(struct kvm_vcpu, arch.gpr));
	DEFINE(VCPU_LR, offsetof(struct kvm_vcpu, arch.lr));
	DEFINE(VCPU_CTR, offsetof(struct kvm_vcpu, arch.ctr));
	DEFINE(VCPU_PC, offsetof(struct kvm_vcpu, arch.pc));
	DEFINE(VCPU_MSR, offsetof(struct kvm_vcpu, arch.msr));
	DEFINE(VCPU_LAST_INST, offsetof(struct kvm_vcpu, arch.last_inst));
	DEFINE(VCPU_FAULT_DEAR, offsetof(struct kvm_vcpu, arch.fault_dear));
	DEFINE(VCPU_FAULT_DSISR, offsetof(struct kvm_vcpu, arch.fault_dsisr));
	DEFINE(VCPU_HOST_RETIP, offsetof(struct kvm_vcpu, arch.host_retip));
	DEFINE(VCPU_HOST_R2, offsetof(struct kvm_vcpu, arch.host_r2));
	DEFINE(VCPU_HOST_MSR, offsetof(struct kvm_vcpu, arch.host_msr));
	DEFINE(VCPU_HOST_PACA_PHYS, offsetof(struct kvm_vcpu, arch.host_paca_phys));
	DEFINE(VCPU_SHADOW_MSR, offsetof(struct kvm_vcpu, arch.shadow_msr));
	DEFINE(VCPU_TRAMPOLINE_LOWMEM, offsetof(struct kvm_vcpu, arch.trampoline_lowmem));
	DEFINE(VCPU_TRAMPOLINE_ENTER, offsetof(struct kvm_vcpu, arch.trampoline_enter));
	DEFINE(VCPU_HIGHMEM_HANDLER, offsetof(struct kvm_vcpu, arch.highmem_handler));
	DEFINE(VCPU_HFLAGS, offsetof(struct kvm_vcpu, arch.hflags));
	DEFINE(VCPU_GUEST_MEM_VA, offsetof(struct kvm_vcpu, arch.guest_mem_va));
	DEFINE(VCPU_GUEST_MEM_RA, offsetof(struct kvm_vcpu, arch.guest_mem_ra));
	DEFINE(VCPU_GUEST_MEM_SIZE, offsetof(struct kvm_vcpu, arch.guest_mem_size));
	DEFINE(VCPU_GUEST_EA_BASE, offsetof(struct kvm_vcpu, arch.guest_ea_base));
	DEFINE(VCPU_SLB, offsetof(struct kvm_vcpu, arch.slb));
	DEFINE(VCPU_SLB_MAX, offsetof(struct kvm_vcpu, arch.slb_max));
	BLANK();

	/* exit statistics */
	DEFINE(VCPU_STAT_SUM_EXITS, offsetof(struct kvm_vcpu, stat.sum_exits));
	DEFINE(VCPU_STAT_SYSCALL_EXITS, offsetof(struct kvm_vcpu, stat.syscall_exits));
	DEFINE(VCPU_STAT_DEC_EXITS, offsetof(struct kvm_vcpu, stat.dec_exits));
	DEFINE(VCPU_STAT_EXT_INTR_EXITS, offsetof(struct kvm_vcpu, stat.ext_intr_exits));
	DEFINE(VCPU_STAT_ISI_EXITS, offsetof(struct kvm_vcpu, stat.isi_exits));
	DEFINE(VCPU_STAT_DSI_EXITS, offsetof(struct kvm_vcpu, stat.dsi_exits));
	DEFINE(VCPU_STAT_ISEGMENT_EXITS, offsetof(struct kvm_vcpu, stat.isegment_exits));
	DEFINE(VCPU_STAT_DSEGMENT_EXITS, offsetof(struct kvm_vcpu, stat.dsegment_exits));
	DEFINE(VCPU_STAT_PROGRAM_EXITS, offsetof(struct kvm_vcpu, stat.program_exits));
	DEFINE(VCPU_STAT_OTHER_EXITS, offsetof(struct kvm_vcpu, stat.other_exits));
	DEFINE(VCPU_STAT_LIGHT_EXITS, offsetof(struct kvm_vcpu, stat.light_exits));
	BLANK();

	/* kvm_run */
	DEFINE(KVM_RUN_EXIT_REASON, offsetof(struct kvm_run, exit_reason));
	DEFINE(KVM_RUN_EXIT_ID, offsetof(struct kvm_run, exit_id));
	DEFINE(KVM_RUN_EXIT_CODE, offsetof(struct kvm_run, exit_code));
	DEFINE(KVM_RUN_SIZE, sizeof(struct kvm_run));
	BLANK();

	/* kvm-asm mini host: stack frame, extra statistics and bookkeeping */
	DEFINE(STACK_FRAME_OVERHEAD, STACK_FRAME_OVERHEAD);
	DEFINE(SWITCH_FRAME_SIZE, STACK_FRAME_OVERHEAD + sizeof(struct pt_regs));
	DEFINE(GPR0, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, gpr[0]));
	DEFINE(GPR1, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, gpr[1]));
	DEFINE(GPR2, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, gpr[2]));
	DEFINE(GPR3, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, gpr[3]));
	DEFINE(GPR4, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, gpr[4]));
	DEFINE(_LINK, STACK_FRAME_OVERHEAD + offsetof(struct pt_regs, link));
	DEFINE(PACA_HOST_DEC_COUNT, offsetof(struct paca_struct, host_dec_count));
	DEFINE(VCPU_STAT_ALIGN_EXITS, offsetof(struct kvm_vcpu, stat.align_exits));
	DEFINE(VCPU_STAT_FP_UNAVAIL_EXITS, offsetof(struct kvm_vcpu, stat.fp_unavail_exits));
	DEFINE(VCPU_STAT_TRACE_EXITS, offsetof(struct kvm_vcpu, stat.trace_exits));
	DEFINE(VCPU_STAT_ALTIVEC_EXITS, offsetof(struct kvm_vcpu, stat.altivec_exits));
	DEFINE(VCPU_STAT_VSX_EXITS, offsetof(struct kvm_vcpu, stat.vsx_exits));
	DEFINE(VCPU_STAT_HEAVY_EXITS, offsetof(struct kvm_vcpu, stat.heavy_exits));
	DEFINE(VCPU_STAT_EMULATED_INSTS, offsetof(struct kvm_vcpu, stat.emulated_insts));
	DEFINE(VCPU_STAT_DENIED_ACCESSES, offsetof(struct kvm_vcpu, stat.denied_accesses));
	DEFINE(VCPU_GMAP, offsetof(struct kvm_vcpu, arch.gmap));
	DEFINE(VCPU_GPAGE_PTEX, offsetof(struct kvm_vcpu, arch.gpage_ptex));
	DEFINE(VCPU_EXT_MSR, offsetof(struct kvm_vcpu, arch.ext_msr));
	DEFINE(VCPU_SSTEP_LEFT, offsetof(struct kvm_vcpu, arch.sstep_left));
	DEFINE(VCPU_GUEST_FAILURES, offsetof(struct kvm_vcpu, arch.guest_failures));
	DEFINE(KVM_GUEST_REGIONS, KVM_GUEST_REGIONS);
	DEFINE(KVM_GUEST_PAGES, KVM_GUEST_PAGES);
	DEFINE(GREGION_EA, offsetof(struct kvm_guest_region, ea));
	DEFINE(GREGION_NPAGES, offsetof(struct kvm_guest_region, npages));
	DEFINE(GREGION_GPAGE, offsetof(struct kvm_guest_region, gpage));
	DEFINE(GREGION_SIZE, sizeof(struct kvm_guest_region));

	return 0;
}
