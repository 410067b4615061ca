/**
 * The agreement chart's numbers: for every pair of authors, how many agreements and
 * conflicts join their passages, from the analyst's links and, if asked, the unreviewed
 * suggestions of Align.
 */
import type { Link, Suggestion } from '../model';
import { authorKey, authorsOf, type Author, type DocumentInfo } from './authors';

/** One comparison counted in a cell: a link, or a suggestion not yet reviewed. */
export interface MatrixItem {
  kind: 'link' | 'suggestion';
  id: string;
  relation: 'agree' | 'conflict';
}

/** The counts of one unordered pair of authors (the same author twice: their own texts). */
export interface MatrixCell {
  agree: number;
  conflict: number;
  items: MatrixItem[];
}

export interface AgreementMatrix {
  authors: Author[];
  /** The cell of authors i and j (in either order); empty counts when nothing joins them. */
  cell(i: number, j: number): MatrixCell;
  /** The largest count of any cell, per relation (for the colour scale). */
  max: { agree: number; conflict: number };
}

export interface MatrixInput {
  docs: DocumentInfo[];
  links: Link[];
  suggestions?: Suggestion[];
  /** Count suggestions the analyst has not yet accepted or dismissed. */
  includeSuggestions?: boolean;
}

/**
 * Counts agreements and conflicts between authors. A link joining n passages counts once
 * for every pair of its passages (two of three authors agreeing is one pair among three);
 * related links are not counted. Accepted suggestions are links already and dismissed ones
 * are not counted; passages of unknown documents are skipped.
 */
export function agreementMatrix({ docs, links, suggestions = [], includeSuggestions }: MatrixInput): AgreementMatrix {
  const authors = authorsOf(docs);
  const authorIndex = new Map(authors.map((a, i) => [a.key, i]));
  const docAuthor = new Map(docs.map((d) => [d.id, authorIndex.get(authorKey(d.meta))!]));
  const cells = new Map<number, MatrixCell>();
  const n = authors.length;
  const keyOf = (i: number, j: number) => (i <= j ? i * n + j : j * n + i);
  const max = { agree: 0, conflict: 0 };
  const count = (docA: string, docB: string, item: MatrixItem) => {
    const i = docAuthor.get(docA);
    const j = docAuthor.get(docB);
    if (i === undefined || j === undefined) return;
    const key = keyOf(i, j);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { agree: 0, conflict: 0, items: [] }));
    cell[item.relation]++;
    if (cell.items.at(-1)?.id !== item.id) cell.items.push(item);
    if (cell[item.relation] > max[item.relation]) max[item.relation] = cell[item.relation];
  };
  for (const link of links) {
    if (link.relation === 'related') continue;
    const item: MatrixItem = { kind: 'link', id: link.id, relation: link.relation };
    for (let a = 0; a < link.ends.length; a++) {
      for (let b = a + 1; b < link.ends.length; b++) count(link.ends[a].doc, link.ends[b].doc, item);
    }
  }
  if (includeSuggestions) {
    for (const s of suggestions) {
      if (s.status !== 'suggested' || s.relation === 'related') continue;
      count(s.a.doc, s.b.doc, { kind: 'suggestion', id: s.id, relation: s.relation });
    }
  }
  return {
    authors,
    cell: (i, j) => cells.get(keyOf(i, j)) ?? { agree: 0, conflict: 0, items: [] },
    max,
  };
}
