/**
 * Oracle discovery (common/oracles.ts): a missing tool is an error that names the setup
 * command, a present one is found by its absolute path, and a name is never run through a shell.
 */
import { describe, expect, it } from 'vitest';
import { findTool, missingTool, requireTool, SETUP_HINT } from '../../common/oracles.js';

describe('oracle discovery', () => {
  it('finds a tool on PATH by its absolute path', () => {
    const sh = findTool('sh');
    expect(sh).toMatch(/^\/.*\/sh$/);
    expect(requireTool('sh')).toBe(sh);
  });

  it('fails on a missing tool with the setup command', () => {
    expect(findTool('ppc64-no-such-oracle')).toBeUndefined();
    expect(() => requireTool('ppc64-no-such-oracle')).toThrow(`'ppc64-no-such-oracle' is not installed: ${SETUP_HINT}`);
    expect(missingTool('x')).toContain('bash scripts/setup-deps.sh');
  });

  it('takes a name as a name, not as shell text', () => {
    expect(findTool('sh; echo injected')).toBeUndefined();
    expect(findTool('$(echo sh)')).toBeUndefined();
  });
});
