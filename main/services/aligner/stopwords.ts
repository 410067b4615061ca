/**
 * Function words that carry no topic; negators and degree words are kept apart as cues.
 * Most of NLTK's English stopword list (without its contraction fragments), the modal verbs
 * it leaves out (could, would, may, might, must, shall), prepositions and connectives of
 * the same kind (upon, within, without, among, toward…; whether, yet, however, thus,
 * therefore), the reporting verb "say", low numerals and ordinals, common adverbs and
 * quantifiers (also, even, still, ever, every, many, much, well, way, new, per, via), and
 * the negators, which count as cues (differences.ts) rather than as topic.
 */
export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself of off on once only ' +
    'or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves may might must shall upon within without ' +
    'whether yet however thus therefore also even still one two three first second third new say said says many much ' +
    'well way per via among amid toward towards across around since ever every either neither nor not no never'
  ).split(' '),
);

/**
 * Phrases that work as one preposition, whose noun or participle carries no topic of its
 * own: "in addition to", "in terms of", "according to". After the complex prepositions of
 * Quirk, Greenbaum, Leech & Svartvik, A Comprehensive Grammar of the English Language
 * (1985), §9.10–9.13. Matched on the words as written, lower-cased.
 */
const FUNCTION_PHRASES: string[][] = [
  'in addition to',
  'in front of',
  'in spite of',
  'in place of',
  'in case of',
  'in charge of',
  'in favour of',
  'in favor of',
  'in terms of',
  'in view of',
  'in light of',
  'in the light of',
  'in respect of',
  'in relation to',
  'in regard to',
  'in accordance with',
  'in line with',
  'in return for',
  'in the face of',
  'on behalf of',
  'on account of',
  'on top of',
  'by means of',
  'by way of',
  'by virtue of',
  'with regard to',
  'with respect to',
  'with reference to',
  'at the expense of',
  'for the sake of',
  'as a result of',
  'according to',
  'due to',
  'owing to',
  'prior to',
  'instead of',
  'regardless of',
  'apart from',
  'thanks to',
].map((p) => p.split(' '));

/** Whether each of a sentence's words (lower-cased) is part of a complex preposition. */
export function inFunctionPhrase(words: string[]): boolean[] {
  const out = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of FUNCTION_PHRASES) {
      if (phrase[0] !== words[i] || i + phrase.length > words.length) continue;
      if (phrase.every((w, k) => words[i + k] === w)) for (let k = 0; k < phrase.length; k++) out[i + k] = true;
    }
  }
  return out;
}
