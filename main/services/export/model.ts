/**
 * What every export format reads: a snapshot of the workspace with each document's
 * plain text, citations, tag paths and the passages of links and suggestions, so the
 * formats only decide how to write it down.
 */
import type { Annotation, DocumentRecord, Link, Relation, Suggestion, Tag, WorkspaceFile } from '../../../common/model';
import { citeLabel } from '../../../common/labels';
import { textOf } from '../annotations/anchors';

export interface ExportDocument {
  record: DocumentRecord;
  /** Plain text (the offsets of annotations count UTF-16 units in it). */
  text: string;
  /** "Hornung 2022" (common/labels). */
  citation: string;
  authors: string;
}

/** One passage of a link or suggestion. */
export interface ExportPassage {
  doc: string;
  start: number;
  end: number;
  exact: string;
  /** A link end whose text could not be found after the document changed. */
  orphan?: boolean;
}

/** A relation between passages of several documents: a link the analyst made, or a suggestion of Align. */
export interface ExportRelation {
  id: string;
  kind: 'link' | 'suggestion';
  relation: Relation;
  passages: ExportPassage[];
  note: string;
  tags: string[];
  /** Links: 'link'; suggestions: 'suggested' (accepted ones are links, dismissed ones are left out). */
  status: string;
  score?: number;
  createdAt?: string;
}

export interface ExportModel {
  name: string;
  exportedAt: string;
  documents: ExportDocument[];
  doc(id: string): ExportDocument | undefined;
  tags: Tag[];
  tag(id: string): Tag | undefined;
  /** "Security > Deterrence". */
  tagPath(id: string): string;
  annotations: Annotation[];
  relations: ExportRelation[];
}

function linksOf(links: Link[]): ExportRelation[] {
  return links.map((l) => ({
    id: l.id,
    kind: 'link' as const,
    relation: l.relation,
    passages: l.ends.map((e) => ({
      doc: e.doc,
      start: e.start,
      end: e.end,
      exact: e.quote.exact,
      orphan: e.orphan || undefined,
    })),
    note: l.note,
    tags: [...l.tags],
    status: 'link',
    createdAt: l.createdAt,
  }));
}

/** Suggestions the analyst has not decided on (an accepted one is a link, a dismissed one is left out). */
function suggestionsOf(suggestions: Suggestion[], links: Link[]): ExportRelation[] {
  const linked = new Set(links.map((l) => l.suggestion).filter(Boolean));
  return suggestions
    .filter((s) => s.status === 'suggested' && !linked.has(s.id))
    .map((s) => ({
      id: s.id,
      kind: 'suggestion' as const,
      relation: s.relation,
      passages: [s.a, s.b].map((p) => ({ doc: p.doc, start: p.start, end: p.end, exact: p.text })),
      note: s.evidence
        .map((e) => e.note)
        .filter(Boolean)
        .slice(0, 6)
        .join('; '),
      tags: [],
      status: s.status,
      score: s.score,
    }));
}

/** Takes a snapshot of `data` for export (later changes to the workspace do not reach it). */
export function exportModel(data: WorkspaceFile, now = new Date()): ExportModel {
  const documents = data.documents.map((record): ExportDocument => {
    return {
      record: structuredClone(record),
      text: textOf(record),
      citation: citeLabel(record.meta, 60),
      authors: record.meta.authors.join('; '),
    };
  });
  const byId = new Map(documents.map((d) => [d.record.id, d]));
  const tags = structuredClone(data.codebook);
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const tagPath = (id: string): string => {
    const names: string[] = [];
    for (
      let t = tagById.get(id), guard = 0;
      t && guard < 50;
      t = t.parentId ? tagById.get(t.parentId) : undefined, guard++
    ) {
      names.unshift(t.name);
    }
    return names.join(' > ') || id;
  };
  return {
    name: data.name,
    exportedAt: now.toISOString(),
    documents,
    doc: (id) => byId.get(id),
    tags,
    tag: (id) => tagById.get(id),
    tagPath,
    annotations: structuredClone(data.annotations),
    relations: [...linksOf(data.links), ...suggestionsOf(data.suggestions, data.links)],
  };
}

/** Reports progress every so many items and lets other work run in between. */
export type Progress = (done: number, total: number) => Promise<void> | void;

/** Calls `progress` every `every` items (and yields to the event loop there). */
export async function tick(progress: Progress | undefined, i: number, total: number, every = 500): Promise<void> {
  if (progress && (i % every === 0 || i === total)) {
    await progress(i, total);
    await new Promise((r) => setImmediate(r));
  }
}
