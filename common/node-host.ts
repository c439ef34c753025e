import { readFileSync, statSync } from 'node:fs';
import type { Host } from './host.js';

/** Host backed by the real file system (used only by the CLIs and tests). */
export const nodeHost: Host = {
  readFile(path) {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  fileExists(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};
