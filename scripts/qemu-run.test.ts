import { describe, expect, it } from 'vitest';
import { qemuCommand, runQemu, verdictOf } from './qemu-run.js';
import { compareTranscript, maskTimingLine, normalizeTranscript, parseExitCounts } from './qemu-transcript.js';

describe('qemuCommand', () => {
  it('boots the image with -kernel as the last option, on the measured pseries/VOF machine', () => {
    const cmd = qemuCommand('img.elf');
    expect(cmd[0]).toBe('qemu-system-ppc64');
    expect(cmd.slice(-2)).toEqual(['-kernel', 'img.elf']);
    const m = cmd[cmd.indexOf('-M') + 1]!;
    // VOF (fast, silent boot) and the caps that keep TCG from warning (pseries-platform.md §1, §7).
    expect(m.split(',')).toEqual(['pseries', 'x-vof=on', 'cap-cfpc=broken', 'cap-sbbc=broken', 'cap-ibs=broken', 'cap-ccf-assist=off']);
    // The console on stdout, nothing else on stdio, and os-term turned into exit status 1.
    expect(cmd.join(' ')).toContain('-serial stdio -monitor none');
    expect(cmd.join(' ')).toContain('-action panic=exit-failure');
  });

  it('is deterministic by default and traces interrupts only when asked', () => {
    expect(qemuCommand('x').join(' ')).toContain('-icount shift=0,sleep=off');
    expect(qemuCommand('x', { icount: false })).not.toContain('-icount');
    expect(qemuCommand('x')).not.toContain('-d');
    const traced = qemuCommand('x', { trace: true, traceFile: 't.log' }).join(' ');
    expect(traced).toContain('-d int -D t.log');
  });
});

describe('verdictOf', () => {
  it('maps RTAS power-off (0) to pass and os-term (1) to fail; anything else is not a verdict', () => {
    expect(verdictOf(0, false)).toBe('pass');
    expect(verdictOf(1, false)).toBe('fail');
    expect(verdictOf(null, true)).toBe('timeout');
    expect(verdictOf(0, true)).toBe('timeout');
    expect(verdictOf(null, false)).toBe('error');
    expect(verdictOf(3, false)).toBe('error');
  });
});

describe('runQemu', () => {
  it('reports an unreadable image as an error without starting qemu', async () => {
    const r = await runQemu('/nonexistent/image.elf');
    expect(r.verdict).toBe('error');
    expect(r.status).toBeNull();
    expect(r.problem).toContain("cannot read image '/nonexistent/image.elf'");
  });

  it('names the setup script when the qemu binary is missing', async () => {
    const r = await runQemu(new URL(import.meta.url).pathname, { qemu: 'qemu-system-ppc64-not-installed' });
    expect(r.verdict).toBe('error');
    expect(r.problem).toContain('bash scripts/setup-deps.sh');
  });
});

describe('transcripts', () => {
  it('normalises CRLF', () => {
    expect(normalizeTranscript('a\r\nb\r\n')).toBe('a\nb\n');
  });

  it('compares timing-dependent (~) lines by shape and every other line exactly', () => {
    const golden = 'exit 0x900 decrementer\n~exit 0x900 preempted the guest at pc=0x10001160\n~guest: spins: 127964\n';
    expect(compareTranscript(golden, golden.replace('0x10001160', '0x10001164').replace('127964', '99'))).toEqual([]);
    expect(compareTranscript(golden, golden.replace('decrementer', 'decrementor'))).toEqual([
      { line: 1, expected: 'exit 0x900 decrementer', actual: 'exit 0x900 decrementor' },
    ]);
    // A timing line must stay a timing line with the same words.
    expect(compareTranscript(golden, golden.replace('~guest', 'guest'))).toHaveLength(1);
    expect(compareTranscript(golden, golden.replace('spins', 'spun'))).toHaveLength(1);
    // A missing line is a difference.
    expect(compareTranscript(golden, 'exit 0x900 decrementer\n')).toHaveLength(2);
    expect(maskTimingLine('~at pc=0x1f after 12 spins')).toBe('~at pc=# after # spins');
  });

  it('reads the per-exit-type counts of the host summary', () => {
    const text = 'kvm-host: exits by type:\r\n  0x300 data-storage 5\r\n  0xf20 altivec-unavailable 1\r\n  other 0\r\n  total 43 (lightweight 35, heavyweight 7)\r\n';
    expect(Object.fromEntries(parseExitCounts(text))).toEqual({
      '0x300 data-storage': 5,
      '0xf20 altivec-unavailable': 1,
      other: 0,
      total: 43,
    });
  });
});
