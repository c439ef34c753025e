/**
 * The only I/O interface the tools' libraries use. CLIs pass `nodeHost`; tests and a
 * future browser build pass an in-memory host.
 */
export interface Host {
  /** File contents, or undefined when the file does not exist or cannot be read. */
  readFile(path: string): Uint8Array | undefined;
  fileExists(path: string): boolean;
}

/** A host over a fixed map of path → contents (strings are UTF-8 encoded). */
export function memoryHost(files: Record<string, string | Uint8Array>): Host {
  const enc = new TextEncoder();
  const map = new Map<string, Uint8Array>();
  for (const [p, c] of Object.entries(files)) map.set(p, typeof c === 'string' ? enc.encode(c) : c);
  return {
    readFile: (p) => map.get(p),
    fileExists: (p) => map.has(p),
  };
}
