/**
 * Embedding every passage of a corpus in the background: cached passages come from the
 * cache, the rest are encoded shortest first (the encoder pads a batch to its longest
 * sentence, so sorting by length nearly doubles the speed) in small batches, yielding
 * between batches so queries are answered meanwhile.
 */
import type { EmbeddingCache } from './cache';
import { textKey } from './cache';
import type { SentenceEncoder } from './encoder';

export interface RefineOptions {
  batch?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches: true stops the work (the corpus changed). */
  cancelled?: () => boolean;
}

/** Batches between saves of the cache. */
const SAVE_EVERY = 20;

/** One unit vector per text, or undefined when cancelled. */
export async function embedAll(
  texts: string[],
  encoder: SentenceEncoder,
  cache: EmbeddingCache,
  options: RefineOptions = {},
): Promise<Float32Array[] | undefined> {
  const keys = texts.map(textKey);
  const out: (Float32Array | undefined)[] = keys.map((k) => cache.get(k));
  const missing = [...new Set(keys.filter((_, i) => !out[i]))];
  const textOf = new Map(keys.map((k, i) => [k, texts[i]]));
  missing.sort((x, y) => textOf.get(x)!.length - textOf.get(y)!.length);
  const total = missing.length;
  const batch = options.batch ?? 32;
  options.onProgress?.(0, total);
  for (let i = 0; i < missing.length; i += batch) {
    if (options.cancelled?.()) {
      await cache.save(); // what was embedded is kept for the next run
      return undefined;
    }
    const part = missing.slice(i, i + batch);
    const vectors = await encoder.embed(part.map((k) => textOf.get(k)!));
    part.forEach((k, j) => cache.set(k, vectors[j]));
    options.onProgress?.(Math.min(total, i + batch), total);
    // Saved as it goes: quitting halfway through a long corpus loses at most a few batches.
    if ((i / batch) % SAVE_EVERY === SAVE_EVERY - 1) await cache.save();
    await new Promise((resolve) => setImmediate(resolve));
  }
  cache.retain(new Set(keys));
  await cache.save();
  return keys.map((k, i) => out[i] ?? cache.get(k)!);
}
