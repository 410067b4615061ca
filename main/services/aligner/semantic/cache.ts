/**
 * Embeddings kept beside the workspace (a sidecar file), keyed by a hash of the passage
 * text and the encoder's version: re-aligning or editing a text embeds only the passages
 * that changed. The file is a cache — when it is missing, damaged or of another model it
 * is simply rebuilt — and it is written whole to a temporary file and renamed into place.
 *
 * Layout: "PXEMB1\n", one JSON line {version, dim, keys}, then keys.length × dim float32.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { DIMENSIONS } from './encoder';

const MAGIC = 'PXEMB1\n';

/** The cache key of a passage text. */
export const textKey = (text: string): string =>
  createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('base64url').slice(0, 20);

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private dirty = false;

  private constructor(
    readonly path: string | undefined,
    readonly version: string,
  ) {}

  /** Reads the cache at `path` (none: in memory only); another version or a damaged file starts empty. */
  static async open(path: string | undefined, version: string): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(path, version);
    if (!path) return cache;
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch {
      return cache;
    }
    try {
      if (buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return cache;
      const eol = buf.indexOf(10, MAGIC.length);
      const header = JSON.parse(buf.subarray(MAGIC.length, eol).toString('utf8')) as {
        version: string;
        dim: number;
        keys: string[];
      };
      if (header.version !== version || header.dim !== DIMENSIONS) return cache;
      const body = buf.subarray(eol + 1);
      if (body.length !== header.keys.length * DIMENSIONS * 4) return cache;
      const floats = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
      header.keys.forEach((k, i) => cache.vectors.set(k, floats.slice(i * DIMENSIONS, (i + 1) * DIMENSIONS)));
    } catch {
      cache.vectors.clear();
    }
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    this.vectors.set(key, vector);
    this.dirty = true;
  }

  /** Keeps only the given keys (the passages of the current texts). */
  retain(keys: Set<string>): void {
    for (const k of this.vectors.keys()) {
      if (!keys.has(k)) {
        this.vectors.delete(k);
        this.dirty = true;
      }
    }
  }

  /** Writes the cache if it changed. */
  async save(): Promise<void> {
    if (!this.path || !this.dirty) return;
    const keys = [...this.vectors.keys()];
    const header = Buffer.from(`${MAGIC}${JSON.stringify({ version: this.version, dim: DIMENSIONS, keys })}\n`, 'utf8');
    const body = new Float32Array(keys.length * DIMENSIONS);
    keys.forEach((k, i) => body.set(this.vectors.get(k)!, i * DIMENSIONS));
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.concat([header, Buffer.from(body.buffer)]));
    await rename(tmp, this.path);
    this.dirty = false;
  }
}
