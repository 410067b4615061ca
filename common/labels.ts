/** How a document is cited in short, wherever Parallax names one. */
import { yearOf } from './model';

/**
 * "O'Shea 2024", "Nagy et al. 2023": lead author's surname and year; the title (cut to
 * `maxTitle` characters) when no author is known.
 */
export function citeLabel(doc: { authors: string[]; date?: string; title: string }, maxTitle = Infinity): string {
  const lead = doc.authors[0]?.trim().split(/\s+/).pop();
  if (!lead) return doc.title.length > maxTitle ? `${doc.title.slice(0, maxTitle - 1)}…` : doc.title;
  const more = doc.authors.length > 1 ? ' et al.' : '';
  const year = yearOf(doc.date);
  return `${lead}${more}${year ? ` ${year}` : ''}`;
}
