/**
 * Differences between two passages that an analyst should check: a negation on one
 * side, antonyms, differing quantities, contrasts of degree, words calling a claim
 * wrong. Each cue says whether it is strong enough to decide a conflict on its own —
 * only when it is anchored on what both sides talk about (see `decisive`).
 */
import type { Evidence } from '../../../common/model';
import {
  ADVERBS_ONLY,
  COUNTER_CLAIM,
  DEGREES,
  DOUBT_AND_DENIAL,
  NEGATIVE_IMPLICATIVES,
  NEGATIVE_VERBS,
  NEGATORS,
  NOT_DENYING,
  SENTENTIAL_NEGATORS,
  generalAntonyms,
  isNegativeForm,
} from './cues';
import type { Token } from './normalise';

/** One side of a pair: its tokens and the index term of each (see passages.ts). */
export interface Side {
  tokens: Token[];
  termOf: string[];
  /** Multi-word concept mentions: first token → one past the last. */
  ends?: Map<number, number>;
  /** Year the text was written, for telling change over time from contradiction. */
  year?: number;
}

/** A difference cue, and whether it can decide a conflict (and of what kind of claim). */
export interface Difference {
  evidence: Evidence;
  /** Strong, checkable evidence of a contradiction about the same subject. */
  decisive: boolean;
  /** A difference in a state of affairs or a quantity, which may be change over time. */
  changeable: boolean;
}

const range = (t: Token): [number, number] => [t.start, t.end];

/** Shared terms in the clause of token `i`. */
function sharedInClause(side: Side, i: number, shared: Set<string>): Set<string> {
  const clause = side.tokens[i].clause;
  const out = new Set<string>();
  side.termOf.forEach((t, k) => {
    if (t && shared.has(t) && side.tokens[k].clause === clause) out.add(t);
  });
  return out;
}

/**
 * Whether the clause of token `at` says "not" in any form: a negator, a word like
 * "impossible", or a verb like "preclude" other than the word at `at` itself ("ban" is the
 * predicate of "they ban it", which "they do not ban it" denies).
 */
function clauseIsNegative(side: Side, at: number): boolean {
  const clause = side.tokens[at].clause;
  return side.tokens.some(
    (t, k) =>
      t.clause === clause &&
      (NEGATORS.has(t.norm) || isNegativeForm(t.norm) || (k !== at && NEGATIVE_VERBS.has(t.norm))),
  );
}

/**
 * The same predicate negated on one side: a negator that asserts (not in a question, which
 * asks rather than denies; not "not only", "no more than", "no doubt" and the like, which
 * restrict, compare or affirm) whose predicate — the first term after it in its clause,
 * within five words, an adverb in between being read past — is a shared term; on the other side that term stands, asserted, in
 * a clause with no negation of any form; and the two clauses share a second term (the
 * subject). Decisive only when the negator denies a predicate (SENTENTIAL_NEGATORS).
 */
function negation(x: Side, y: Side, shared: Set<string>, xIsA: boolean): Difference | undefined {
  for (const [i, t] of x.tokens.entries()) {
    if (!NEGATORS.has(t.norm) || t.question || NOT_DENYING.has(x.tokens[i + 1]?.norm ?? '')) continue;
    const next = [x.tokens[i + 1]?.norm, x.tokens[i + 2]?.norm];
    if (next.some((n) => n && (NEGATIVE_IMPLICATIVES.has(n) || DOUBT_AND_DENIAL.has(n)))) continue;
    for (let k = i + 1; k <= Math.min(x.tokens.length - 1, i + 5); k++) {
      if (x.tokens[k].clause !== t.clause) break;
      const term = x.termOf[k];
      // An adverb in between modifies the predicate ("not fundamentally shifted"); it is not it.
      if (!term || ADVERBS_ONLY.has(x.tokens[k].norm)) continue;
      // The predicate is the first term in the negator's scope: only it is denied.
      if (!shared.has(term)) break;
      // Every mention on the other side asserts it: one denied or asked there too is no contradiction.
      const mentions = y.termOf.flatMap((u, m) => (u === term ? [m] : []));
      if (mentions.some((m) => y.tokens[m].question || clauseIsNegative(y, m))) break;
      const j = mentions[0];
      const common = [...sharedInClause(x, i, shared)].filter((s) => sharedInClause(y, j, shared).has(s));
      return {
        evidence: {
          kind: 'negation',
          a: xIsA ? range(t) : null,
          b: xIsA ? null : range(t),
          note: `"${t.surface} … ${x.tokens[k].surface}" on one side only`,
        },
        // A denied constituent ("no bill of rights") is a difference to check, not a contradiction.
        decisive: common.length >= 2 && SENTENTIAL_NEGATORS.has(t.norm),
        changeable: true,
      };
    }
  }
  return undefined;
}

/** The clause years of a side (a clause may name the time it speaks of). */
function yearsOf(side: Side, clause: number | undefined): number[] {
  return side.tokens.filter((t) => t.clause === clause && t.unit === 'year').map((t) => t.value!);
}

/**
 * Differing quantities with the same unit. Decisive when each number's clause holds a
 * shared term (the same entity) and the clauses name no different years (the same time).
 */
function numbers(a: Side, b: Side, shared: Set<string>): Difference | undefined {
  const nums = (s: Side) =>
    s.tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.value !== undefined && t.unit && t.unit !== 'year');
  const numsB = nums(b);
  for (const { t: x, i } of nums(a)) {
    const same = numsB.filter(({ t }) => t.unit === x.unit);
    if (same.length === 0 || same.some(({ t }) => t.value === x.value)) continue;
    const { t: y, j } = { t: same[0].t, j: same[0].i };
    const sa = sharedInClause(a, i, shared);
    const entity = [...sharedInClause(b, j, shared)].some((s) => sa.has(s));
    const ya = yearsOf(a, x.clause);
    const yb = yearsOf(b, y.clause);
    const sameTime = !(ya.length && yb.length && !ya.some((v) => yb.includes(v)));
    return {
      evidence: { kind: 'number', a: range(x), b: range(y), note: `${x.surface.trim()} / ${y.surface.trim()}` },
      decisive: entity && sameTime,
      changeable: true,
    };
  }
  return undefined;
}

/** Which tokens name a concept ("Northern Territories", "White House"): their words are a name, not a claim. */
function inConcept(side: Side): boolean[] {
  const out = side.tokens.map((_, i) => side.termOf[i]?.startsWith('c:') ?? false);
  for (const [from, to] of side.ends ?? []) for (let i = from; i < to; i++) out[i] = true;
  return out;
}

/**
 * A pair of words from `index`, one on each side, where the other side lacks it; words of
 * a concept's name ("Northern" of "Northern Territories") are no contrast.
 */
function pair(
  a: Side,
  b: Side,
  index: Map<string, Set<string>>,
  accept: (i: number, j: number) => boolean,
): { i: number; j: number } | undefined {
  const named = { a: inConcept(a), b: inConcept(b) };
  const inB = new Map<string, number[]>();
  b.tokens.forEach((t, j) => {
    if (!named.b[j]) inB.set(t.norm, [...(inB.get(t.norm) ?? []), j]);
  });
  const normsA = new Set(a.tokens.map((t) => t.norm));
  for (const [i, token] of a.tokens.entries()) {
    if (named.a[i]) continue;
    const opposite = index.get(token.norm);
    if (!opposite || inB.has(token.norm)) continue; // both sides using the word is no contrast
    for (const o of opposite) {
      if (normsA.has(o)) continue;
      const j = inB.get(o)?.find((k) => accept(i, k));
      if (j !== undefined) return { i, j };
    }
  }
  return undefined;
}

/** Antonyms (WordNet) or a degree contrast (Horn scales), each in a clause about something both share. */
function contrast(a: Side, b: Side, shared: Set<string>, kind: 'antonym' | 'degree'): Difference | undefined {
  const index = kind === 'antonym' ? generalAntonyms() : DEGREES;
  const hit = pair(
    a,
    b,
    index,
    (i, j) => sharedInClause(a, i, shared).size > 0 && sharedInClause(b, j, shared).size > 0,
  );
  if (!hit) return undefined;
  const ta = a.tokens[hit.i];
  const tb = b.tokens[hit.j];
  const source = kind === 'antonym' ? 'WordNet antonyms' : 'a scale of degree';
  return {
    evidence: { kind, a: range(ta), b: range(tb), note: `${ta.surface} / ${tb.surface} (${source})` },
    decisive: false,
    changeable: true,
  };
}

/** A word calling a claim wrong, in a clause that speaks of what the other side says. */
function counterClaim(a: Side, b: Side, shared: Set<string>): Difference | undefined {
  for (const [s, isA] of [
    [a, true],
    [b, false],
  ] as const) {
    const i = s.tokens.findIndex((t) => COUNTER_CLAIM.has(t.norm));
    if (i < 0) continue;
    const t = s.tokens[i];
    return {
      evidence: {
        kind: 'marker',
        a: isA ? range(t) : null,
        b: isA ? null : range(t),
        note: `"${t.surface}" calls a claim wrong`,
      },
      decisive: sharedInClause(s, i, shared).size >= 2,
      changeable: false,
    };
  }
  return undefined;
}

/** Every difference cue of a pair, given the terms both sides share. */
export function findDifferences(a: Side, b: Side, shared: Set<string>): Difference[] {
  return [
    negation(a, b, shared, true) ?? negation(b, a, shared, false),
    numbers(a, b, shared),
    contrast(a, b, shared, 'antonym'),
    contrast(a, b, shared, 'degree'),
    counterClaim(a, b, shared),
  ].filter((d): d is Difference => !!d);
}
