/**
 * The codebook and annotation calls of the contract. Every action that changes tags
 * or annotations is recorded for undo/redo, and all input is checked against the
 * workspace (unknown tags, ranges outside the text, empty selections) here, whichever
 * transport it came through.
 */
import { randomUUID } from 'node:crypto';
import { ParallaxError, type ApiHandlers } from '../../../common/api';
import type { Annotation, DocumentRecord, Tag, WorkspaceFile } from '../../../common/model';
import { MAX_TAGS } from '../../../common/model';
import { slug } from '../../../common/slug';
import type { WorkspaceStore } from '../store/workspace-store';
import { attach, checkRange, textOf } from './anchors';
import { createUndoable, type Undoable } from './undoable';

/** Most annotations a workspace may hold. */
export const MAX_ANNOTATIONS = 200_000;

type AnnotationCalls =
  | 'getCodebook'
  | 'createTag'
  | 'updateTag'
  | 'deleteTag'
  | 'mergeTags'
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'reattachAnnotation'
  | 'undo'
  | 'redo'
  | 'getStoreStatus';

/** Colours given to new tags in turn, chosen to stay apart from each other and from the suggestion tints. */
const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990'];

function quoteLabel(a: Annotation): string {
  const flat = a.quote.exact.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `“${flat.slice(0, 39)}…”` : `“${flat}”`;
}

/** Creates the handlers of the codebook and annotation calls. */
export function createAnnotationHandlers(
  store: WorkspaceStore,
  undoable: Undoable = createUndoable(store),
): Pick<ApiHandlers, AnnotationCalls> {
  const { act, step } = undoable;

  const findDoc = (data: WorkspaceFile, id: string): DocumentRecord => {
    const d = data.documents.find((x) => x.id === id);
    if (!d) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
    return d;
  };
  const findTag = (data: WorkspaceFile, id: string): Tag => {
    const t = data.codebook.find((x) => x.id === id);
    if (!t) throw new ParallaxError('invalid-input', `No tag "${id}" in the codebook.`);
    return t;
  };
  const findAnnotation = (data: WorkspaceFile, id: string): Annotation => {
    const a = data.annotations.find((x) => x.id === id);
    if (!a) throw new ParallaxError('not-found', `No annotation "${id}" (it may have been deleted).`);
    return a;
  };
  const checkTags = (data: WorkspaceFile, ids: string[]): string[] => {
    for (const id of ids) findTag(data, id);
    return [...new Set(ids)];
  };
  const currentRevision = (record: DocumentRecord, revision: number): void => {
    if (record.revision !== revision) {
      throw new ParallaxError(
        'conflict',
        `"${record.meta.title}" changed since this selection was made (revision ${record.revision}, not ${revision}). Select the passage again.`,
      );
    }
  };
  const uniqueName = (data: WorkspaceFile, name: string, except?: string): void => {
    const clash = data.codebook.find((t) => t.id !== except && t.name.toLowerCase() === name.trim().toLowerCase());
    if (clash) throw new ParallaxError('invalid-input', `There is already a tag named "${clash.name}".`);
  };
  const checkParent = (data: WorkspaceFile, id: string | undefined, parentId: string | null): void => {
    if (parentId === null) return;
    findTag(data, parentId);
    for (let p: string | null = parentId; p; p = data.codebook.find((t) => t.id === p)?.parentId ?? null) {
      if (p === id)
        throw new ParallaxError('invalid-input', 'A tag cannot be nested inside itself or its own sub-tags.');
    }
  };

  return {
    async getCodebook() {
      const usage: Record<string, number> = {};
      for (const a of store.data.annotations) for (const t of a.tags) usage[t] = (usage[t] ?? 0) + 1;
      for (const l of store.data.links) for (const t of l.tags) usage[t] = (usage[t] ?? 0) + 1;
      return { tags: store.data.codebook, usage };
    },

    async createTag({ name, color, description, parentId }) {
      return act(`New tag “${name.trim()}”`, (data, touch) => {
        if (data.codebook.length >= MAX_TAGS) {
          throw new ParallaxError('too-large', `A codebook holds at most ${MAX_TAGS} tags.`);
        }
        uniqueName(data, name);
        checkParent(data, undefined, parentId ?? null);
        const base = slug(name, 48, 'tag');
        let id = base;
        for (let n = 2; data.codebook.some((t) => t.id === id); n++) id = `${base}-${n}`;
        touch.tag(id);
        const tag: Tag = {
          id,
          name: name.trim(),
          color: color ?? PALETTE[data.codebook.length % PALETTE.length],
          description: description ?? '',
          parentId: parentId ?? null,
        };
        data.codebook.push(tag);
        return tag;
      });
    },

    async updateTag({ id, name, color, description, parentId }) {
      const label = name !== undefined ? `Rename tag to “${name.trim()}”` : 'Change tag';
      return act(label, (data, touch) => {
        const tag = findTag(data, id);
        if (name !== undefined) uniqueName(data, name, id);
        if (parentId !== undefined) checkParent(data, id, parentId);
        touch.tag(id);
        if (name !== undefined) tag.name = name.trim();
        if (color !== undefined) tag.color = color;
        if (description !== undefined) tag.description = description;
        if (parentId !== undefined) tag.parentId = parentId;
        return tag;
      });
    },

    async deleteTag({ id, annotations, moveTo }) {
      const name = findTag(store.data, id).name;
      return act(`Delete tag “${name}”`, (data, touch) => {
        const tag = findTag(data, id);
        if (annotations === 'move') {
          if (!moveTo) throw new ParallaxError('invalid-input', 'Choose the tag its annotations move to.');
          if (moveTo === id) throw new ParallaxError('invalid-input', 'A tag cannot be moved into itself.');
          findTag(data, moveTo);
        }
        let changed = 0;
        let deleted = 0;
        for (const a of [...data.annotations]) {
          if (!a.tags.includes(id)) continue;
          touch.annotation(a.id);
          if (annotations === 'delete') {
            data.annotations.splice(data.annotations.indexOf(a), 1);
            deleted++;
            continue;
          }
          a.tags = a.tags.filter((t) => t !== id);
          if (annotations === 'move' && moveTo && !a.tags.includes(moveTo)) a.tags.push(moveTo);
          a.updatedAt = new Date().toISOString();
          changed++;
        }
        // Links keep their passages: they lose the tag (or get the other one) whatever was chosen for annotations.
        for (const l of data.links) {
          if (!l.tags.includes(id)) continue;
          touch.link(l.id);
          l.tags = l.tags.filter((t) => t !== id);
          if (annotations === 'move' && moveTo && !l.tags.includes(moveTo)) l.tags.push(moveTo);
          l.updatedAt = new Date().toISOString();
          changed++;
        }
        for (const child of data.codebook.filter((t) => t.parentId === id)) {
          touch.tag(child.id);
          child.parentId = tag.parentId;
        }
        touch.tag(id);
        data.codebook.splice(data.codebook.indexOf(tag), 1);
        return { changed, deleted };
      });
    },

    async mergeTags({ from, into }) {
      const target = findTag(store.data, into);
      return act(`Merge into “${target.name}”`, (data, touch) => {
        const merged = [...new Set(from)].filter((id) => id !== into);
        for (const id of merged) findTag(data, id);
        if (!merged.length) throw new ParallaxError('invalid-input', 'Choose at least one other tag to merge.');
        const gone = new Set(merged);
        const now = new Date().toISOString();
        for (const a of data.annotations) {
          if (!a.tags.some((t) => gone.has(t))) continue;
          touch.annotation(a.id);
          a.tags = [...new Set(a.tags.map((t) => (gone.has(t) ? into : t)))];
          a.updatedAt = now;
        }
        for (const l of data.links) {
          if (!l.tags.some((t) => gone.has(t))) continue;
          touch.link(l.id);
          l.tags = [...new Set(l.tags.map((t) => (gone.has(t) ? into : t)))];
          l.updatedAt = now;
        }
        const intoTag = findTag(data, into);
        for (const t of data.codebook) {
          if (t.parentId && gone.has(t.parentId) && !gone.has(t.id)) {
            touch.tag(t.id);
            t.parentId = t.id === into ? intoTag.parentId : into;
          }
        }
        // The merged tag must not end up inside a tag that is going away.
        if (intoTag.parentId && gone.has(intoTag.parentId)) {
          touch.tag(into);
          intoTag.parentId = data.codebook.find((t) => t.id === intoTag.parentId)?.parentId ?? null;
        }
        for (const id of merged) {
          touch.tag(id);
          data.codebook.splice(
            data.codebook.findIndex((t) => t.id === id),
            1,
          );
        }
        return intoTag;
      });
    },

    async listAnnotations() {
      return { annotations: store.data.annotations };
    },

    async createAnnotation({ doc, revision, start, end, tags, note }) {
      return act('Tag passage', (data, touch) => {
        if (data.annotations.length >= MAX_ANNOTATIONS) {
          throw new ParallaxError('too-large', `A workspace holds at most ${MAX_ANNOTATIONS} annotations.`);
        }
        const record = findDoc(data, doc);
        currentRevision(record, revision);
        const text = textOf(record);
        const range = checkRange(text, start, end, record.meta.title);
        const ids = checkTags(data, tags);
        if (!ids.length && !note.trim()) {
          throw new ParallaxError('invalid-input', 'Choose at least one tag or write a note.');
        }
        const now = new Date().toISOString();
        const annotation: Annotation = {
          id: `an-${randomUUID()}`,
          doc,
          start: 0,
          end: 0,
          quote: { exact: '', prefix: '', suffix: '' },
          revision,
          tags: ids,
          note,
          orphan: false,
          createdAt: now,
          updatedAt: now,
        };
        attach(annotation, record, text, range.start, range.end);
        touch.annotation(annotation.id);
        data.annotations.push(annotation);
        return annotation;
      });
    },

    async updateAnnotation({ id, tags, note }) {
      const label = note !== undefined && tags === undefined ? 'Edit note' : 'Change tags';
      return act(label, (data, touch) => {
        const a = findAnnotation(data, id);
        const ids = tags !== undefined ? checkTags(data, tags) : a.tags;
        const text = note ?? a.note;
        if (!ids.length && !text.trim()) {
          throw new ParallaxError('invalid-input', 'An annotation needs a tag or a note; delete it instead.');
        }
        touch.annotation(id);
        a.tags = ids;
        a.note = text;
        a.updatedAt = new Date().toISOString();
        return a;
      });
    },

    async deleteAnnotation({ id }) {
      const a = findAnnotation(store.data, id);
      return act(`Delete annotation ${quoteLabel(a)}`, (data, touch) => {
        touch.annotation(id);
        data.annotations.splice(data.annotations.indexOf(findAnnotation(data, id)), 1);
        return { id };
      });
    },

    async reattachAnnotation({ id, doc, revision, start, end }) {
      return act('Re-attach annotation', (data, touch) => {
        const a = findAnnotation(data, id);
        const record = findDoc(data, doc);
        currentRevision(record, revision);
        const text = textOf(record);
        const range = checkRange(text, start, end, record.meta.title);
        touch.annotation(id);
        attach(a, record, text, range.start, range.end);
        a.updatedAt = new Date().toISOString();
        return a;
      });
    },

    undo: () => step('undo'),
    redo: () => step('redo'),

    async getStoreStatus() {
      return store.status();
    },
  };
}
