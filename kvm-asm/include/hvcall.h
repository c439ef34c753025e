/*
 * hvcall.h: the PAPR hypervisor calls and RTAS services the mini host uses on the qemu
 * pseries machine (numbers as measured in pseries-platform.md §3, §4, §6).
 */
#ifndef KVM_ASM_HVCALL_H
#define KVM_ASM_HVCALL_H

#define H_SUCCESS		0
#define H_PRIVILEGE		(-3)

#define H_REMOVE		0x04
#define H_ENTER			0x08
#define H_PUT_TERM_CHAR		0x58
#define KVMPPC_H_RTAS		0xf000	/* qemu's private RTAS entry: r4 = real address of the args */

/* The default pseries console, /vdevice/vty@71000000. */
#define HVTERM_VTY		0x71000000

/* qemu's fixed RTAS tokens (also in the device tree's /rtas node). */
#define RTAS_TOKEN_POWER_OFF	0x2003
#define RTAS_TOKEN_OS_TERM	0x201f

#endif /* KVM_ASM_HVCALL_H */
