/**
 * The relation of two passages — agree, conflict or related — from cues found on the
 * words the two share and the words where they differ (a word-level diff of their
 * normalised terms, via jsdiff with a time limit). Every label carries its cues, with
 * character ranges on each side.
 */
import { diffArrays } from 'diff';
import { termSpecificity } from './background';
import { ANTONYMS, COUNTER_MARKERS, DEGREES, NEGATORS, generalAntonyms } from './cues';
import type { Token } from './normalise';

import type { Evidence, Relation } from '../../../common/model';

export type { Evidence, Relation };

/** One side of a pair: its tokens and the index term of each (see passages.ts). */
export interface Side {
  tokens: Token[];
  termOf: string[];
  /** Multi-word concept mentions: first token → one past the last. */
  ends?: Map<number, number>;
  /** Year the text was written, for telling change over time from contradiction. */
  year?: number;
}

export interface RelationResult {
  relation: Relation;
  /** Confidence in the relation, 0–1. */
  score: number;
  evidence: Evidence[];
  /** Cosine-like overlap of the two sides' terms, 0–1. */
  overlap: number;
}

const range = (t: Token): [number, number] => [t.start, t.end];

/** The last token of the term at `i` (a concept mention may span several words). */
const lastOf = (side: Side, i: number): number => (side.ends?.get(i) ?? i + 1) - 1;

/** The words of a side from token `from` to token `to`, as written. */
function wordsOf(side: Side, from: number, to: number): string {
  const out: string[] = [];
  for (let k = from; k <= to; k++) out.push(side.tokens[k].surface);
  return out.join(' ');
}

/** How a shared term or run reads in the evidence: as side A writes it, and as B does if it differs. */
function sharedNote(a: Side, b: Side, ra: [number, number], rb: [number, number]): string {
  const wa = wordsOf(a, ra[0], ra[1]);
  const wb = wordsOf(b, rb[0], rb[1]);
  return wa.toLowerCase() === wb.toLowerCase() ? wa : `${wa} / ${wb}`;
}

function firstIndex(side: Side, test: (t: Token, i: number) => boolean): number {
  return side.tokens.findIndex(test);
}

/** Shared runs of terms, longest first, as evidence. */
function sharedRuns(a: Side, b: Side): { evidence: Evidence[]; shared: Set<string> } {
  const ia = a.termOf.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
  const ib = b.termOf.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
  const shared = new Set<string>();
  const evidence: (Evidence & { terms: number })[] = [];
  const parts = diffArrays(
    ia.map((i) => a.termOf[i]),
    ib.map((i) => b.termOf[i]),
    { timeout: 50 },
  );
  let pa = 0;
  let pb = 0;
  if (parts) {
    for (const part of parts) {
      const n = part.count ?? part.value.length;
      if (!part.added && !part.removed) {
        for (const v of part.value) shared.add(v);
        const ra: [number, number] = [ia[pa], lastOf(a, ia[pa + n - 1])];
        const rb: [number, number] = [ib[pb], lastOf(b, ib[pb + n - 1])];
        evidence.push({
          kind: 'shared',
          a: [a.tokens[ra[0]].start, a.tokens[ra[1]].end],
          b: [b.tokens[rb[0]].start, b.tokens[rb[1]].end],
          note: sharedNote(a, b, ra, rb),
          terms: n,
        });
      }
      if (!part.added) pa += n;
      if (!part.removed) pb += n;
    }
  }
  // Terms both use out of order count as shared too.
  const inB = new Set(b.termOf.filter(Boolean));
  for (const t of a.termOf)
    if (t && inB.has(t) && !shared.has(t)) {
      shared.add(t);
      const i = a.termOf.indexOf(t);
      const j = b.termOf.indexOf(t);
      const ra: [number, number] = [i, lastOf(a, i)];
      const rb: [number, number] = [j, lastOf(b, j)];
      evidence.push({
        kind: 'shared',
        a: [a.tokens[i].start, a.tokens[ra[1]].end],
        b: [b.tokens[j].start, b.tokens[rb[1]].end],
        note: sharedNote(a, b, ra, rb),
        terms: 1,
      });
    }
  // Longest runs first.
  evidence.sort((x, y) => y.terms - x.terms);
  return { evidence: evidence.slice(0, 6).map(({ terms: _, ...e }) => e), shared };
}

function pairCue(
  a: Side,
  b: Side,
  index: Map<string, Set<string>>,
  kind: 'antonym' | 'degree',
  accept: (i: number, j: number) => boolean = () => true,
): Evidence | undefined {
  const inB = new Map<string, number[]>();
  b.tokens.forEach((t, j) => {
    const at = inB.get(t.norm);
    if (at) at.push(j);
    else inB.set(t.norm, [j]);
  });
  const normsA = new Set(a.tokens.map((t) => t.norm));
  for (const [i, token] of a.tokens.entries()) {
    const opposite = index.get(token.norm);
    if (!opposite || inB.has(token.norm)) continue; // both sides using the word is no contrast
    for (const o of opposite) {
      if (normsA.has(o)) continue;
      const j = inB.get(o)?.find((k) => accept(i, k));
      if (j !== undefined) {
        return { kind, a: range(token), b: range(b.tokens[j]), note: `${token.surface} / ${b.tokens[j].surface}` };
      }
    }
  }
  return undefined;
}

/** Whether token `i` of a side shares its clause with a term both sides use. */
function inSharedClause(side: Side, i: number, shared: Set<string>): boolean {
  const clause = side.tokens[i].clause;
  return side.termOf.some((t, k) => k !== i && shared.has(t) && side.tokens[k].clause === clause);
}

/**
 * An antonym pair from WordNet, when the policy lexicon has none. WordNet's pairs are
 * general ("old/new", "add/subtract"), so each word must stand in a clause that speaks
 * of something both passages share: said of the same thing, not merely nearby.
 */
function wordnetCue(a: Side, b: Side, shared: Set<string>): Evidence | undefined {
  const cue = pairCue(
    a,
    b,
    generalAntonyms(),
    'antonym',
    (i, j) => inSharedClause(a, i, shared) && inSharedClause(b, j, shared),
  );
  return cue && { ...cue, note: `${cue.note} (WordNet antonyms)` };
}

function numberCue(a: Side, b: Side): Evidence | undefined {
  const numsA = a.tokens.filter((t) => t.value !== undefined && t.unit && t.unit !== 'year');
  const numsB = b.tokens.filter((t) => t.value !== undefined && t.unit && t.unit !== 'year');
  for (const x of numsA) {
    const sameUnit = numsB.filter((y) => y.unit === x.unit);
    if (sameUnit.length === 0 || sameUnit.some((y) => y.value === x.value)) continue;
    const y = sameUnit[0];
    return { kind: 'number', a: range(x), b: range(y), note: `${x.surface.trim()} / ${y.surface.trim()}` };
  }
  return undefined;
}

/** Words after "not" that make it "not only … but also", which negates nothing. */
const NOT_ONLY = new Set(['only', 'just', 'merely', 'simply', 'solely', 'strictly']);
/** Verbs that a negation turns into an affirmation ("did not hesitate to act" = acted). */
const LITOTES = new Set(['hesitate', 'fail', 'shy', 'doubt', 'deny', 'stop']);

/**
 * A negator counts only when its scope — the next few words of its clause — holds a
 * term both sides share (the negated predicate or its object).
 */
function negatorNearShared(side: Side, shared: Set<string>): number {
  return firstIndex(side, (t, i) => {
    if (!NEGATORS.has(t.norm)) return false;
    if (NOT_ONLY.has(side.tokens[i + 1]?.norm ?? '')) return false;
    if (LITOTES.has(side.tokens[i + 1]?.norm ?? '') || LITOTES.has(side.tokens[i + 2]?.norm ?? '')) return false;
    for (let k = i + 1; k <= Math.min(side.termOf.length - 1, i + 5); k++) {
      if (side.tokens[k].clause !== t.clause) break;
      if (shared.has(side.termOf[k])) return true;
    }
    return false;
  });
}

function negationCue(a: Side, b: Side, shared: Set<string>): Evidence | undefined {
  const ia = negatorNearShared(a, shared);
  const ib = negatorNearShared(b, shared);
  const negates = (side: Side) => (t: Token, i: number) =>
    NEGATORS.has(t.norm) && !NOT_ONLY.has(side.tokens[i + 1]?.norm ?? '');
  const anyA = firstIndex(a, negates(a));
  const anyB = firstIndex(b, negates(b));
  // Flipped only if the other side has no negator at all.
  if ((ia >= 0 && anyB >= 0) || (ib >= 0 && anyA >= 0)) return undefined;
  if (ia >= 0 === ib >= 0) return undefined;
  const [side, i] = ia >= 0 ? ['a', ia] : ['b', ib];
  const token = (side === 'a' ? a : b).tokens[i];
  return {
    kind: 'negation',
    a: side === 'a' ? range(token) : null,
    b: side === 'b' ? range(token) : null,
    note: `"${token.surface}" on one side only`,
  };
}

function markerCue(a: Side, b: Side): Evidence | undefined {
  for (const [side, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const t = s.tokens.find((x) => COUNTER_MARKERS.has(x.norm));
    if (t)
      return {
        kind: 'marker',
        a: side === 'a' ? range(t) : null,
        b: side === 'b' ? range(t) : null,
        note: `counter-marker "${t.surface}"`,
      };
  }
  return undefined;
}

const WEIGHTS = { negation: 0.35, antonym: 0.45, number: 0.4, degree: 0.35 } as const;
/**
 * A WordNet antonym weighs less than a policy one: alone it does not make a conflict
 * (on the Kennedy–Nixon pairs it flagged more unrelated pairs than it found conflicts),
 * but it adds to another cue.
 */
const GENERAL_ANTONYM_WEIGHT = 0.2;

/** Classifies the relation of two passages. */
export function relate(a: Side, b: Side): RelationResult {
  const { evidence, shared } = sharedRuns(a, b);
  // Shared terms weighed by how specific they are (a shared "want" says little).
  const mass = (terms: Iterable<string>) => {
    let m = 0;
    for (const t of terms) m += termSpecificity(t);
    return m;
  };
  const termsA = new Set(a.termOf.filter(Boolean));
  const termsB = new Set(b.termOf.filter(Boolean));
  const overlap = mass(shared) / Math.sqrt(Math.max(1, mass(termsA)) * Math.max(1, mass(termsB)));
  const policyAntonym = pairCue(a, b, ANTONYMS, 'antonym');
  const generalAntonym = policyAntonym ? undefined : wordnetCue(a, b, shared);
  const antonym = policyAntonym ?? generalAntonym;
  const cues = [negationCue(a, b, shared), antonym, numberCue(a, b), pairCue(a, b, DEGREES, 'degree')].filter(
    (c): c is Evidence => !!c,
  );
  const strength = Math.min(
    1,
    cues.reduce(
      (sum, c) => sum + (c === generalAntonym ? GENERAL_ANTONYM_WEIGHT : WEIGHTS[c.kind as keyof typeof WEIGHTS]),
      0,
    ),
  );
  // Cues mean little between passages that do not speak of the same things.
  if (shared.size >= 2 && cues.length > 0 && strength >= 0.35) {
    const marker = markerCue(a, b);
    const all = [...cues, ...(marker ? [marker] : []), ...evidence];
    if (a.year && b.year && Math.abs(a.year - b.year) >= 3) {
      all.push({
        kind: 'time',
        a: null,
        b: null,
        note: `written ${Math.min(a.year, b.year)} and ${Math.max(a.year, b.year)}: may be a change over time`,
      });
    }
    return { relation: 'conflict', score: Math.min(1, 0.3 + 0.4 * strength + 0.3 * overlap), evidence: all, overlap };
  }
  if (shared.size >= 3 && overlap >= 0.15) {
    return { relation: 'agree', score: Math.min(1, 0.3 + 0.7 * overlap), evidence, overlap };
  }
  return { relation: 'related', score: Math.min(1, 0.2 + 0.6 * overlap), evidence, overlap };
}
