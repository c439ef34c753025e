import { describe, expect, it } from 'vitest';
import { buildRtImage, lines, runBoth } from '/work/main/test/simulator/helpers.js';
import { generateSnippetProgram } from '/work/main/test/simulator/snippets.js';
describe('many seeds', () => {
  for (const seed of [3, 4, 5, 6, 7, 8, 9, 10]) {
    it(`seed ${seed}`, async () => {
      const prog = generateSnippetProgram(seed, { aluPerMnemonic: 12, branches: 300, memPerMnemonic: 8 });
      const image = buildRtImage(['snippets-rt.s', { name: 'snippets.s', text: prog.source }]);
      const { qemu, sim } = await runBoth(image);
      const want = lines(qemu.console); const got = lines(sim.text);
      const comments = prog.source.split('\n').filter((l) => l.startsWith('\t# '));
      const bad: string[] = []; let snippet = -1;
      for (let i = 0; i < Math.max(want.length, got.length) && bad.length < 6; i++) {
        if (want[i]?.endsWith('mode')) snippet = -1; else if (!want[i]?.startsWith('  ') && want[i] !== undefined) snippet++;
        if (want[i] !== got[i]) bad.push(`line ${i + 1} (${comments[snippet % prog.count] ?? '?'}):\n  qemu: ${want[i]}\n  sim:  ${got[i]}`);
      }
      console.log(`seed ${seed}: ${prog.count} snippets, ${want.length} lines`);
      expect(bad, bad.join('\n')).toEqual([]);
    });
  }
});
