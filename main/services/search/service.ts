/**
 * Search across the workspace's documents: a phrase, every form of a concept the query
 * names, and the passages tagged with a tag the query names (and its sub-tags).
 */
import type { ApiHandlers } from '../../../common/api';
import type { WorkspaceFile } from '../../../common/model';
import { byDate, hitAt, searchTexts, type SearchHit } from '../../../common/overviews';
import { textOf } from '../annotations/anchors';
import { DEFAULT_CONCEPTS } from '../aligner/concepts';
import type { WorkspaceStore } from '../store/workspace-store';

/** The tags a query names (by name, any case) and their sub-tags. */
function tagsNamed(data: WorkspaceFile, query: string): Map<string, string> {
  const q = query.replace(/\s+/g, ' ').trim().toLowerCase();
  const named = new Map<string, string>();
  for (const t of data.codebook) if (t.name.toLowerCase() === q) named.set(t.id, t.name);
  let grew = named.size > 0;
  while (grew) {
    grew = false;
    for (const t of data.codebook) {
      if (t.parentId && named.has(t.parentId) && !named.has(t.id)) {
        named.set(t.id, named.get(t.parentId)!);
        grew = true;
      }
    }
  }
  return named;
}

/** Creates the search call's handler. */
export function createSearchHandlers(store: WorkspaceStore): Pick<ApiHandlers, 'searchDocuments'> {
  return {
    async searchDocuments({ query, limit }) {
      const data = store.data;
      const docs = byDate(data.documents);
      const texts = docs.map((d) => ({ doc: d.id, text: textOf(d) }));
      const found = searchTexts(texts, query, [...DEFAULT_CONCEPTS, ...data.concepts], limit);
      const tags = tagsNamed(data, query);
      const tagged: SearchHit[] = [];
      if (tags.size) {
        const textById = new Map(texts.map((t) => [t.doc, t.text]));
        const passages = [
          ...data.annotations.flatMap((a) =>
            a.tags.some((t) => tags.has(t)) ? [{ ...a, tag: a.tags.find((t) => tags.has(t))! }] : [],
          ),
          ...data.links.flatMap((l) => {
            const tag = l.tags.find((t) => tags.has(t));
            return tag ? l.ends.map((e) => ({ ...e, tag })) : [];
          }),
        ];
        const seen = new Set<string>();
        for (const p of passages) {
          const text = textById.get(p.doc);
          const key = `${p.doc}:${p.start}:${p.end}`;
          if (p.orphan || text === undefined || p.end > text.length || seen.has(key)) continue;
          seen.add(key);
          tagged.push(hitAt(p.doc, text, p.start, p.end, 'tag', tags.get(p.tag)));
        }
        const rank = new Map(docs.map((d, i) => [d.id, i]));
        tagged.sort((a, b) => rank.get(a.doc)! - rank.get(b.doc)! || a.start - b.start);
      }
      const revision = new Map(docs.map((d) => [d.id, d.revision]));
      const hits = [...tagged, ...found.hits].slice(0, limit).map((h) => ({ ...h, revision: revision.get(h.doc)! }));
      return { hits, total: found.total + tagged.length };
    },
  };
}
