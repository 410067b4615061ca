/**
 * Export as a W3C Web Annotation Data Model AnnotationCollection (JSON-LD): each
 * annotation targets its document with a TextQuoteSelector and a TextPositionSelector
 * and carries its tags as tagging bodies and its note as a commenting body; a link or
 * suggestion is an annotation with several targets and a classifying body naming the
 * relation. The documents and codebook travel along under `parallax:workspace`, so an
 * export can be imported into an empty workspace with nothing lost.
 */
import { tick, type ExportModel, type Progress } from './model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms, outside the W3C vocabulary. */
export const PARALLAX_NS = 'urn:parallax:';

export const docIri = (id: string): string => `${PARALLAX_NS}document:${id}`;
export const annotationIri = (id: string): string => `${PARALLAX_NS}annotation:${id}`;
export const tagIri = (id: string): string => `${PARALLAX_NS}tag:${id}`;
export const relationIri = (kind: string, id: string): string => `${PARALLAX_NS}${kind}:${id}`;

function target(model: ExportModel, doc: string, start: number, end: number, exact: string) {
  const d = model.doc(doc);
  const prefix = d ? d.text.slice(Math.max(0, start - 32), start) : '';
  const suffix = d ? d.text.slice(end, end + 32) : '';
  return {
    source: docIri(doc),
    selector: [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

function tagBodies(model: ExportModel, tags: string[]) {
  return tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', id: tagIri(t), value: model.tagPath(t) }));
}

export async function exportW3c(model: ExportModel, progress?: Progress): Promise<string> {
  const items: unknown[] = [];
  const total = model.annotations.length + model.relations.length;
  let i = 0;
  for (const a of model.annotations) {
    const body: unknown[] = tagBodies(model, a.tags);
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
    items.push({
      id: annotationIri(a.id),
      type: 'Annotation',
      motivation: a.note && !a.tags.length ? 'commenting' : 'tagging',
      created: a.createdAt,
      modified: a.updatedAt,
      body,
      target: target(model, a.doc, a.start, a.end, a.quote.exact),
      ...(a.orphan ? { 'parallax:orphan': true } : {}),
    });
    await tick(progress, ++i, total);
  }
  for (const r of model.relations) {
    const body: unknown[] = [
      { type: 'TextualBody', purpose: 'classifying', value: r.relation },
      ...tagBodies(model, r.tags),
    ];
    if (r.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' });
    items.push({
      id: relationIri(r.kind, r.id),
      type: 'Annotation',
      motivation: 'linking',
      ...(r.createdAt ? { created: r.createdAt } : {}),
      body,
      target: r.passages.map((p) => ({
        ...target(model, p.doc, p.start, p.end, p.exact),
        ...(p.orphan ? { 'parallax:orphan': true } : {}),
      })),
      'parallax:kind': r.kind,
      'parallax:status': r.status,
      ...(r.score !== undefined ? { 'parallax:score': r.score } : {}),
    });
    await tick(progress, ++i, total);
  }
  const collection = {
    '@context': [ANNO_CONTEXT, { parallax: PARALLAX_NS }],
    id: `${PARALLAX_NS}export:${model.exportedAt}`,
    type: 'AnnotationCollection',
    label: model.name,
    total: items.length,
    generated: model.exportedAt,
    generator: { type: 'Software', name: 'Parallax' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
    'parallax:workspace': {
      name: model.name,
      documents: model.documents.map((d) => ({
        id: d.record.id,
        iri: docIri(d.record.id),
        meta: d.record.meta,
        doc: d.record.doc,
        revision: d.record.revision,
      })),
      codebook: model.tags,
    },
  };
  return `${JSON.stringify(collection, null, 1)}\n`;
}
