/**
 * What the aligner's worker keeps between requests: the corpus it was last given and
 * its counterpart index, built on the first query after the corpus changes. The same
 * engine runs in the worker thread (built app) and in-process (tests, development).
 */
import type { Counterparts } from '../../../common/model';
import { alignDocuments, type AlignOutput } from './align';
import type { Concept } from './concepts';
import { CounterpartIndex, type CounterpartQuery } from './counterparts';
import type { AlignInput } from './passages';

/** A set of documents and concepts, named by a key that changes when any of them does. */
export interface Corpus {
  key: string;
  docs: AlignInput[];
  concepts: Concept[];
}

export interface AlignRequest {
  docs: AlignInput[];
  concepts: Concept[];
  top: number;
}

export type Progress = (stage: string, done: number, total: number) => void;

export class AlignerEngine {
  private corpus?: Corpus;
  private index?: CounterpartIndex;

  /** The key of the corpus held, if any. */
  get corpusKey(): string | undefined {
    return this.corpus?.key;
  }

  setCorpus(corpus: Corpus): void {
    if (corpus.key === this.corpus?.key) return;
    this.corpus = corpus;
    this.index = undefined;
  }

  counterparts(query: CounterpartQuery): Counterparts {
    if (!this.corpus) throw new Error('the aligner has no documents yet');
    this.index ??= new CounterpartIndex(this.corpus.docs, this.corpus.concepts);
    return this.index.query(query);
  }

  align(request: AlignRequest, onProgress: Progress): AlignOutput {
    return alignDocuments(request.docs, { top: request.top, concepts: request.concepts, onProgress });
  }
}
