/*
 * host/mmu.S: the host's hash-MMU code: its own linear mapping at boot (early_setup, real
 * mode) and the guest's shadow MMU (segments and pages mapped on demand).
 *
 * Address-space identities (guest_abi.h): the host's linear mapping is segment
 * KERNELBASE >> 28 with VSID HOST_LINEAR_VSID; guest segment ESID e has VSID
 * GUEST_VSID_BASE + e. Pages are 4 KB in 256 MB segments. The hash-table group of a page
 * is VSID xor (page index in its segment); both stay small here, so the group is below
 * 2048, the number of groups of the smallest hash table, whatever the RAM size.
 */
#include "ppc_asm.h"
#include "asm-offsets.h"
#include "hvcall.h"
#include "guest_abi.h"
#include "host.h"

#define HPT_MIN_GROUPS	2048

	.section ".text"

/*
 * long host_hpte_insert(ulong vsid, ulong ea, ulong pa, ulong pp)
 * H_ENTER one 4 KB page: returns the PTE index (>= 0), or the negative hcall status
 * (-1 when the hash group would not fit the smallest table).
 */
_GLOBAL(host_hpte_insert)
	rldicl	r8,r4,64-PAGE_SHIFT,48		/* page index in the segment */
	xor	r8,r8,r3			/* primary hash */
	cmpldi	r8,HPT_MIN_GROUPS
	bge	hpte_insert_range
	sldi	r9,r8,3				/* PTEX of the group's first slot */
	/* doubleword 0: AVPN (VSID and the page's top index bits) and V */
	sldi	r10,r3,HPTE_V_AVPN_SHIFT
	srdi	r11,r4,16
	andi.	r11,r11,0xf80
	or	r10,r10,r11
	ori	r10,r10,HPTE_V_VALID
	/* doubleword 1: real page, R, C, M (coherent RAM), PP */
	clrrdi	r11,r5,PAGE_SHIFT
	or	r11,r11,r6
	ori	r11,r11,HPTE_R_R | HPTE_R_C | HPTE_R_M
	li	r3,H_ENTER
	li	r4,0				/* any free slot of the group */
	mr	r5,r9
	mr	r6,r10
	mr	r7,r11
	sc	1
	cmpdi	r3,H_SUCCESS
	bnelr
	mr	r3,r4				/* the PTEX used */
	blr
hpte_insert_range:
	li	r3,-1
	blr

/*
 * void early_setup(void): real mode, r13 = PACA, r2 = TOC, on the boot stack.
 * Fills the PACA, the bolted host SLB entry and the hash-table entries of the linear
 * mapping [KERNELBASE, KERNELBASE + physical end of the image).
 */
_GLOBAL(early_setup)
	HOST_PROLOGUE
	std	r13,PACA_SELF(r13)
	std	r2,PACATOC(r13)
	LOAD_REG_IMMEDIATE(r3, KERNELBASE)
	std	r3,PACAKBASE(r13)

	/* Bolted entry 0: the linear mapping, supervisor key 0 (PP 00 = read/write for it). */
	LOAD_REG_IMMEDIATE(r31, host_slb_shadow)
	std	r31,PACA_SLBSHADOWPTR(r13)
	LOAD_REG_IMMEDIATE(r4, KERNELBASE | SLB_ESID_V | 0)
	std	r4,SLBSHADOW_SAVEAREA + PACA_KVM_SLB_ESID(r31)
	LOAD_REG_IMMEDIATE(r5, (HOST_LINEAR_VSID << SLB_VSID_SHIFT) | SLB_VSID_KP)
	std	r5,SLBSHADOW_SAVEAREA + PACA_KVM_SLB_VSID(r31)

	/* Whatever the firmware left in the SLB goes: slot 0 by hand, since slbia keeps it. */
	li	r0,0
	slbmte	r0,r0
	slbia
	isync
	slbmte	r5,r4
	isync

	/* One HPTE per 4 KB page of the image. */
	li	r30,0				/* physical address */
	LOAD_REG_IMMEDIATE(r29, _end)
	clrldi	r29,r29,4			/* physical end */
early_map_loop:
	li	r3,HOST_LINEAR_VSID
	LOAD_REG_IMMEDIATE(r4, KERNELBASE)
	or	r4,r4,r30
	mr	r5,r30
	li	r6,HPTE_R_PP_SUP
	CALL(host_hpte_insert)
	cmpdi	r3,0
	blt	early_map_failed
	addi	r30,r30,PAGE_SIZE
	cmpld	r30,r29
	blt	early_map_loop
	HOST_EPILOGUE
early_map_failed:
	mr	r31,r3
	PUTS(str_map_failed)
	PUTHEX(r31)
	NEWLINE
	LOAD_REG_IMMEDIATE(r3, str_map_failed)
	CALL(host_os_term)
early_map_hang:
	b	early_map_hang

/*
 * long kvmppc_gmap_gpage(struct kvm_vcpu *vcpu, ulong ea): the guest page behind a guest
 * effective address, or -1 when the address is not guest memory.
 */
_GLOBAL(kvmppc_gmap_gpage)
	addi	r5,r3,VCPU_GMAP
	addi	r6,r5,KVM_GUEST_REGIONS * GREGION_SIZE
gmap_gpage_loop:
	ld	r7,GREGION_NPAGES(r5)
	cmpdi	r7,0
	beq	gmap_gpage_none
	ld	r8,GREGION_EA(r5)
	subf	r8,r8,r4			/* offset into the region (huge if below it) */
	sldi	r7,r7,PAGE_SHIFT
	cmpld	r8,r7
	blt	gmap_gpage_found
	addi	r5,r5,GREGION_SIZE
	cmpld	r5,r6
	blt	gmap_gpage_loop
gmap_gpage_none:
	li	r3,-1
	blr
gmap_gpage_found:
	ld	r3,GREGION_GPAGE(r5)
	srdi	r8,r8,PAGE_SHIFT
	add	r3,r3,r8
	blr

/*
 * void *kvmppc_guest_ea_to_host(struct kvm_vcpu *vcpu, ulong ea): the host's (linear
 * mapping) address of a guest byte, or 0 when the address is not guest memory.
 */
_GLOBAL(kvmppc_guest_ea_to_host)
	mflr	r0
	std	r0,16(r1)
	std	r30,-16(r1)
	std	r31,-8(r1)
	stdu	r1,-128(r1)
	mr	r31,r3
	mr	r30,r4
	CALL(kvmppc_gmap_gpage)
	cmpdi	r3,0
	blt	ea_to_host_none
	sldi	r3,r3,PAGE_SHIFT
	ld	r4,VCPU_GUEST_MEM_VA(r31)
	add	r3,r3,r4
	clrldi	r4,r30,64-PAGE_SHIFT
	add	r3,r3,r4
	b	ea_to_host_out
ea_to_host_none:
	li	r3,0
ea_to_host_out:
	addi	r1,r1,128
	ld	r0,16(r1)
	mtlr	r0
	ld	r30,-16(r1)
	ld	r31,-8(r1)
	blr

/*
 * long kvmppc_mmu_map_segment(struct kvm_vcpu *vcpu, ulong ea): give the guest the
 * segment of `ea` in the PACA's shadow SLB. Returns the SLB slot used (>= 1), -1 when
 * no guest memory lies in that segment (the guest must never get such a segment), or -2
 * when the guest has that segment already (a segment exit for it means a host bug).
 */
_GLOBAL(kvmppc_mmu_map_segment)
	srdi	r9,r4,SLB_ESID_SHIFT		/* ESID */
	/* Is any guest region in this segment? */
	addi	r5,r3,VCPU_GMAP
	addi	r6,r5,KVM_GUEST_REGIONS * GREGION_SIZE
map_segment_search:
	ld	r7,GREGION_NPAGES(r5)
	cmpdi	r7,0
	beq	map_segment_refused
	ld	r8,GREGION_EA(r5)
	srdi	r8,r8,SLB_ESID_SHIFT
	cmpld	r8,r9
	beq	map_segment_ok
	addi	r5,r5,GREGION_SIZE
	cmpld	r5,r6
	blt	map_segment_search
map_segment_refused:
	li	r3,-1
	blr
map_segment_ok:
	/* Already there? Two SLB entries for one ESID would be a programming error. */
	lbz	r10,PACA_KVM_SLB_MAX(r13)
	addi	r11,r13,PACA_KVM_SLB
	mulli	r12,r10,PACA_KVM_SLB_SIZE
	add	r12,r12,r11
map_segment_dup:
	cmpld	r11,r12
	bge	map_segment_new
	ld	r7,PACA_KVM_SLB_ESID(r11)
	srdi	r7,r7,SLB_ESID_SHIFT
	cmpld	r7,r9
	beq	map_segment_twice
	addi	r11,r11,PACA_KVM_SLB_SIZE
	b	map_segment_dup
map_segment_twice:
	li	r3,-2
	blr
map_segment_new:
	cmpldi	r10,PACA_KVM_SLB_ENTRIES - 1
	bge	map_segment_refused		/* slots 1..63 all used */
	mulli	r11,r10,PACA_KVM_SLB_SIZE
	add	r11,r11,r13
	addi	r11,r11,PACA_KVM_SLB
	addi	r3,r10,1			/* slot: never 0, which slbia would not clear */
	/* ESID word: ESID | V | slot */
	sldi	r7,r9,SLB_ESID_SHIFT
	oris	r7,r7,SLB_ESID_V@h
	or	r7,r7,r3
	std	r7,PACA_KVM_SLB_ESID(r11)
	/* VSID word: the guest VSID, problem-state key 1, supervisor key 0 */
	addi	r8,r9,GUEST_VSID_BASE
	sldi	r8,r8,SLB_VSID_SHIFT
	ori	r8,r8,SLB_VSID_KP
	std	r8,PACA_KVM_SLB_VSID(r11)
	stb	r3,PACA_KVM_SLB_MAX(r13)
	blr

/*
 * long kvmppc_mmu_map_page(struct kvm_vcpu *vcpu, ulong ea): map the guest page behind
 * `ea` (read/write for the guest's key). Returns the guest page number, -1 when `ea` is
 * not guest memory, -2 when the page is mapped already, -3 when H_ENTER failed.
 */
_GLOBAL(kvmppc_mmu_map_page)
	HOST_PROLOGUE
	mr	r31,r3
	mr	r30,r4
	CALL(kvmppc_gmap_gpage)
	mr	r29,r3
	cmpdi	r29,0
	blt	map_page_out
	sldi	r28,r29,3
	addi	r28,r28,VCPU_GPAGE_PTEX
	ldx	r4,r31,r28
	cmpdi	r4,0
	beq	map_page_enter
	li	r29,-2
	b	map_page_out
map_page_enter:
	srdi	r3,r30,SLB_ESID_SHIFT
	addi	r3,r3,GUEST_VSID_BASE
	clrrdi	r4,r30,PAGE_SHIFT
	ld	r5,VCPU_GUEST_MEM_RA(r31)
	sldi	r6,r29,PAGE_SHIFT
	add	r5,r5,r6
	li	r6,HPTE_R_PP_RW
	CALL(host_hpte_insert)
	cmpdi	r3,0
	blt	map_page_failed
	addi	r3,r3,1
	stdx	r3,r31,r28			/* PTEX + 1: the page is mapped */
	b	map_page_out
map_page_failed:
	li	r29,-3
map_page_out:
	mr	r3,r29
	HOST_EPILOGUE

	.section ".rodata"
str_map_failed:
	.asciz	"kvm-host: H_ENTER failed for the linear mapping: "
