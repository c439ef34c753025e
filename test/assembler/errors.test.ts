/**
 * Bad input gets a clear diagnostic (file:line:col, with the macro/include chain), every
 * error of a run is reported, and no object is produced. Never an exception or a hang.
 */
import { describe, expect, it } from 'vitest';
import { assembleSources } from '../../assembler/pipeline.js';
import { memoryHost } from '../../common/host.js';
import { formatDiagnostic } from '../../common/diagnostics.js';

function errorsOf(text: string, files: Record<string, string> = {}): string[] {
  const r = assembleSources([{ path: 't.s', text }], { includeDirs: ['inc'] }, memoryHost(files));
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0) expect(r.object).toBeUndefined();
  return errs.map((d) => formatDiagnostic(d));
}

describe('assembler diagnostics', () => {
  it('an immediate out of range is an error naming the value and the range, not truncated', () => {
    const e = errorsOf('\taddi 3, 4, 40000\n');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^t\.s:1:13: error: .*40000.*-32768.*32767/);
  });

  it('a misaligned DS displacement is an error', () => {
    const e = errorsOf('\tld 3, 6(4)\n');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^t\.s:1:\d+: error: .*(multiple of 4|aligned)/);
  });

  it('an unknown mnemonic is an error at its column', () => {
    expect(errorsOf('  nop\n  frobnicate 3\n')).toEqual([expect.stringMatching(/^t\.s:2:3: error: unknown instruction 'frobnicate'/)]);
  });

  it('wrong operand counts are errors', () => {
    const e = errorsOf('\tadd 3, 4\n\tnop 1\n');
    expect(e).toHaveLength(2);
    expect(e[0]).toMatch(/t\.s:1:.*'add' takes 3 operands, 2 given/);
    expect(e[1]).toMatch(/t\.s:2:.*'nop' takes 0 operands, 1 given/);
  });

  it('reports all errors of a run, not only the first', () => {
    expect(errorsOf('\taddi 3,4,99999\n\tbogus\n\t.long undefined_thing_is_fine\n\tli 3, 1 +\n')).toHaveLength(3);
  });

  it('unterminated macros and conditionals', () => {
    expect(errorsOf('.macro m\n nop\n')).toEqual([expect.stringMatching(/^t\.s:1:1: error: unterminated macro 'm'/)]);
    expect(errorsOf('.if 1\n nop\n')).toEqual([expect.stringMatching(/^t\.s:1:1: error: unterminated conditional/)]);
    expect(errorsOf('.rept 3\n nop\n')).toEqual([expect.stringMatching(/unterminated '\.rept'/)]);
    expect(errorsOf('.endif\n')).toEqual([expect.stringMatching(/'\.endif' without a matching '\.if'/)]);
    expect(errorsOf('.endm\n')).toEqual([expect.stringMatching(/'\.endm' without/)]);
  });

  it('macro recursion stops at a depth limit with the expansion chain', () => {
    const e = errorsOf('.macro r\n r\n.endm\n r\n');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/nested too deeply/);
    expect(e[0]).toMatch(/note: in expansion of macro 'r'/);
  });

  it('an absurd .rept count is an error, not a hang', () => {
    expect(errorsOf('.rept 0x7fffffffffff\n nop\n.endr\n')).toEqual([expect.stringMatching(/\.rept count .* is absurd/)]);
  });

  it('undefined symbols where a constant is needed', () => {
    expect(errorsOf('.rept nosuch\n.endr\n')).toEqual([expect.stringMatching(/t\.s:1:7: error: .*'nosuch' is not defined/)]);
    expect(errorsOf('.if nosuch\n.endif\n')).toEqual([expect.stringMatching(/'nosuch' is not defined/)]);
    expect(errorsOf('\t.space n\n')).toEqual([expect.stringMatching(/'n' is not defined/)]);
    expect(errorsOf('\tli undefined_reg, 1\n')).toEqual([expect.stringMatching(/'undefined_reg' is not defined/)]);
  });

  it('errors inside macros name the macro and the invocation', () => {
    const e = errorsOf('.macro bad x\n\taddi 3, 3, \\x\n.endm\n\tnop\n\tbad 70000\n');
    expect(e).toHaveLength(1);
    expect(e[0]!.split('\n')[0]).toMatch(/^t\.s:2:\d+: error: .*70000/);
    expect(e[0]!.split('\n')[1]).toBe("t.s:5:2: note: in expansion of macro 'bad'");
    // Names are case-insensitive; the note spells the name as its .macro line did.
    const mixed = errorsOf('.macro SaveGpr x\n\taddi 3, 3, \\x\n.endm\n\tSAVEGPR 70000\n');
    expect(mixed[0]!.split('\n')[1]).toBe("t.s:4:2: note: in expansion of macro 'SaveGpr'");
  });

  it('errors in .include files carry the include chain', () => {
    const e = errorsOf('\tnop\n\t.include "x.inc"\n', { 'inc/x.inc': '\tnop\n\tbadop\n' });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^inc\/x\.inc:2:2: error: unknown instruction 'badop'\nt\.s:2:2: note: included from here$/);
  });

  it('a missing .include is an error', () => {
    expect(errorsOf('\t.include "nope.inc"\n')).toEqual([expect.stringMatching(/t\.s:1:2: error: can't open 'nope\.inc'/)]);
  });

  it('branch targets out of range and undefined local labels', () => {
    expect(errorsOf('\tbeq 1f\n\t.space 40000\n1:\n')).toEqual([expect.stringMatching(/t\.s:1:\d+: error: .*(range|between)/)]);
    expect(errorsOf('\tb 1b\n')).toHaveLength(1);
  });

  it('symbol redefinition and .org backwards', () => {
    expect(errorsOf('a:\na:\n')).toEqual([expect.stringMatching(/t\.s:2:1: error: symbol 'a' is already defined/)]);
    expect(errorsOf('.long 1\n.org 0\n')).toEqual([expect.stringMatching(/\.org would move the location counter backwards/)]);
  });

  it('register kinds are checked', () => {
    expect(errorsOf('\tadd %r3, %f4, %r5\n')).toEqual([expect.stringMatching(/general register is expected here, not a floating-point register/)]);
  });

  it('bad expressions and junk', () => {
    expect(errorsOf('\t.long 1 +\n')).toHaveLength(1);
    expect(errorsOf('\t.long (1\n')).toEqual([expect.stringMatching(/missing '\)'/)]);
    expect(errorsOf('\t.long 1/0\n')).toEqual([expect.stringMatching(/division by zero/)]);
    expect(errorsOf('\tli 3, 4 5\n')).toHaveLength(1);
    expect(errorsOf('\t.frob\n')).toEqual([expect.stringMatching(/unknown directive '\.frob'/)]);
  });

  it('.error and .err stop the object; .warning does not', () => {
    expect(errorsOf('.error "custom message"\n')).toEqual([expect.stringMatching(/t\.s:1:1: error: custom message/)]);
    expect(errorsOf('.err\n')).toHaveLength(1);
    const r = assembleSources([{ path: 't.s', text: '.warning "careful"\n' }], {}, memoryHost({}));
    expect(r.object).toBeDefined();
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['t.s:1:1: warning: careful']);
  });
});
