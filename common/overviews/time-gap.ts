/**
 * The time-gap rule: two passages written years apart may disagree because a view
 * changed, not because the authors differ.
 */

/**
 * Years apart from which a contradiction is flagged as possibly a change over time: about
 * one government term (Japan's lower house sits at most four years, a US president four,
 * the House two), so passages three or more years apart may straddle a new government or
 * a revised strategy, while closer ones seldom do. It is a reading aid for the analyst,
 * not evidence: the aligner judges change over time by itself, from the cue and the years.
 */
export const TIME_GAP_YEARS = 3;

/** A flagged gap: the two years and the sentence the analyst reads. */
export interface TimeGap {
  from: number;
  to: number;
  text: string;
}

/**
 * The gap between the years of the passages of one comparison (two or more), when it is
 * at least TIME_GAP_YEARS: "2016 vs 2024: may be a change over time". Undated passages are
 * left out; fewer than two dated ones flag nothing.
 */
export function timeGap(years: (number | undefined)[]): TimeGap | undefined {
  const known = years.filter((y): y is number => typeof y === 'number' && Number.isFinite(y));
  if (known.length < 2) return undefined;
  const from = Math.min(...known);
  const to = Math.max(...known);
  if (to - from < TIME_GAP_YEARS) return undefined;
  return { from, to, text: `${from} vs ${to}: may be a change over time` };
}
