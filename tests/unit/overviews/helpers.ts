import type { Link, Suggestion, Topic } from '../../../common/model';

let n = 0;
/** A link between ranges `[doc, start, end]`; made in call order unless `createdAt` is given. */
export function link(relation: Link['relation'], ends: [string, number, number][], extra: Partial<Link> = {}): Link {
  n++;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  return {
    id: `ln-${n}`,
    relation,
    ends: ends.map(([doc, start, end]) => ({
      doc,
      start,
      end,
      quote: { exact: `text of ${doc} ${start}`, prefix: '', suffix: '' },
      revision: 0,
      orphan: false,
    })),
    tags: [],
    note: '',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export function suggestion(
  id: string,
  relation: Suggestion['relation'],
  a: [string, number, number],
  b: [string, number, number],
  extra: Partial<Suggestion> = {},
): Suggestion {
  const side = ([doc, start, end]: [string, number, number]) => ({
    doc,
    start,
    end,
    text: `${doc} ${start}`,
    revision: 0,
  });
  return {
    id,
    relation,
    score: 0.5,
    confidence: null,
    a: side(a),
    b: side(b),
    evidence: [],
    status: 'suggested',
    ...extra,
  };
}

export function topic(id: string, links: string[], name: string | null = null, tag?: string): Topic {
  return { id, name, links, tag, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
}

/** Four documents by three authors (one wrote two), dated 2016–2024. */
export const DOCS = [
  { id: 'rinna', meta: { title: 'Security complex', authors: ['Anthony V. Rinna'], date: '2016' } },
  { id: 'hornung', meta: { title: 'Interview', authors: ['Jeffrey Hornung'], date: '2022-03' } },
  { id: 'nagy', meta: { title: 'Deterrence', authors: ['Stephen R. Nagy', 'Hanh Nguyen'], date: '2023' } },
  { id: 'rinna-2', meta: { title: 'A later view', authors: ['Anthony V. Rinna'], date: '2024' } },
];
