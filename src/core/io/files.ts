/** A file as both the browser (File) and the CLI (a path) hand it to the core: its name and bytes. */
export interface NamedFile {
  /** File name; a path is allowed, only its last segment is used to match references. */
  name: string;
  bytes: Uint8Array;
}

/** Last path segment of a name or URL-ish path (`a/b/c.bin` -> `c.bin`). */
export function baseName(name: string): string {
  const clean = name.replace(/\\/g, '/').replace(/[?#].*$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** Anything with a name and an arrayBuffer() method, e.g. a browser File (no DOM types needed). */
export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads browser File objects (or similar) into NamedFiles. */
export async function readFileLikes(files: readonly FileLike[]): Promise<NamedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
