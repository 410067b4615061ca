/**
 * Documents as the services read and check them: finding one by id, its summary for the
 * document list, and the check every document JSON passes before it is stored (an edit,
 * an import), whichever transport it came through.
 */
import type { Node } from 'prosemirror-model';
import { ParallaxError } from '../../../common/api';
import { documentTooLarge } from '../../../common/limits';
import type { DocumentRecord, DocumentSummary, WorkspaceFile } from '../../../common/model';
import { checkNodeJSON } from '../../../common/node-json';
import { schema } from '../../../common/schema';

/** The document `id` of the workspace; throws a typed not-found error otherwise. */
export function findDocument(data: WorkspaceFile, id: string): DocumentRecord {
  const doc = data.documents.find((d) => d.id === id);
  if (!doc) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
  return doc;
}

/** What the document list shows of a document (no text). */
export function summaryOf(d: DocumentRecord): DocumentSummary {
  return { id: d.id, meta: d.meta, revision: d.revision, updatedAt: d.updatedAt };
}

/** Checks that JSON is a document of the shared schema; throws a typed error otherwise. */
export function checkDocumentJSON(json: unknown): Node {
  const tooLarge = documentTooLarge(json);
  if (tooLarge) throw new ParallaxError('too-large', `Cannot save: ${tooLarge}. Split it into several documents.`);
  // Depth first, without recursion: the schema check below recurses once per level.
  const shape = checkNodeJSON(json);
  if (shape)
    throw new ParallaxError(shape.tooDeep ? 'too-deep' : 'invalid-input', `Not a valid document: ${shape.message}`);
  try {
    const node = schema.nodeFromJSON(json);
    node.check();
    if (node.type !== schema.topNodeType) throw new Error('the top node must be a document');
    return node;
  } catch (err) {
    throw new ParallaxError('invalid-input', `Not a valid document: ${(err as Error).message}`);
  }
}
