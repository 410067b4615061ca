/**
 * The link calls of the contract: the analyst's own typed links between passages
 * (agree, conflict, related), anchored like annotations, and the decisions on Align's
 * suggestions (accepting one makes it a link, so it survives edits of its passages).
 * Every change is in the one undo history shared with tagging.
 */
import { randomUUID } from 'node:crypto';
import { ParallaxError, type ApiHandlers } from '../../../common/api';
import {
  MAX_LINK_ENDS,
  type DocumentRecord,
  type Link,
  type LinkEnd,
  type Relation,
  type Suggestion,
  type WorkspaceFile,
} from '../../../common/model';
import { attach, checkRange, reanchorAnnotation, textOf } from '../annotations/anchors';
import type { Undoable } from '../annotations/undoable';
import type { WorkspaceStore } from '../store/workspace-store';

/** Most links a workspace may hold. */
export const MAX_LINKS = 100_000;

type LinkCalls =
  | 'listLinks'
  | 'createLink'
  | 'updateLink'
  | 'addLinkEnd'
  | 'removeLinkEnd'
  | 'reattachLinkEnd'
  | 'deleteLink'
  | 'setSuggestionStatus';

/** A passage as the renderer names it: a range of a document revision's plain text. */
export interface PassageRef {
  doc: string;
  revision: number;
  start: number;
  end: number;
}

const RELATION_WORD: Record<Relation, string> = { agree: 'agreement', conflict: 'conflict', related: 'link' };

function findDoc(data: WorkspaceFile, id: string): DocumentRecord {
  const d = data.documents.find((x) => x.id === id);
  if (!d) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
  return d;
}

function findLink(data: WorkspaceFile, id: string): Link {
  const l = data.links.find((x) => x.id === id);
  if (!l) throw new ParallaxError('not-found', `No link "${id}" (it may have been deleted).`);
  return l;
}

function checkTags(data: WorkspaceFile, ids: string[]): string[] {
  for (const id of ids) {
    if (!data.codebook.some((t) => t.id === id))
      throw new ParallaxError('invalid-input', `No tag "${id}" in the codebook.`);
  }
  return [...new Set(ids)];
}

/** A new link end at a passage of the document's current revision (checked and trimmed). */
export function endAt(data: WorkspaceFile, ref: PassageRef): LinkEnd {
  const record = findDoc(data, ref.doc);
  if (record.revision !== ref.revision) {
    throw new ParallaxError(
      'conflict',
      `"${record.meta.title}" changed since this selection was made (revision ${record.revision}, not ${ref.revision}). Select the passage again.`,
    );
  }
  const text = textOf(record);
  const range = checkRange(text, ref.start, ref.end, record.meta.title);
  const end: LinkEnd = {
    doc: '',
    start: 0,
    end: 0,
    quote: { exact: '', prefix: '', suffix: '' },
    revision: 0,
    orphan: false,
  };
  attach(end, record, text, range.start, range.end);
  return end;
}

/** Refuses two ends on the same range of the same document (one passage linked to itself). */
function checkDistinct(ends: LinkEnd[]): void {
  const seen = new Set<string>();
  for (const e of ends) {
    const key = `${e.doc}:${e.start}:${e.end}`;
    if (seen.has(key))
      throw new ParallaxError('invalid-input', 'A link joins different passages: this one is in it twice.');
    seen.add(key);
  }
}

/**
 * The link an accepted suggestion becomes: its two passages, found in the current text
 * (by position when the revision is unchanged, else by quote).
 */
export function linkFromSuggestion(data: WorkspaceFile, s: Suggestion, relation: Relation): Link {
  const ends = [s.a, s.b].map((side): LinkEnd => {
    const end: LinkEnd = {
      doc: side.doc,
      start: side.start,
      end: side.end,
      quote: { exact: side.text, prefix: '', suffix: '' },
      revision: side.revision,
      orphan: false,
    };
    const record = data.documents.find((d) => d.id === side.doc);
    if (!record) end.orphan = true;
    else if (record.revision === side.revision) attach(end, record, textOf(record), side.start, side.end);
    else if (!reanchorAnnotation(end, record, textOf(record))) end.orphan = true;
    return end;
  });
  const now = new Date().toISOString();
  return {
    id: `ln-${randomUUID()}`,
    relation,
    ends,
    tags: [],
    note: '',
    suggestion: s.id,
    createdAt: now,
    updatedAt: now,
  };
}

function quoteLabel(end: LinkEnd): string {
  const flat = end.quote.exact.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `“${flat.slice(0, 29)}…”` : `“${flat}”`;
}

/** Creates the handlers of the link calls, recording every change in `undoable`. */
export function createLinkHandlers(store: WorkspaceStore, undoable: Undoable): Pick<ApiHandlers, LinkCalls> {
  const { act } = undoable;

  return {
    async listLinks() {
      return { links: store.data.links };
    },

    async createLink({ relation, ends, tags, note }) {
      return act(`New ${RELATION_WORD[relation]}`, (data, touch) => {
        if (data.links.length >= MAX_LINKS) {
          throw new ParallaxError('too-large', `A workspace holds at most ${MAX_LINKS} links.`);
        }
        const anchored = ends.map((ref) => endAt(data, ref));
        checkDistinct(anchored);
        const now = new Date().toISOString();
        const link: Link = {
          id: `ln-${randomUUID()}`,
          relation,
          ends: anchored,
          tags: checkTags(data, tags),
          note,
          createdAt: now,
          updatedAt: now,
        };
        touch.link(link.id);
        data.links.push(link);
        return link;
      });
    },

    async updateLink({ id, relation, tags, note }) {
      const label =
        relation !== undefined
          ? `Mark as ${RELATION_WORD[relation]}`
          : note !== undefined
            ? 'Edit link note'
            : 'Change link tags';
      return act(label, (data, touch) => {
        const link = findLink(data, id);
        touch.link(id);
        if (relation !== undefined) link.relation = relation;
        if (tags !== undefined) link.tags = checkTags(data, tags);
        if (note !== undefined) link.note = note;
        link.updatedAt = new Date().toISOString();
        return link;
      });
    },

    async addLinkEnd({ id, ...ref }) {
      return act('Add passage to link', (data, touch) => {
        const link = findLink(data, id);
        if (link.ends.length >= MAX_LINK_ENDS) {
          throw new ParallaxError('too-large', `A link joins at most ${MAX_LINK_ENDS} passages.`);
        }
        const end = endAt(data, ref);
        checkDistinct([...link.ends, end]);
        touch.link(id);
        link.ends.push(end);
        link.updatedAt = new Date().toISOString();
        return link;
      });
    },

    async removeLinkEnd({ id, index }) {
      const link = findLink(store.data, id);
      if (index >= link.ends.length) throw new ParallaxError('not-found', `The link has no passage ${index + 1}.`);
      if (link.ends.length <= 2) {
        throw new ParallaxError('invalid-input', 'A link joins at least two passages: delete the link instead.');
      }
      return act(`Remove ${quoteLabel(link.ends[index])} from link`, (data, touch) => {
        const l = findLink(data, id);
        touch.link(id);
        l.ends.splice(index, 1);
        l.updatedAt = new Date().toISOString();
        return l;
      });
    },

    async reattachLinkEnd({ id, index, ...ref }) {
      return act('Re-attach linked passage', (data, touch) => {
        const link = findLink(data, id);
        if (index >= link.ends.length) throw new ParallaxError('not-found', `The link has no passage ${index + 1}.`);
        const end = endAt(data, ref);
        checkDistinct(link.ends.map((e, i) => (i === index ? end : e)));
        touch.link(id);
        link.ends[index] = end;
        link.updatedAt = new Date().toISOString();
        return link;
      });
    },

    async deleteLink({ id }) {
      const link = findLink(store.data, id);
      return act(`Delete ${RELATION_WORD[link.relation]} ${quoteLabel(link.ends[0])}`, (data, touch) => {
        touch.link(id);
        data.links.splice(data.links.indexOf(findLink(data, id)), 1);
        return { id };
      });
    },

    async setSuggestionStatus({ id, status, relation }) {
      const found = store.data.suggestions.find((x) => x.id === id);
      if (!found) throw new ParallaxError('not-found', `No suggestion "${id}" (run Align again).`);
      const label =
        status === 'accepted'
          ? 'Accept suggestion'
          : status === 'dismissed'
            ? 'Dismiss suggestion'
            : 'Restore suggestion';
      return act(label, (data, touch) => {
        const s = data.suggestions.find((x) => x.id === id)!;
        touch.suggestion(id);
        const made = data.links.find((l) => l.suggestion === id);
        let link: Link | null = made ?? null;
        if (status === 'accepted' && !made) {
          link = linkFromSuggestion(data, s, relation ?? s.relation);
          touch.link(link.id);
          data.links.push(link);
        } else if (status === 'accepted' && made && relation && made.relation !== relation) {
          touch.link(made.id);
          made.relation = relation;
          made.updatedAt = new Date().toISOString();
        } else if (status !== 'accepted' && made) {
          // Taking the acceptance back takes back the link it made (undo brings both back).
          touch.link(made.id);
          data.links.splice(data.links.indexOf(made), 1);
          link = null;
        }
        s.status = status;
        return { suggestion: s, link };
      });
    },
  };
}
