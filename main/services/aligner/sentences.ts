/**
 * Sentence boundaries in plain text, with offsets. A period ends a sentence unless it
 * closes an abbreviation (U.S., Dr., No., e.g.), an initial (Stephen R. Nagy) or a
 * number (3.5); the next sentence must start with a capital, a digit or an opening
 * quote or bracket.
 */

/** A half-open range [start, end) of plain-text offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Lowercased abbreviations (without their final period) after which a period goes on. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'vs',
  'v',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'viz',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'gen',
  'gov',
  'sen',
  'rep',
  'pres',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'assn',
  'vol',
  'vols',
  'pp',
  'p',
  'fig',
  'figs',
  'ch',
  'sec',
  'art',
  'ed',
  'eds',
  'rev',
  'hon',
  'esq',
  'capt',
  'col',
  'lt',
  'sgt',
  'adm',
  'cmdr',
  'maj',
  'mt',
  'ft',
  'approx',
  'est',
  'op',
  'ibid',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'd.c',
  'a.m',
  'p.m',
  'u.s.a',
  'u.s.s.r',
  'n.b',
  'ph.d',
  'b.a',
  'm.a',
]);

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

function isUpperOrDigit(ch: string): boolean {
  return /[\p{Lu}\p{Nd}]/u.test(ch);
}

/** The word right before `index` (the period's position), without leading punctuation. */
function wordBefore(text: string, index: number, from: number): string {
  let i = index;
  while (i > from && !/\s/.test(text[i - 1])) i--;
  return text.slice(i, index).replace(/^[^\p{L}\p{N}]+/u, '');
}

/** Splits text[from, to) into trimmed sentence spans. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') {
      push(i);
      start = i;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < to && CLOSERS.includes(text[j])) j++;
    // Footnote markers in superscript digits may follow the period.
    while (j < to && /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text[j])) j++;
    if (j < to && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < to && /\s/.test(text[k])) k++;
    if (k >= to) break;
    let next = text[k];
    if (OPENERS.includes(next) && k + 1 < to) next = text[k + 1];
    if (!isUpperOrDigit(next)) continue;
    if (ch === '.') {
      const word = wordBefore(text, i, start);
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower)) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "Stephen R. Nagy"
      if (/^(\p{L}\.)+\p{L}$/u.test(word)) continue; // dotted acronyms: "U.S", "S.R"
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return spans;
}
