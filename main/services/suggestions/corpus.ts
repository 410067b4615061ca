/**
 * What the aligner reads of the workspace: each document's text and passages, kept per
 * revision (counterpart queries come on every cursor move and must not re-read every
 * text), with the concepts, under a key that changes whenever any of them does.
 */
import type { DocumentRecord } from '../../../common/model';
import type { Corpus } from '../align-jobs';
import { alignInputOf } from '../aligner/align';
import { DEFAULT_CONCEPTS } from '../aligner/concepts';
import type { AlignInput } from '../aligner/passages';
import type { WorkspaceStore } from '../store/workspace-store';

export interface WorkspaceCorpus {
  /** What the aligner reads of one document (cached while its revision stays). */
  inputOf(d: DocumentRecord): AlignInput;
  /** Names the documents' revisions and the concepts: equal keys, equal corpora. */
  key(): string;
  /** The whole corpus, for Align or for a counterpart index. */
  load(): Corpus;
}

/** The corpus of the open workspace. */
export function workspaceCorpus(store: WorkspaceStore): WorkspaceCorpus {
  const inputs = new Map<string, { revision: number; input: AlignInput }>();
  const inputOf = (d: DocumentRecord): AlignInput => {
    const kept = inputs.get(d.id);
    if (kept?.revision === d.revision) return kept.input;
    const input = alignInputOf(d);
    inputs.set(d.id, { revision: d.revision, input });
    return input;
  };
  const key = () => JSON.stringify([store.data.documents.map((d) => `${d.id}@${d.revision}`), store.data.concepts]);
  return {
    inputOf,
    key,
    load: () => ({
      key: key(),
      cachePath: `${store.path}.embeddings`,
      docs: store.data.documents.map(inputOf),
      concepts: [...DEFAULT_CONCEPTS, ...store.data.concepts],
    }),
  };
}
