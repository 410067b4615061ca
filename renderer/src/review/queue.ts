/**
 * The review queue's order and filters (pure: no DOM). Suggestions are reviewed most
 * confident first; the analyst narrows them by relation, by the pair of documents
 * (either way round) and by status, and keeps their place as items leave the list.
 */
import type { Relation, Suggestion } from '../../../common/model';

export type StatusFilter = 'all' | Suggestion['status'];

export interface QueueFilter {
  relation: Relation | '';
  /** A pair of documents (`pairOf`), or '' for every pair. */
  pair: string;
  status: StatusFilter;
}

/** The key of a pair of documents, the same whichever side each is on. */
export function pairOf(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** How sure Align is of a suggestion: its confidence in the relation where it gives one, else its score. */
export function confidenceOf(s: Suggestion): number {
  return s.confidence ?? s.score;
}

/**
 * The suggestions the filter lets through, most confident first; among those Align is as
 * sure of (most "related" ones share one confidence), the most alike first; then in a
 * stable order.
 */
export function queueItems(list: readonly Suggestion[], filter: QueueFilter): Suggestion[] {
  return list
    .filter(
      (s) =>
        (!filter.relation || s.relation === filter.relation) &&
        (!filter.pair || pairOf(s.a.doc, s.b.doc) === filter.pair) &&
        (filter.status === 'all' || s.status === filter.status),
    )
    .sort((x, y) => confidenceOf(y) - confidenceOf(x) || y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * Where the analyst is after the list changed: the same suggestion if it is still
 * listed, else the one that took its place (the next one), else the last.
 */
export function keepPlace(
  current: string | undefined,
  before: readonly string[],
  after: readonly string[],
): string | undefined {
  if (!after.length) return undefined;
  if (current && after.includes(current)) return current;
  const at = current ? before.indexOf(current) : -1;
  if (at < 0) return after[0];
  // The first one listed before that came after the current one and is still listed.
  for (let i = at + 1; i < before.length; i++) if (after.includes(before[i])) return before[i];
  return after[after.length - 1];
}

/** The pairs of documents the suggestions join, each once. */
export function pairsIn(list: readonly Suggestion[]): string[] {
  return [...new Set(list.map((s) => pairOf(s.a.doc, s.b.doc)))].sort();
}
