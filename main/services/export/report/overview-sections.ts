/**
 * The overviews in the report: the synopsis grid (topics × documents by date, each cell the
 * author's passages with their stance) and the agreement table (author × author counts of
 * the analyst's agreements and conflicts), built by the same logic as the views.
 */
import {
  agreementMatrix,
  authorLabel,
  byDate,
  ConceptFinder,
  groupTopics,
  synopsisRows,
  topicName,
  yearNumber,
  type SynopsisRow,
} from '../../../../common/overviews';
import type { ExportModel } from '../model';
import type { Run, ReportSection } from './blocks';

const STANCE = { agree: 'agrees with', conflict: 'conflicts with', related: 'related to' } as const;

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** The passages of one row in one document, each with its stances, as runs of a table cell. */
function cell(model: ExportModel, row: SynopsisRow, doc: string): Run[] {
  const label = (id: string) => {
    const d = model.doc(id);
    return d ? authorLabel(d.record.meta) : id;
  };
  const passages: { start: number; end: number; text: string; stances: Map<string, Set<string>> }[] = [];
  if (row.kind === 'tag') {
    const ids = new Set([row.record.tag!]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of model.tags) {
        if (t.parentId && ids.has(t.parentId) && !ids.has(t.id)) grew = !!ids.add(t.id);
      }
    }
    for (const a of model.annotations) {
      if (a.doc === doc && !a.orphan && a.tags.some((t) => ids.has(t)))
        passages.push({ start: a.start, end: a.end, text: a.quote.exact, stances: new Map() });
    }
  } else {
    for (const { link, end } of row.group.ends) {
      if (end.doc !== doc || end.orphan) continue;
      let p = passages.find((x) => x.start === end.start && x.end === end.end);
      if (!p) passages.push((p = { start: end.start, end: end.end, text: end.quote.exact, stances: new Map() }));
      const others = link.ends.filter((e) => e.doc !== doc).map((e) => label(e.doc));
      if (!others.length) continue;
      const set = p.stances.get(link.relation) ?? new Set<string>();
      for (const o of others) set.add(o);
      p.stances.set(link.relation, set);
    }
  }
  passages.sort((a, b) => a.start - b.start);
  return passages.flatMap((p, i) => [
    ...(i > 0 ? [{ text: ' · ' }] : []),
    { text: `“${clip(p.text, 300)}”` },
    ...[...p.stances].map(([relation, who]) => ({
      text: ` (${STANCE[relation as keyof typeof STANCE]} ${[...who].join(', ')})`,
      italic: true,
    })),
  ]);
}

const synopsis: ReportSection = {
  id: 'synopsis',
  title: 'Synopsis',
  build(model) {
    const rows = synopsisRows(groupTopics(model.links, model.topics), model.topics);
    if (!rows.length) return [];
    const docs = byDate(model.documents.map((d) => ({ id: d.record.id, meta: d.record.meta })));
    const concepts = new ConceptFinder(model.concepts);
    const tagName = (id: string) => model.tag(id)?.name ?? id;
    return [
      {
        kind: 'table',
        header: [
          'Topic',
          ...docs.map((d) => `${authorLabel(d.meta)}${yearNumber(d.meta) ? ` ${yearNumber(d.meta)}` : ''}`),
        ],
        rows: rows.map((row) => [
          [
            {
              text:
                row.kind === 'tag'
                  ? (row.record.name ?? `#${tagName(row.record.tag!)}`)
                  : topicName(row.group, tagName, concepts).text,
              bold: true,
            },
          ],
          ...docs.map((d) => cell(model, row, d.id)),
        ]),
      },
    ];
  },
};

const agreement: ReportSection = {
  id: 'agreement',
  title: 'Agreement between authors',
  build(model) {
    const docs = model.documents.map((d) => ({ id: d.record.id, meta: d.record.meta }));
    const m = agreementMatrix({ docs, links: model.links });
    if (m.authors.length < 2 || (m.max.agree === 0 && m.max.conflict === 0)) return [];
    return [
      {
        kind: 'paragraph',
        runs: [{ text: 'Agreements / conflicts between the passages the analyst linked.', italic: true }],
      },
      {
        kind: 'table',
        header: ['', ...m.authors.map((a) => a.label)],
        rows: m.authors.map((row, i) => [
          [{ text: row.label, bold: true }],
          ...m.authors.map((_, j) => {
            const c = m.cell(i, j);
            return [{ text: c.agree || c.conflict ? `${c.agree} / ${c.conflict}` : '–' }];
          }),
        ]),
      },
    ];
  },
};

/** The overviews' sections of the report, in order. */
export const OVERVIEW_SECTIONS: ReportSection[] = [synopsis, agreement];
