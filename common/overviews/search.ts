/**
 * Search across documents: a phrase (any case, any run of white space between its words)
 * in every text, or, when the query names a concept of the lexicon, every form of it
 * (whole words). Each hit carries its context for the results list.
 */
import type { Concept } from '../model';

/** How a hit was found: the words typed, a concept's forms, or a tag's passages. */
export type SearchVia = 'text' | 'concept' | 'tag';

export interface SearchHit {
  doc: string;
  start: number;
  end: number;
  /** Up to CONTEXT_CHARS of text before and after the hit, on one line. */
  before: string;
  match: string;
  after: string;
  via: SearchVia;
  /** The concept or tag it was found through. */
  label?: string;
}

/** Characters of context on each side of a hit. */
export const CONTEXT_CHARS = 60;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The hit at `start..end` of `text`, with its context cut at word boundaries. */
export function hitAt(
  doc: string,
  text: string,
  start: number,
  end: number,
  via: SearchVia,
  label?: string,
): SearchHit {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (from > 0) from = Math.min(start, text.indexOf(' ', from) + 1 || start);
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  return {
    doc,
    start,
    end,
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)).trimStart(),
    match: flat(text.slice(start, end)),
    after: flat(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : ''),
    via,
    label,
  };
}

/** The concept a query names: its label or one of its forms, in any case. */
export function conceptNamed(concepts: Concept[], query: string): Concept | undefined {
  const q = flat(query).trim().toLowerCase();
  if (!q) return undefined;
  return concepts.find((c) => c.label.toLowerCase() === q || c.forms.some((f) => f.toLowerCase() === q));
}

/** The pattern of a query: its words in order, any white space between them, any case. */
export function queryPattern(query: string, wholeWords = false): RegExp | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const body = words.map(escape).join('\\s+');
  return new RegExp(wholeWords ? `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])` : body, 'giu');
}

export interface TextSearch {
  hits: SearchHit[];
  /** Hits found in all (more than `hits` when the limit was reached). */
  total: number;
}

/**
 * Finds a query in texts (documents in the order given, hits in reading order). A query
 * naming a concept also finds the concept's other forms. At most `limit` hits are returned.
 */
export function searchTexts(
  texts: { doc: string; text: string }[],
  query: string,
  concepts: Concept[] = [],
  limit = 1000,
): TextSearch {
  const concept = conceptNamed(concepts, query);
  const patterns: { re: RegExp; via: SearchVia; label?: string }[] = [];
  const typed = queryPattern(query);
  if (typed) patterns.push({ re: typed, via: 'text' });
  if (concept) {
    const typedLower = flat(query).trim().toLowerCase();
    for (const form of [concept.label, ...concept.forms]) {
      if (form.toLowerCase() === typedLower) continue;
      const re = queryPattern(form, true);
      if (re) patterns.push({ re, via: 'concept', label: concept.label });
    }
  }
  const hits: SearchHit[] = [];
  let total = 0;
  for (const { doc, text } of texts) {
    const found: { start: number; end: number; via: SearchVia; label?: string }[] = [];
    for (const p of patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        if (m[0].length === 0) p.re.lastIndex++;
        else found.push({ start: m.index, end: m.index + m[0].length, via: p.via, label: p.label });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // Overlapping hits (the phrase and a form of its concept) count once, and so do two names of
    // the concept written side by side ("Kuril Islands/Northern Territories"): one place.
    const places: typeof found = [];
    for (const f of found) {
      const last = places.at(-1);
      if (last && f.start < last.end) continue;
      if (last && concept && /^[\s/,()–—-]{0,3}$/.test(text.slice(last.end, f.start))) {
        last.end = f.end;
        continue;
      }
      places.push({ ...f });
    }
    for (const f of places) {
      total++;
      if (hits.length < limit) hits.push(hitAt(doc, text, f.start, f.end, f.via, f.label));
    }
  }
  return { hits, total };
}
