/**
 * Words as the aligner compares them: lowercased, quote and dash variants folded,
 * possessives dropped, British spelling mapped to American (defence → defense,
 * favour → favor), and lemmatised (territories → territory, deterring → deter).
 * Numbers are read with their units (2%, US$300 million, 1945).
 */
import lemmatizer from 'wink-lemmatizer';
import { americanSpelling } from '../../../common/spelling';

export { americanSpelling };

/** A word or number of plain text, with its offsets. */
export interface Token {
  /** The text as written. */
  surface: string;
  /** The normalised form compared across documents. */
  norm: string;
  start: number;
  end: number;
  /** Set for numbers: the value, with multipliers (million, bn) applied. */
  value?: number;
  /** Set for numbers with a unit: '%', '$', '¥', '€', '£', 'year'. */
  unit?: string;
  /** Clause number within the tokenised text: it goes up at , ; : brackets and dashes. */
  clause?: number;
  /** Set on the words of a sentence that ends in "?": what it says is asked, not asserted. */
  question?: true;
}

const cache = new Map<string, string>();

/** The lemma of a lowercase word: a noun's singular, else a verb's base, else an adjective's base. */
export function lemma(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const american = americanSpelling(word);
  let result = american;
  if (american.length > 3 && !/ss$/.test(american)) {
    const noun = lemmatizer.noun(american);
    if (noun !== american) result = noun;
    else {
      const verb = lemmatizer.verb(american);
      if (verb !== american) result = verb;
      else result = lemmatizer.adjective(american);
    }
  }
  result = americanSpelling(result);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, result);
  return result;
}

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Stems of negative contractions that are not the verb itself (won't → will). */
const CONTRACTED: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'be' };

const CURRENCY: Record<string, string> = { $: '$', '¥': '¥', '€': '€', '£': '£' };

// A number (with optional currency before and %, multiplier after), or a word.
const TOKEN =
  /(?<cur>(?:US|A|C|NZ|HK)?[$¥€£])?\s?(?<num>\d+(?:[.,]\d+)*)(?<pct>\s?(?:%|per ?cent\b))?(?:\s?(?<mult>thousand|million|billion|trillion|bn|mn|tn)\b)?|(?<word>[\p{L}\p{M}]+(?:['’][\p{L}]+)?)/gu;

function parseNumber(raw: string): number {
  // "9,57" (decimal comma) vs "24,854" (thousands): a comma followed by exactly three digits groups thousands.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return Number(raw.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  return Number(raw.replace(/,/g, ''));
}

const CLAUSE_BREAK = /[,;:()\[\]–—]|\s-\s|[.!?]\s/;

/** Tokenises text[from, to), keeping offsets into the full text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  let clause = 0;
  let last = 0;
  /** The first token of the sentence under way. */
  let sentence = 0;
  const endSentence = (gap: string) => {
    if (!/[.!?]/.test(gap)) return;
    if (gap.includes('?')) for (let i = sentence; i < tokens.length; i++) tokens[i].question = true;
    sentence = tokens.length;
  };
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const gap = slice.slice(last, m.index);
    if (CLAUSE_BREAK.test(gap)) clause++;
    endSentence(gap);
    last = m.index + m[0].length;
    const first = tokens.length;
    if (g.word) {
      let lower = g.word.toLowerCase().replace(/’/g, "'");
      lower = lower.replace(/'s$|'$/, '');
      const negated = /n't$/.exec(lower);
      if (negated) {
        const base = lower.slice(0, -3);
        tokens.push({ surface: g.word, norm: lemma(CONTRACTED[base] ?? base), start, end });
        tokens.push({ surface: g.word, norm: 'not', start, end });
        for (let i = first; i < tokens.length; i++) tokens[i].clause = clause;
        continue;
      }
      if (lower.includes("'")) lower = lower.split("'")[0];
      tokens.push({ surface: g.word, norm: lemma(lower), start, end, clause });
      continue;
    }
    let value = parseNumber(g.num);
    if (g.mult) value *= MULTIPLIERS[g.mult.toLowerCase()] ?? 1;
    let unit: string | undefined;
    if (g.pct) unit = '%';
    else if (g.cur) unit = CURRENCY[g.cur.slice(-1)] ?? g.cur;
    else if (/^(1[5-9]|20)\d\d$/.test(g.num)) unit = 'year';
    tokens.push({ surface: m[0], norm: unit ? `#${unit}${value}` : `#${value}`, start, end, value, unit, clause });
  }
  endSentence(slice.slice(last));
  return tokens;
}
