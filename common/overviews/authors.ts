/** Who wrote a document, as the overviews compare them: one author (or team) per byline. */
import { yearOf, type DocumentMeta } from '../model';

/** A document as the overviews need it. */
export interface DocumentInfo {
  id: string;
  meta: Pick<DocumentMeta, 'authors' | 'date' | 'title'>;
}

/** One author (or team of co-authors) and their documents. */
export interface Author {
  /** The byline, the same for every document the same people wrote. */
  key: string;
  /** "Nagy & Nguyen", "Rinna", "Smith et al.": surnames as a reader cites them. */
  label: string;
  docs: string[];
  /** The year of their earliest document, if known. */
  year?: number;
}

const surname = (name: string) => name.trim().split(/\s+/).pop() ?? name;

/** The key of a document's author: the byline, or the title when no author is known. */
export function authorKey(meta: DocumentInfo['meta']): string {
  return meta.authors.length ? meta.authors.map((a) => a.trim()).join('; ') : `“${meta.title}”`;
}

/** "Nagy & Nguyen": how a byline is shown in the overviews. */
export function authorLabel(meta: DocumentInfo['meta']): string {
  const a = meta.authors;
  if (!a.length) return meta.title.length > 40 ? `${meta.title.slice(0, 39)}…` : meta.title;
  if (a.length === 1) return surname(a[0]);
  if (a.length === 2) return `${surname(a[0])} & ${surname(a[1])}`;
  return `${surname(a[0])} et al.`;
}

/** The year a document was written, as a number. */
export function yearNumber(meta: DocumentInfo['meta']): number | undefined {
  const y = yearOf(meta.date);
  return y ? Number(y) : undefined;
}

/** Documents ordered by date (undated last, then by title), as the grid's columns are. */
export function byDate<T extends DocumentInfo>(docs: T[]): T[] {
  return [...docs].sort((a, b) => {
    const da = a.meta.date ?? '9999';
    const db = b.meta.date ?? '9999';
    return da < db ? -1 : da > db ? 1 : a.meta.title.localeCompare(b.meta.title);
  });
}

/** The authors of a set of documents, ordered by their earliest document's date. */
export function authorsOf(docs: DocumentInfo[]): Author[] {
  const found = new Map<string, Author>();
  for (const d of byDate(docs)) {
    const key = authorKey(d.meta);
    const known = found.get(key);
    if (known) known.docs.push(d.id);
    else found.set(key, { key, label: authorLabel(d.meta), docs: [d.id], year: yearNumber(d.meta) });
  }
  return [...found.values()];
}
