/**
 * The pseries hypervisor as the guest reaches it with `sc 1` (PAPR; qemu 7.2's behaviour as
 * measured, pseries-platform.md §3–§6 and the test images): r3 = opcode, arguments in r4..,
 * status back in r3 and results in r4.. (registers not written are left alone, as qemu does).
 *
 * Implemented: H_REMOVE, H_ENTER, H_READ (the hashed page table lives outside guest memory),
 * H_PUT_TERM_CHAR (the console), H_SET_MODE (interrupt AIL), KVMPPC_H_RTAS (power-off, os-term,
 * system-reboot). Any other opcode returns H_FUNCTION, as qemu does for hcalls it lacks.
 */
import type { Machine } from './machine.js';
import { readCString } from './memory.js';
import { HPTE0_L, HPTE0_SW_DIRTY, HPTE0_V, HPTE1_I, HPTE1_M, HPTE1_RPN_MASK, HPTE1_WIMG, flushTlb, readPte, writePte } from './mmu.js';
import { AIL, M_PR, get64, set64 } from './state.js';

export const H_SUCCESS = 0n;
export const H_FUNCTION = -2n;
export const H_PRIVILEGE = -3n;
export const H_PARAMETER = -4n;
export const H_PTEG_FULL = -6n;
export const H_NOT_FOUND = -7n;
export const H_P2 = -55n;
export const H_P3 = -56n;
export const H_P4 = -57n;
export const H_UNSUPPORTED_FLAG = -256n;

export const H_REMOVE = 0x04;
export const H_ENTER = 0x08;
export const H_READ = 0x0c;
export const H_PUT_TERM_CHAR = 0x58;
export const H_SET_MODE = 0x31c;
export const KVMPPC_H_RTAS = 0xf000;

// Flag bits (PAPR numbers them MSB0 in a 64-bit doubleword).
const H_EXACT = 1n << (63n - 24n);
const H_READ_4 = 1n << (63n - 26n);
const H_AVPN = 1n << (63n - 32n);
const H_ANDCOND = 1n << (63n - 33n);

/** The console device's unit address (/vdevice/vty@71000000); 0 selects it too. */
export const VTY_REG = 0x71000000n;

const RTAS_POWER_OFF = 0x2003;
const RTAS_SYSTEM_REBOOT = 0x2004;
const RTAS_OS_TERM = 0x201f;

const gpr = (m: Machine, n: number): bigint => get64(m.st, n);
const setGpr = (m: Machine, n: number, v: bigint): void => set64(m.st, n, BigInt.asUintN(64, v));

/** Execute the hypercall in the guest's registers. */
export function hcall(m: Machine): void {
  if (m.S[M_PR] === 1) {
    // A problem-state hcall never reaches the hypervisor (seen on qemu: r3 = H_PRIVILEGE, no interrupt).
    setGpr(m, 3, H_PRIVILEGE);
    return;
  }
  const opcode = Number(gpr(m, 3) & 0xffffffffn);
  const ret = dispatch(m, opcode);
  setGpr(m, 3, ret);
}

function dispatch(m: Machine, opcode: number): bigint {
  switch (opcode) {
    case H_PUT_TERM_CHAR:
      return putTermChar(m);
    case H_ENTER:
      return hEnter(m);
    case H_REMOVE:
      return hRemove(m);
    case H_READ:
      return hRead(m);
    case H_SET_MODE:
      return hSetMode(m);
    case KVMPPC_H_RTAS:
      return rtas(m);
    default:
      return H_FUNCTION;
  }
}

function putTermChar(m: Machine): bigint {
  const { H, L } = m;
  // r4 = unit address (VTY_REG or 0), r5 = length (at most 16), r6/r7 = the bytes, big-endian.
  const regOk = H[4] === 0 && (L[4] === Number(VTY_REG) || L[4] === 0);
  if (!regOk || H[5] !== 0 || L[5]! >>> 0 > 16) return H_PARAMETER;
  const len = L[5]!;
  const bytes = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    const r = i < 8 ? 6 : 7;
    const word = (i & 7) < 4 ? H[r]! : L[r]!;
    bytes[i] = word >>> (24 - 8 * (i & 3));
  }
  m.hooks.console?.(bytes);
  return H_SUCCESS;
}

const nPtes = (m: Machine): number => (m.mmu.htabMask + 1) * 8;

function hEnter(m: Machine): bigint {
  const flags = gpr(m, 4);
  let ptex = gpr(m, 5);
  let pteh = gpr(m, 6);
  const ptel = gpr(m, 7);
  if ((pteh & HPTE0_L) !== 0n) {
    m.stop ??= { reason: 'error', status: 4, message: 'unsupported: H_ENTER of a large-page HPTE (only 4 KB pages are modelled)' };
    return H_PARAMETER;
  }
  const raddr = ptel & HPTE1_RPN_MASK;
  if (raddr < BigInt(m.mem.ramSize)) {
    // RAM must be mapped with WIMG = M exactly.
    if ((ptel & HPTE1_WIMG) !== HPTE1_M) return H_PARAMETER;
  } else if ((ptel & (HPTE1_WIMG & ~0x8n)) !== HPTE1_I) {
    // I/O space must be cache-inhibited and not coherent.
    return H_PARAMETER;
  }
  pteh &= ~0x60n;
  if (ptex >= BigInt(nPtes(m))) return H_PARAMETER;
  let slot = Number(ptex);
  if ((flags & H_EXACT) !== 0n) {
    if ((readPte(m.mmu, slot)[0] & HPTE0_V) !== 0n) return H_PTEG_FULL;
  } else {
    const base = slot & ~7;
    slot = -1;
    for (let i = 0; i < 8; i++) {
      if ((readPte(m.mmu, base + i)[0] & HPTE0_V) === 0n) {
        slot = base + i;
        break;
      }
    }
    if (slot < 0) return H_PTEG_FULL;
  }
  writePte(m.mmu, slot, pteh | HPTE0_SW_DIRTY, ptel);
  ptex = BigInt(slot);
  setGpr(m, 4, ptex);
  return H_SUCCESS;
}

function hRemove(m: Machine): bigint {
  const flags = gpr(m, 4);
  const ptex = gpr(m, 5);
  const avpn = gpr(m, 6);
  if (ptex >= BigInt(nPtes(m))) return H_PARAMETER;
  const [v, r] = readPte(m.mmu, Number(ptex));
  if (
    (v & HPTE0_V) === 0n ||
    ((flags & H_AVPN) !== 0n && (v & ~0x7fn) !== avpn) ||
    ((flags & H_ANDCOND) !== 0n && (v & avpn) !== 0n)
  ) {
    return H_NOT_FOUND;
  }
  setGpr(m, 4, v);
  setGpr(m, 5, r);
  writePte(m.mmu, Number(ptex), HPTE0_SW_DIRTY, 0n);
  flushTlb(m.mmu);
  return H_SUCCESS;
}

function hRead(m: Machine): bigint {
  const flags = gpr(m, 4);
  let ptex = gpr(m, 5);
  if (ptex >= BigInt(nPtes(m))) return H_PARAMETER;
  let n = 1;
  if ((flags & H_READ_4) !== 0n) {
    ptex &= ~3n;
    n = 4;
  }
  for (let i = 0; i < n; i++) {
    const [v, r] = readPte(m.mmu, Number(ptex) + i);
    setGpr(m, 4 + 2 * i, v);
    setGpr(m, 5 + 2 * i, r);
  }
  return H_SUCCESS;
}

/** H_SET_MODE: only resource 3 (address translation mode = AIL) and 4 (endianness, BE only). */
function hSetMode(m: Machine): bigint {
  const mflags = gpr(m, 4);
  const resource = gpr(m, 5);
  if (resource === 3n) {
    if (gpr(m, 6) !== 0n) return H_P3;
    if (gpr(m, 7) !== 0n) return H_P4;
    if (mflags === 1n) return H_UNSUPPORTED_FLAG;
    if (mflags > 3n) return H_UNSUPPORTED_FLAG;
    m.S[AIL] = Number(mflags);
    return H_SUCCESS;
  }
  if (resource === 4n) {
    if (mflags === 0n) return H_SUCCESS;
    m.stop ??= { reason: 'error', status: 4, message: 'unsupported: H_SET_MODE to little-endian interrupts' };
    return H_UNSUPPORTED_FLAG;
  }
  return H_P2;
}

/** qemu's private RTAS hcall: r4 = real address of {token, nargs, nret, args..., rets...} (32-bit words). */
function rtas(m: Machine): bigint {
  const base = Number(gpr(m, 4) & 0x0fffffffffffffffn);
  const mem = m.mem;
  if (base + 12 > mem.ramSize) return H_PARAMETER;
  const token = mem.dv.getUint32(base);
  const nargs = mem.dv.getUint32(base + 4);
  const nret = mem.dv.getUint32(base + 8);
  const arg = (i: number): number => mem.dv.getUint32(base + 12 + 4 * i);
  const setRet = (i: number, v: number): void => {
    const a = base + 12 + 4 * (nargs + i);
    if (i < nret && a + 4 <= mem.ramSize) mem.dv.setInt32(a, v);
  };
  switch (token) {
    case RTAS_POWER_OFF:
      setRet(0, 0);
      m.stop ??= { reason: 'power-off', status: 0 };
      return H_SUCCESS;
    case RTAS_SYSTEM_REBOOT:
      // qemu runs with -no-reboot: a reboot request ends the run with status 0.
      setRet(0, 0);
      m.stop ??= { reason: 'reboot', status: 0 };
      return H_SUCCESS;
    case RTAS_OS_TERM: {
      const msg = nargs >= 1 ? readCString(mem, arg(0)) : '';
      m.hooks.stderr?.(`OS terminated: ${msg}`);
      setRet(0, 0);
      m.stop ??= { reason: 'os-term', status: 1, message: msg };
      return H_SUCCESS;
    }
    default:
      setRet(0, -3);
      return H_PARAMETER;
  }
}
