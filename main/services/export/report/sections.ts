/**
 * The report's sections, in order. Each returns blocks or nothing; further sections
 * (the synopsis grid, overviews) are added to REPORT_SECTIONS.
 */
import type { Annotation } from '../../../../common/model';
import type { ExportModel, ExportRelation } from '../model';
import type { ReportBlock, ReportSection } from './blocks';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const RELATION_LABEL = { agree: 'agree', conflict: 'conflict', related: 'related' } as const;

function quoteOf(model: ExportModel, a: Annotation, withDoc: boolean): ReportBlock {
  const d = model.doc(a.doc);
  const tags = a.tags.map((t) => model.tagPath(t)).join(', ');
  const title = d?.record.meta.title ?? a.doc;
  return {
    kind: 'quote',
    text: a.quote.exact,
    color: model.tag(a.tags[0] ?? '')?.color,
    cite: withDoc ? `${d?.citation ?? a.doc}, “${title}”` : (d?.citation ?? a.doc),
    note: a.note || undefined,
    tags: tags || undefined,
  };
}

const codebook: ReportSection = {
  id: 'codebook',
  title: 'Codebook',
  build(model) {
    if (!model.tags.length) return [];
    const usage = new Map<string, number>();
    for (const a of model.annotations) for (const t of a.tags) usage.set(t, (usage.get(t) ?? 0) + 1);
    return [
      {
        kind: 'table',
        header: ['Tag', 'Description', 'Annotations'],
        rows: model.tags.map((t) => [
          [
            { text: '■ ', color: t.color },
            { text: model.tagPath(t.id), bold: !t.parentId },
          ],
          [{ text: t.description }],
          [{ text: String(usage.get(t.id) ?? 0) }],
        ]),
      },
    ];
  },
};

function relationBlocks(model: ExportModel, r: ExportRelation): ReportBlock[] {
  const who =
    r.kind === 'link'
      ? 'Linked by the analyst'
      : `Suggested by Align (${r.status}, score ${(r.score ?? 0).toFixed(2)})`;
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      runs: [
        { text: r.passages.map((p) => model.doc(p.doc)?.citation ?? p.doc).join(' ↔ '), bold: true },
        { text: ` — ${RELATION_LABEL[r.relation]}. ${who}.`, italic: true },
      ],
    },
  ];
  for (const p of r.passages) {
    blocks.push({ kind: 'quote', text: p.exact, color: '#d64545', cite: model.doc(p.doc)?.citation ?? p.doc });
  }
  if (r.note) blocks.push({ kind: 'paragraph', runs: [{ text: 'Note: ', bold: true }, { text: r.note }] });
  return blocks;
}

/** Where the authors contradict each other: conflict links first, then conflict suggestions not dismissed. */
const contradictions: ReportSection = {
  id: 'contradictions',
  title: 'Contradictions',
  build(model) {
    const conflicts = model.relations
      .filter((r) => r.relation === 'conflict')
      .sort((a, b) => (a.kind === b.kind ? (b.score ?? 1) - (a.score ?? 1) : a.kind === 'link' ? -1 : 1));
    return conflicts.flatMap((r) => relationBlocks(model, r));
  },
};

const byTag: ReportSection = {
  id: 'by-tag',
  title: 'Annotations by tag',
  build(model) {
    const blocks: ReportBlock[] = [];
    const byTagId = new Map<string, Annotation[]>();
    for (const a of model.annotations) {
      for (const t of a.tags) {
        const list = byTagId.get(t);
        if (list) list.push(a);
        else byTagId.set(t, [a]);
      }
    }
    for (const t of model.tags) {
      const tagged = byTagId.get(t.id) ?? [];
      if (!tagged.length) continue;
      blocks.push({ kind: 'heading', level: 3, text: `${model.tagPath(t.id)} (${tagged.length})` });
      for (const a of tagged) blocks.push(quoteOf(model, a, true));
    }
    const untagged = model.annotations.filter((a) => a.tags.length === 0);
    if (untagged.length) {
      blocks.push({ kind: 'heading', level: 3, text: `Without a tag (${untagged.length})` });
      for (const a of untagged) blocks.push(quoteOf(model, a, true));
    }
    return blocks;
  },
};

const byDocument: ReportSection = {
  id: 'by-document',
  title: 'Annotations by document',
  build(model) {
    const blocks: ReportBlock[] = [];
    const byDoc = new Map<string, Annotation[]>();
    for (const a of model.annotations) {
      const list = byDoc.get(a.doc);
      if (list) list.push(a);
      else byDoc.set(a.doc, [a]);
    }
    for (const d of model.documents) {
      const mine = (byDoc.get(d.record.id) ?? []).sort((a, b) => a.start - b.start);
      const m = d.record.meta;
      blocks.push({ kind: 'heading', level: 3, text: m.title });
      blocks.push({
        kind: 'paragraph',
        runs: [
          { text: [d.authors || 'Unknown author', m.venue, m.date].filter(Boolean).join(' · '), italic: true },
          { text: ` — ${mine.length} annotation${mine.length === 1 ? '' : 's'}` },
        ],
      });
      for (const a of mine) blocks.push(quoteOf(model, a, false));
    }
    return blocks;
  },
};

/** The report's sections in order; the overviews add theirs here. */
export const REPORT_SECTIONS: ReportSection[] = [codebook, contradictions, byTag, byDocument];

/** The report as blocks: a title, a summary line, then each section that has something to show. */
export function buildReport(model: ExportModel, sections: ReportSection[] = REPORT_SECTIONS): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: model.name },
    {
      kind: 'paragraph',
      runs: [
        {
          text: `${count(model.documents.length, 'document')}, ${count(model.annotations.length, 'annotation')}, ${count(model.relations.filter((r) => r.kind === 'link').length, 'link')}, ${count(model.tags.length, 'tag')}. Exported from Parallax on ${model.exportedAt.slice(0, 10)}.`,
          italic: true,
        },
      ],
    },
  ];
  for (const section of sections) {
    const body = section.build(model);
    if (body.length) blocks.push({ kind: 'heading', level: 2, text: section.title }, ...body);
  }
  return blocks;
}
