/**
 * The figures `npm run eval` reports for one labelled set, for Parallax and the TF-IDF
 * script side by side: counterpart hit@1/3/5, global recall in the top 100 and 300
 * suggestions, and how right the conflict flags are.
 */
import type { Alignment } from '../../main/services/aligner/align';
import { ConceptMatcher, DEFAULT_CONCEPTS } from '../../main/services/aligner/concepts';
import type { CounterpartIndex } from '../../main/services/aligner/counterparts';
import { sideOfText, yearWritten, type AlignInput } from '../../main/services/aligner/passages';
import { relate } from '../../main/services/aligner/relate';
import type { TfidfBaseline } from './baseline';
import { matches, type ResolvedPair } from './labels';

const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);
const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) =>
  x.start < y.end && y.start < x.end;

export const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** Ranks (1-based, Infinity when missing) of each labelled partner, both ways round. */
export interface Ranks {
  parallax: number[];
  /** The same, counting a match only when the sentence that matched (its focus) is the partner. */
  parallaxFocus: number[];
  baseline: number[];
  /** The TF-IDF script reading each sentence in the same context windows as Parallax. */
  baselineInContext: number[];
  /** Parallax refined with sentence embeddings (with --semantic), by context and by focus. */
  refined?: number[];
  refinedFocus?: number[];
}

/** Each labelled pair both ways round: the query passage and the partner's document and span. */
function queries(pairs: ResolvedPair[]) {
  return pairs
    .filter((x) => x.relation !== 'none')
    .flatMap((p) => [
      { from: p.a.doc, span: p.spanA, to: p.b.doc, target: p.spanB },
      { from: p.b.doc, span: p.spanB, to: p.a.doc, target: p.spanA },
    ]);
}

const rankOf = <T>(ranked: T[], hit: (x: T) => boolean) => {
  const at = ranked.findIndex(hit);
  return at < 0 ? Infinity : at + 1;
};

/** Where the labelled partner ranks among a passage's counterparts (by context and by focus). */
export function partnerRanks(
  pairs: ResolvedPair[],
  index: CounterpartIndex,
): Pick<Ranks, 'parallax' | 'parallaxFocus'> {
  const out = { parallax: [] as number[], parallaxFocus: [] as number[] };
  for (const { from, span, to, target } of queries(pairs)) {
    const got = index.query({ doc: from, start: span.start, end: span.end, k: 5, within: to }).matches;
    out.parallax.push(rankOf(got, (m) => overlaps(m, target)));
    out.parallaxFocus.push(rankOf(got, (m) => overlaps(m.focus ?? m, target)));
  }
  return out;
}

/** The same for Parallax and, beside it, the TF-IDF script by sentences and by windows. */
export function counterpartRanks(
  docs: AlignInput[],
  pairs: ResolvedPair[],
  index: CounterpartIndex,
  baseline: TfidfBaseline,
): Ranks {
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  const out: Ranks = { ...partnerRanks(pairs, index), baseline: [], baselineInContext: [] };
  for (const { from, span, to, target } of queries(pairs)) {
    const text = docs[byId.get(from)!].text.slice(span.start, span.end);
    out.baseline.push(rankOf(baseline.rankIn(byId.get(to)!, text).slice(0, 5), (s) => overlaps(s, target)));
    out.baselineInContext.push(rankOf(baseline.rankWindowsIn(byId.get(to)!, text, 5), (s) => overlaps(s, target)));
  }
  return out;
}

export const hitAt = (ranks: number[], k: number) => ranks.filter((r) => r <= k).length;

/** Labelled pairs (not false friends) found among the first `n` suggestions. */
export function recallAt(alignments: Alignment[], pairs: ResolvedPair[], n: number): number {
  const top = alignments.slice(0, n);
  return pairs.filter((l) => l.relation !== 'none' && top.some((al) => matches(al, l))).length;
}

/** The relation classifier on the labelled passages themselves. */
export function relationsOfLabels(docs: AlignInput[], pairs: ResolvedPair[]): { gold: string; got: string }[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return pairs.map((l) => {
    const da = byId.get(l.a.doc)!;
    const db = byId.get(l.b.doc)!;
    const r = relate(
      sideOfText(da.text.slice(l.spanA.start, l.spanA.end), matcher, yearWritten(da)),
      sideOfText(db.text.slice(l.spanB.start, l.spanB.end), matcher, yearWritten(db)),
    );
    return { gold: l.relation, got: r.relation };
  });
}

/** One set's table: Parallax beside the TF-IDF script. */
export function report(
  name: string,
  pairs: ResolvedPair[],
  docs: AlignInput[],
  ranks: Ranks,
  suggestions: { parallax: Alignment[]; baseline: Alignment[] },
): void {
  const positives = pairs.filter((p) => p.relation !== 'none');
  const falseFriends = pairs.length - positives.length;
  const q = ranks.parallax.length;
  console.log(`\n  ${name}: ${positives.length} labelled pairs, ${falseFriends} false friends`);
  console.log(`    ${''.padEnd(58)}Parallax        TF-IDF script   TF-IDF script, same context windows`);
  const row = (label: string, a: string, b: string, c = '') =>
    console.log(`    ${label.padEnd(58)}${a.padEnd(16)}${b.padEnd(16)}${c}`);
  const hits = (r: number[], k: number) => `${pct(hitAt(r, k), q)} (${hitAt(r, k)})`;
  for (const k of [1, 3, 5]) {
    row(
      `counterpart hit@${k} (${q} queries, both ways round)`,
      hits(ranks.parallax, k),
      hits(ranks.baseline, k),
      hits(ranks.baselineInContext, k),
    );
  }
  for (const k of [1, 3, 5])
    row(`  the sentence that matched (focus) is the partner: hit@${k}`, hits(ranks.parallaxFocus, k), '');
  if (ranks.refined) {
    for (const k of [1, 3, 5]) row(`  refined with sentence embeddings: hit@${k}`, hits(ranks.refined, k), '');
    for (const k of [1, 3, 5]) row(`    refined, by focus: hit@${k}`, hits(ranks.refinedFocus!, k), '');
  }
  for (const n of [100, 300]) {
    const a = recallAt(suggestions.parallax, pairs, n);
    const b = recallAt(suggestions.baseline, pairs, n);
    row(
      `labelled pairs among the top ${n} suggestions`,
      `${pct(a, positives.length)} (${a})`,
      `${pct(b, positives.length)} (${b})`,
    );
  }
  const rows = relationsOfLabels(docs, pairs);
  const flagged = rows.filter((r) => r.got === 'conflict');
  const right = flagged.filter((r) => r.gold === 'conflict').length;
  const conflicts = rows.filter((r) => r.gold === 'conflict').length;
  row(
    `conflict precision on the labelled passages`,
    `${pct(right, flagged.length)} (${right}/${flagged.length})`,
    'no relations',
  );
  row(`conflict recall on the labelled passages`, `${pct(right, conflicts)} (${right}/${conflicts})`, '');
  const ffFlagged = rows.filter((r) => r.gold === 'none' && r.got === 'conflict').length;
  row(`false friends flagged as conflict`, `${ffFlagged} of ${falseFriends}`, '');
  const shown = suggestions.parallax.slice(0, 300).filter((al) => al.relation === 'conflict');
  const judged = shown.filter((al) => pairs.some((l) => matches(al, l)));
  const correct = judged.filter((al) => pairs.some((l) => l.relation === 'conflict' && matches(al, l)));
  const foundConflicts = pairs.filter((l) => l.relation === 'conflict' && shown.some((al) => matches(al, l))).length;
  row(
    `conflict flags in the top 300 suggestions: judged, right`,
    `${shown.length}: ${judged.length} judged, ${correct.length} right (recall ${pct(foundConflicts, conflicts).trim()})`,
    '',
  );
  const agree = rows.filter((r) => r.got === 'agree');
  row(
    `agree precision on the labelled passages`,
    `${pct(agree.filter((r) => r.gold === 'agree').length, agree.length)} (${agree.filter((r) => r.gold === 'agree').length}/${agree.length})`,
    '',
  );
}
