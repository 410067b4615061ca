/**
 * What a pane draws of the links: one mark per link end in its document at the revision
 * it shows, with hover text naming the relation, the other passages and the note.
 */
import { linkEndKey, type DocumentSummary, type Link } from '../../../common/model';
import type { LinkMark } from '../editor/links';
import { clip, docLabel } from '../labels';

export const RELATION_VERB = { agree: 'Agrees with', conflict: 'Conflicts with', related: 'Related to' } as const;

/** The marks of one link in a document at a revision (its orphaned ends are not drawn). */
export function linkMarks(link: Link, docId: string, revision: number, documents: DocumentSummary[]): LinkMark[] {
  const marks: LinkMark[] = [];
  link.ends.forEach((end, index) => {
    if (end.doc !== docId || end.revision !== revision || end.orphan) return;
    const others = link.ends
      .filter((_, i) => i !== index)
      .map(
        (o) =>
          `${docLabel(
            documents.find((d) => d.id === o.doc),
            o.doc,
          )}: “${clip(o.quote.exact, 140)}”`,
      );
    const title = [
      `Link · ${RELATION_VERB[link.relation]}`,
      ...others,
      ...(link.note ? [`Note: ${clip(link.note, 200)}`] : []),
      'Click to open the link.',
    ].join('\n');
    marks.push({
      key: linkEndKey(link.id, index),
      link: link.id,
      relation: link.relation,
      start: end.start,
      end: end.end,
      title,
    });
  });
  return marks;
}
