/**
 * The shared data sets (../shared/data, or PARALLAX_DATA), read where they are, never
 * copied into the repository. corpus-1787 is read without the four texts reserved for
 * independent evaluation, which Parallax is never labelled, tuned or tested on.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignInputOf } from '../../main/services/aligner/align';
import type { AlignInput } from '../../main/services/aligner/passages';
import { readDocumentFile } from '../../main/services/sources';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The first of PARALLAX_DATA, ../shared/data and ../../shared/data (from a worktree) that exists. */
export function dataDir(): string {
  const candidates = [
    process.env.PARALLAX_DATA,
    join(root, '..', 'shared', 'data'),
    join(root, '..', '..', 'shared', 'data'),
  ];
  return candidates.find((d): d is string => !!d && existsSync(d)) ?? join(root, '..', 'shared', 'data');
}

/** Federalist 9 and 10, Brutus I and The Federal Farmer I: reserved for independent evaluation. */
export const RESERVED = new Set([
  'federalist-009.txt',
  'federalist-010.txt',
  'antifederalist-brutus-1.txt',
  'pamphlet-federal-farmer-i.txt',
]);

/** The corpus-1787 files Parallax may use, sorted; empty when the corpus is absent. */
export function corpusFiles(): string[] {
  const dir = join(dataDir(), 'corpus-1787');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !RESERVED.has(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The usable corpus-1787 texts as the aligner reads them. */
export async function readCorpus(): Promise<AlignInput[]> {
  const out: AlignInput[] = [];
  for (const f of corpusFiles()) out.push(alignInputOf(await readDocumentFile(f)));
  return out;
}
