/**
 * Importing a Parallax W3C Web Annotation export (an AnnotationCollection carrying its
 * documents and codebook under `parallax:workspace`) back into a workspace: documents,
 * tags, annotations and links come back with their ids where those are free, and each
 * annotation and link end is placed by its TextPositionSelector when the quote is there, else found
 * again by its quote (else kept as an orphan).
 */
import { z } from 'zod';
import { ParallaxError, describeIssues } from '../../../common/api';
import {
  DocumentMeta,
  MAX_LINK_ENDS,
  NodeJSON,
  Relation,
  Tag,
  type DocumentRecord,
  type LinkEnd,
  type TextQuote,
  type WorkspaceFile,
} from '../../../common/model';
import { quoteAt, reanchor } from '../../../common/anchoring';
import { textOf } from '../annotations/anchors';
import { checkDocumentJSON } from '../documents/records';
import { freshId } from './workspace-import';

const Selector = z.union([
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
  }),
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  z.object({ type: z.string() }),
]);
const Target = z.object({
  source: z.string(),
  selector: z.array(Selector).min(1),
  'parallax:orphan': z.boolean().optional(),
});
type Target = z.infer<typeof Target>;
const Body = z.object({ purpose: z.string().optional(), value: z.string().optional(), id: z.string().optional() });
const Item = z.object({
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.array(Body).default([]),
  target: z.union([Target, z.array(Target)]),
  'parallax:kind': z.string().optional(),
});
export const ParallaxCollection = z.object({
  type: z.literal('AnnotationCollection'),
  first: z.object({ items: z.array(Item) }),
  'parallax:workspace': z.object({
    name: z.string().optional(),
    documents: z.array(z.object({ id: z.string(), iri: z.string(), meta: DocumentMeta, doc: NodeJSON })).min(1),
    codebook: z.array(Tag),
  }),
});
export type ParallaxCollection = z.infer<typeof ParallaxCollection>;

/** Parses an export's JSON text; throws a clear error for anything else. */
export function parseCollection(text: string, name: string): ParallaxCollection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ParallaxError('invalid-input', `${name} is not valid JSON (${(err as Error).message}).`);
  }
  const result = ParallaxCollection.safeParse(json);
  if (!result.success) {
    throw new ParallaxError(
      'invalid-input',
      `${name} is not a Parallax annotation export (a W3C AnnotationCollection with its documents): ${describeIssues(result.error)}`,
    );
  }
  return result.data;
}

/** The documents of an export as workspace records (ids as exported), checked against the schema. */
export function documentsOf(collection: ParallaxCollection, now = new Date().toISOString()): DocumentRecord[] {
  return collection['parallax:workspace'].documents.map((d) => ({
    id: d.id,
    meta: d.meta,
    doc: checkDocumentJSON(d.doc).toJSON() as NodeJSON,
    revision: 0,
    createdAt: now,
    updatedAt: now,
  }));
}

export interface CollectionImport {
  documents: number;
  tags: number;
  annotations: number;
  links: number;
  /** Annotations and link ends whose text was not found. */
  orphaned: number;
}

const ANNOTATION_PREFIX = 'urn:parallax:annotation:';
const LINK_PREFIX = 'urn:parallax:link:';
const TAG_PREFIX = 'urn:parallax:tag:';

/** An id from an IRI, made unique among `taken`. */
function idFrom(iri: string, prefix: string, taken: Set<string>): string {
  let id =
    iri
      .slice(prefix.length)
      .replace(/[^A-Za-z0-9_-]/g, '')
      .slice(0, 60) || 'imported';
  while (taken.has(id)) id = `${id.slice(0, 56)}-${Math.random().toString(36).slice(2, 6)}`;
  taken.add(id);
  return id;
}

/** Where a target's passage is in the document now: its position if the quote is there, else found by quote. */
function place(record: DocumentRecord, t: Target): LinkEnd | undefined {
  const quote = t.selector.find((s) => s.type === 'TextQuoteSelector') as TextQuote | undefined;
  const position = t.selector.find((s) => s.type === 'TextPositionSelector') as
    { start: number; end: number } | undefined;
  if (!quote?.exact) return undefined;
  const text = textOf(record);
  const found = t['parallax:orphan']
    ? undefined
    : reanchor(text, { start: position?.start ?? 0, end: position?.end ?? 0, quote });
  const start = found?.start ?? position?.start ?? 0;
  const end = found?.end ?? position?.end ?? 0;
  return {
    doc: record.id,
    start,
    end,
    quote: found ? quoteAt(text, start, end) : quote,
    revision: record.revision,
    orphan: !found,
  };
}

/**
 * Merges an export into `data` (inside a store update). Documents already present
 * (same id, e.g. when the workspace was just created from them) are used as they are.
 */
export function mergeCollection(
  data: WorkspaceFile,
  collection: ParallaxCollection,
  now = new Date().toISOString(),
): CollectionImport {
  const result: CollectionImport = { documents: 0, tags: 0, annotations: 0, links: 0, orphaned: 0 };
  const docFor = new Map<string, DocumentRecord>();
  for (const record of documentsOf(collection, now)) {
    const iri = collection['parallax:workspace'].documents.find((d) => d.id === record.id)!.iri;
    const existing = data.documents.find((d) => d.id === record.id);
    if (existing && JSON.stringify(existing.doc) === JSON.stringify(record.doc)) {
      docFor.set(iri, existing);
      continue;
    }
    record.id = freshId(data, record.id);
    data.documents.push(record);
    docFor.set(iri, record);
    result.documents++;
  }
  const tagIds = new Set(data.codebook.map((t) => t.id));
  for (const tag of collection['parallax:workspace'].codebook) {
    if (tagIds.has(tag.id)) continue;
    data.codebook.push(tag);
    tagIds.add(tag.id);
    result.tags++;
  }
  const annotationIds = new Set(data.annotations.map((a) => a.id));
  const linkIds = new Set(data.links.map((l) => l.id));
  for (const item of collection.first.items) {
    const tags = item.body
      .filter((b) => b.purpose === 'tagging' && b.id?.startsWith(TAG_PREFIX))
      .map((b) => b.id!.slice(TAG_PREFIX.length))
      .filter((t) => tagIds.has(t));
    const note = item.body
      .filter((b) => b.purpose === 'commenting')
      .map((b) => b.value ?? '')
      .join('\n\n');
    if (item.id.startsWith(ANNOTATION_PREFIX) && !Array.isArray(item.target)) {
      const record = docFor.get(item.target.source);
      const at = record && place(record, item.target);
      if (!at) continue;
      data.annotations.push({
        id: idFrom(item.id, ANNOTATION_PREFIX, annotationIds),
        ...at,
        tags,
        note,
        createdAt: item.created ?? now,
        updatedAt: item.modified ?? now,
      });
      result.annotations++;
      if (at.orphan) result.orphaned++;
    } else if (item.id.startsWith(LINK_PREFIX) && Array.isArray(item.target)) {
      const relation = Relation.safeParse(item.body.find((b) => b.purpose === 'classifying')?.value);
      const ends = item.target
        .map((t) => {
          const record = docFor.get(t.source);
          return record && place(record, t);
        })
        .filter((e): e is LinkEnd => !!e);
      if (!relation.success || ends.length < 2) continue;
      data.links.push({
        id: idFrom(item.id, LINK_PREFIX, linkIds),
        relation: relation.data,
        ends: ends.slice(0, MAX_LINK_ENDS),
        tags,
        note,
        createdAt: item.created ?? now,
        updatedAt: item.modified ?? now,
      });
      result.links++;
      result.orphaned += ends.filter((e) => e.orphan).length;
    }
  }
  return result;
}
