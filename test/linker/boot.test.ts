/** An image linked by ppc64-ld boots under qemu-system-ppc64 (pseries, VOF): PT_LOAD headers qemu accepts. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { requireTool, tempDir } from './gnu-tools.js';
import { INPUTS, assembleInput, linkOurs } from './harness.js';

describe('qemu boot', () => {
  it('a program linked by ppc64-ld prints through the hypervisor console and powers off', () => {
    requireTool('qemu-system-ppc64');
    const dir = tempDir('ppc64-ld-boot-');
    const obj = assembleInput(dir, 'boot');
    const { path } = linkOurs(dir, 'boot', ['-T', join(INPUTS, 'boot.lds'), obj]);
    const r = spawnSync('qemu-system-ppc64', [
      '-M', 'pseries,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off', '-m', '512M', '-smp', '1',
      '-display', 'none', '-nodefaults', '-serial', 'stdio', '-monitor', 'none', '-no-reboot', '-icount', 'shift=0,sleep=off',
      '-action', 'panic=exit-failure', '-kernel', path,
    ], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toContain('LD-BOOT-OK');
    expect(r.status).toBe(0);
  });
});
