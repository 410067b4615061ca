/** How a fresh Align result joins the suggestions the workspace already holds. */
import type { Suggestion } from '../../../common/model';
import type { AlignOutput } from '../aligner/align';

/** Suggestions Align keeps per run. */
export const SUGGESTIONS_PER_RUN = 150;

/**
 * New suggestions replace the undecided ones; those the analyst accepted or dismissed
 * stay as they are (a fresh result with the same id does not bring them back).
 */
export function mergeSuggestions(
  previous: Suggestion[],
  result: AlignOutput,
  revisions: Map<string, number>,
): Suggestion[] {
  const decided = previous.filter((s) => s.status !== 'suggested');
  const decidedIds = new Set(decided.map((s) => s.id));
  const fresh: Suggestion[] = result.alignments
    .filter((al) => !decidedIds.has(al.id))
    .map((al) => ({
      id: al.id,
      relation: al.relation,
      score: al.score,
      confidence: al.confidence,
      a: { ...al.a, revision: revisions.get(al.a.doc) ?? 0 },
      b: { ...al.b, revision: revisions.get(al.b.doc) ?? 0 },
      evidence: al.evidence,
      status: 'suggested',
    }));
  return [...decided, ...fresh];
}
