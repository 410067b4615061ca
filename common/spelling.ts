/**
 * British to American spelling, shared by the aligner (main/services/aligner/normalise.ts),
 * which compares words across documents, and the tag finder, which matches what the analyst
 * types against tag names. The word lists follow the spelling differences set out in the
 * Oxford (Fowler's) and Merriam-Webster usage guides: -our/-or, -ise/-ize, -yse/-yze,
 * -ce/-se, -re/-er and doubled consonants; the -ise list holds verbs spelled -ise in both.
 */

/** British spellings to American, as whole-word exceptions and as suffix rules. */
const SPELLING_EXCEPTIONS: Record<string, string> = {
  defence: 'defense',
  offence: 'offense',
  licence: 'license',
  pretence: 'pretense',
  centre: 'center',
  metre: 'meter',
  theatre: 'theater',
  programme: 'program',
  grey: 'gray',
  kerb: 'curb',
  tyre: 'tire',
  aluminium: 'aluminum',
  judgement: 'judgment',
  enrol: 'enroll',
  fulfil: 'fulfill',
  analyse: 'analyze',
  paralyse: 'paralyze',
  catalogue: 'catalog',
  dialogue: 'dialogue',
  travelled: 'traveled',
  travelling: 'traveling',
  labelled: 'labeled',
  modelling: 'modeling',
};

/** Words ending in -our that are British -or spellings (not "four", "hour", "your"…). */
const OUR_WORDS =
  /^(arm|behavi|colo|endeav|fav|flav|harb|hon|hum|lab|neighb|odo|rig|rum|savi|splend|tum|vap|vig|val|cand|clam|ard|glam)our/;

/** -ise/-isation verbs that are -ize in American spelling (not "rise", "wise", "exercise"…). */
const ISE_EXCEPTIONS = new Set([
  'advertise',
  'advise',
  'arise',
  'chastise',
  'comprise',
  'compromise',
  'concise',
  'demise',
  'despise',
  'devise',
  'disguise',
  'enterprise',
  'excise',
  'exercise',
  'expertise',
  'franchise',
  'improvise',
  'incise',
  'merchandise',
  'noise',
  'otherwise',
  'paradise',
  'precise',
  'premise',
  'promise',
  'raise',
  'revise',
  'rise',
  'supervise',
  'surmise',
  'surprise',
  'televise',
  'treatise',
  'wise',
  'poise',
  'praise',
  'cruise',
  'bruise',
  'chemise',
  'anise',
  'guise',
  'sise',
  'vise',
]);

/** Maps a lowercase British spelling to its American form. */
export function americanSpelling(word: string): string {
  const exact = SPELLING_EXCEPTIONS[word];
  if (exact) return exact;
  if (OUR_WORDS.test(word)) return word.replace(/our/, 'or');
  const ise = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (ise && !ISE_EXCEPTIONS.has(`${ise[1]}ise`) && !ISE_EXCEPTIONS.has(word)) return `${ise[1]}iz${ise[2]}`;
  const yse = /^(.{2,}l)ys(e|es|ed|ing)$/.exec(word);
  if (yse) return `${yse[1]}yz${yse[2]}`;
  return word;
}

/**
 * A name or query as the analyst means it, for matching: case and diacritics folded
 * (Défense → defense), dashes, hyphens and punctuation read as spaces (Russia–China →
 * russia china), and each word in American spelling (defence → defense).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => (word ? americanSpelling(word) : word))
    .join(' ');
}
