/**
 * Aligning documents: passages → candidate pairs → relation with evidence. Plain
 * Node, used by the CLI (and by the app's Align command).
 */
import { createHash } from 'node:crypto';
import { schema } from '../../../common/schema';
import { plainTextOf } from '../../../common/plaintext';
import type { DocumentRecord } from '../../../common/model';
import { ConceptMatcher, DEFAULT_CONCEPTS, type Concept } from './concepts';
import { citeLabel } from '../../../common/labels';
import { findCandidates, pairKey, supportAcrossDocuments, vectorise } from './candidates';
import { buildPassages, sideOfPassages, yearWritten, type AlignInput, type Passage } from './passages';

export { yearWritten };
import { relate, type Evidence, type Relation, type Side } from './relate';
import { windowPairs, type Window } from './windows';

export interface AlignedSide {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface Alignment {
  id: string;
  relation: Relation;
  /** How alike the two passages are (0–1): what ranks alignments. */
  score: number;
  /** How sure the aligner is of the relation (0–1). */
  confidence: number;
  a: AlignedSide;
  b: AlignedSide;
  evidence: Evidence[];
}

export interface AlignOutput {
  documents: { id: string; title: string; authors: string[]; date?: string }[];
  alignments: Alignment[];
}

export interface AlignOptions {
  top?: number;
  minScore?: number;
  concepts?: Concept[];
  includeNotes?: boolean;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What the aligner reads of a workspace document. */
export function alignInputOf(record: DocumentRecord): AlignInput {
  const pt = plainTextOf(schema.nodeFromJSON(record.doc));
  return {
    id: record.id,
    title: record.meta.title,
    authors: record.meta.authors,
    date: record.meta.date,
    text: pt.text,
    blocks: pt.blocks,
  };
}

function sideOf(passages: Passage[], w: Window, docs: AlignInput[]): Side {
  return sideOfPassages(passages, w.first, w.last, yearWritten(docs[passages[w.first].doc]));
}

/** Third documents that take up the point of any passage pair of two windows. */
function thirdDocuments(thirds: Map<string, number[]>, wa: Window, wb: Window): number[] {
  const out = new Set<number>();
  for (let i = wa.first; i <= wa.last; i++) {
    for (let j = wb.first; j <= wb.last; j++) {
      for (const d of thirds.get(pairKey(i, j)) ?? []) out.add(d);
    }
  }
  return [...out].sort((x, y) => x - y);
}

function alignmentId(a: AlignedSide, b: AlignedSide): string {
  return createHash('sha1')
    .update(`${a.doc}:${a.start}-${a.end}|${b.doc}:${b.start}-${b.end}`)
    .digest('hex')
    .slice(0, 12);
}

/** Texts a cluster note names before "and N more" (a point many texts take up stays one line). */
const CLUSTER_NAMES = 5;

function clusterNames(labels: string[]): string {
  if (labels.length <= CLUSTER_NAMES) return labels.join(', ');
  return `${labels.slice(0, CLUSTER_NAMES).join(', ')} and ${labels.length - CLUSTER_NAMES} more`;
}

/** Aligns documents; alignments sorted by score, highest first. */
export function alignDocuments(docs: AlignInput[], options: AlignOptions = {}): AlignOutput {
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new Error(`two documents have the id "${d.id}"`);
    ids.add(d.id);
  }
  const matcher = new ConceptMatcher(options.concepts ?? DEFAULT_CONCEPTS);
  options.onProgress?.('passages', 0, docs.length);
  const passages = buildPassages(docs, matcher, { includeNotes: options.includeNotes });
  options.onProgress?.('passages', docs.length, docs.length);
  const vectors = vectorise(passages);
  const candidates = findCandidates(
    passages,
    docs.length,
    {
      minScore: options.minScore ?? 0.15,
      onProgress: (done, total) => options.onProgress?.('candidates', done, total),
    },
    vectors,
  );
  const supported = supportAcrossDocuments(passages, candidates, vectors, { minScore: options.minScore ?? 0.15 });
  const top = options.top ?? 100;
  const alignments: Alignment[] = [];
  const pairs = windowPairs(passages, vectors, supported.candidates, top);
  for (const [i, pair] of pairs.entries()) {
    if (i % 25 === 0) options.onProgress?.('relations', i, pairs.length);
    // Earlier-listed document on side a, so output is stable.
    const [wa, wb] = passages[pair.a.first].doc <= passages[pair.b.first].doc ? [pair.a, pair.b] : [pair.b, pair.a];
    const rel = relate(sideOf(passages, wa, docs), sideOf(passages, wb, docs));
    const others = thirdDocuments(supported.thirds, wa, wb);
    if (others.length) {
      rel.evidence.push({
        kind: 'cluster',
        a: null,
        b: null,
        note: `the same point is taken up in ${others.length === 1 ? 'one more text' : `${others.length} more texts`}: ${clusterNames(others.map((d) => citeLabel(docs[d], 40)))}`,
      });
    }
    const side = (w: Window): AlignedSide => {
      const doc = docs[passages[w.first].doc];
      const start = passages[w.first].start;
      const end = passages[w.last].end;
      return { doc: doc.id, start, end, text: doc.text.slice(start, end) };
    };
    const a = side(wa);
    const b = side(wb);
    alignments.push({
      id: alignmentId(a, b),
      relation: rel.relation,
      score: Math.round(Math.min(1, pair.score) * 1000) / 1000,
      confidence: Math.round(rel.score * 1000) / 1000,
      a,
      b,
      evidence: rel.evidence,
    });
  }
  options.onProgress?.('relations', pairs.length, pairs.length);
  return {
    documents: docs.map((d) => ({ id: d.id, title: d.title, authors: d.authors, ...(d.date ? { date: d.date } : {}) })),
    alignments,
  };
}
