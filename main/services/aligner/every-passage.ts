/**
 * Counterparts of every passage of a corpus, for `parallax align --counterparts K`, and
 * refining an index with sentence embeddings outside the app (command line, benchmarks).
 */
import type { CounterpartMatch, PassageRef } from '../../../common/model';
import type { CounterpartIndex } from './counterparts';
import { EmbeddingCache } from './semantic/cache';
import { loadEncoder } from './semantic/encoder';
import { embedAll } from './semantic/refine';

/** A passage and its best matches in each other document. */
export interface PassageCounterparts extends PassageRef {
  matches: CounterpartMatch[];
}

/** Every sentence passage of the index with its best `k` matches per other document. */
export function allCounterparts(index: CounterpartIndex, k: number): PassageCounterparts[] {
  return index.passages.map((p) => {
    const doc = index.docs[p.doc];
    const { passage, matches } = index.query({ doc: doc.id, start: p.start, end: p.end, k });
    return { ...passage, matches };
  });
}

/** Embeds the index's passages (cached in `cachePath` when given) and refines it. */
export async function refineIndex(
  index: CounterpartIndex,
  cachePath: string | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const encoder = await loadEncoder();
  const cache = await EmbeddingCache.open(cachePath, encoder.version);
  const vectors = await embedAll(
    index.passages.map((_, i) => index.textOf(i)),
    encoder,
    cache,
    { onProgress },
  );
  index.setDense(vectors!);
}
