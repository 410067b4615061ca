/**
 * The contradictions view's entries: every conflict, the analyst's links (reviewed) first,
 * then Align's conflict suggestions not yet reviewed, each with its passages, authors,
 * years, evidence, note, tags and topic; and their filters and groups.
 */
import type { Link, Suggestion } from '../model';
import { authorKey, authorLabel, yearNumber, type DocumentInfo } from './authors';
import { timeGap, type TimeGap } from './time-gap';
import { topicFinder, type TopicGroup } from './topics';

/** One passage of a conflict. */
export interface ConflictPassage {
  doc: string;
  start: number;
  end: number;
  revision: number;
  text: string;
  orphan: boolean;
  author: string;
  authorLabel: string;
  year?: number;
}

export interface ConflictEntry {
  /** `link:<id>` or `suggestion:<id>`. */
  key: string;
  kind: 'link' | 'suggestion';
  id: string;
  /** A link the analyst made or accepted; false for a suggestion not yet reviewed. */
  reviewed: boolean;
  passages: ConflictPassage[];
  /** The pairs of different authors it sets against each other ("a|b", keys sorted). */
  pairs: string[];
  evidence: { kind: string; note: string }[];
  note: string;
  tags: string[];
  gap?: TimeGap;
  topic?: TopicGroup;
  /** Align's similarity score (suggestions, and links accepted from one). */
  score?: number;
  /** How sure Align is that it is a conflict, when it said. */
  confidence?: number;
}

export interface ConflictInput {
  docs: DocumentInfo[];
  links: Link[];
  suggestions: Suggestion[];
  /** The topics of the links (groupTopics), in display order. */
  topics: TopicGroup[];
}

function pairsOf(passages: ConflictPassage[]): string[] {
  const pairs = new Set<string>();
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      const [a, b] = [passages[i].author, passages[j].author].sort();
      if (a !== b) pairs.add(`${a}|${b}`);
    }
  }
  return [...pairs];
}

/**
 * Every conflict in reading order: links by topic (in the grid's order) and then by when
 * they were made, then unreviewed suggestions from the highest score down. Accepted
 * suggestions appear as the links they became; dismissed ones not at all.
 */
export function conflictEntries({ docs, links, suggestions, topics }: ConflictInput): ConflictEntry[] {
  // Each document's author, label and year, worked out once.
  const byline = new Map(
    docs.map((d) => [d.id, { author: authorKey(d.meta), authorLabel: authorLabel(d.meta), year: yearNumber(d.meta) }]),
  );
  const passage = (p: Omit<ConflictPassage, 'author' | 'authorLabel' | 'year'>): ConflictPassage => {
    const b = byline.get(p.doc);
    const out = p as ConflictPassage;
    out.author = b?.author ?? p.doc;
    out.authorLabel = b?.authorLabel ?? p.doc;
    out.year = b?.year;
    return out;
  };
  const suggestionById = new Map(suggestions.map((s) => [s.id, s]));
  const topicOfLink = new Map<string, TopicGroup>();
  const topicRank = new Map<string, number>();
  topics.forEach((t, i) => {
    topicRank.set(t.id, i);
    for (const l of t.links) topicOfLink.set(l.id, t);
  });
  const entry = (e: Omit<ConflictEntry, 'pairs' | 'gap'>): ConflictEntry => {
    const out = e as ConflictEntry;
    out.pairs = pairsOf(e.passages);
    out.gap = timeGap(e.passages.map((p) => p.year));
    return out;
  };

  const rankOf = (l: Link) => {
    const t = topicOfLink.get(l.id);
    return t ? topicRank.get(t.id)! : Infinity;
  };
  const reviewed = links
    .filter((l) => l.relation === 'conflict')
    .sort((a, b) => rankOf(a) - rankOf(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((l) => {
      const from = l.suggestion ? suggestionById.get(l.suggestion) : undefined;
      return entry({
        key: `link:${l.id}`,
        kind: 'link',
        id: l.id,
        reviewed: true,
        passages: l.ends.map((e) =>
          passage({
            doc: e.doc,
            start: e.start,
            end: e.end,
            revision: e.revision,
            text: e.quote.exact,
            orphan: e.orphan,
          }),
        ),
        evidence: (from?.evidence ?? []).map((x) => ({ kind: x.kind, note: x.note })),
        note: l.note,
        tags: l.tags,
        topic: topicOfLink.get(l.id),
        score: from?.score,
        confidence: from?.confidence ?? undefined,
      });
    });

  const findTopic = topicFinder(topics);
  const unreviewed = suggestions
    .filter((s) => s.relation === 'conflict' && s.status === 'suggested')
    .sort((a, b) => b.score - a.score)
    .map((s) =>
      entry({
        key: `suggestion:${s.id}`,
        kind: 'suggestion',
        id: s.id,
        reviewed: false,
        passages: [s.a, s.b].map((x) =>
          passage({ doc: x.doc, start: x.start, end: x.end, revision: x.revision, text: x.text, orphan: false }),
        ),
        evidence: s.evidence.map((x) => ({ kind: x.kind, note: x.note })),
        note: '',
        tags: [],
        topic: findTopic(s.a.doc, s.a.start, s.a.end) ?? findTopic(s.b.doc, s.b.start, s.b.end),
        score: s.score,
        confidence: s.confidence ?? undefined,
      }),
    );
  return [...reviewed, ...unreviewed];
}

export interface ConflictFilter {
  /** Keep entries with one of these tags (a tag and its sub-tags). */
  tags?: Set<string>;
  /** Keep entries with a passage by this author (key). */
  author?: string;
  /** Keep entries of this topic (id). */
  topic?: string;
  reviewed?: 'all' | 'reviewed' | 'unreviewed';
}

export function filterConflicts(entries: ConflictEntry[], f: ConflictFilter): ConflictEntry[] {
  return entries.filter(
    (e) =>
      (!f.tags || e.tags.some((t) => f.tags!.has(t))) &&
      (!f.author || e.passages.some((p) => p.author === f.author)) &&
      (!f.topic || e.topic?.id === f.topic) &&
      (!f.reviewed || f.reviewed === 'all' || (f.reviewed === 'reviewed') === e.reviewed),
  );
}

/** A heading of the view and its entries. */
export interface ConflictGroup {
  key: string;
  entries: ConflictEntry[];
  /** The topic of a topic group. */
  topic?: TopicGroup;
  /** The two author keys of a pair group. */
  pair?: [string, string];
}

/**
 * Groups entries by topic (in order; entries of no topic last) or by pair of authors (a
 * conflict among three authors is listed under each of its pairs). Entries keep their order.
 */
export function groupConflicts(entries: ConflictEntry[], by: 'topic' | 'pair'): ConflictGroup[] {
  const groups = new Map<string, ConflictGroup>();
  const add = (key: string, e: ConflictEntry, extra: Partial<ConflictGroup>) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, entries: [], ...extra }));
    g.entries.push(e);
  };
  for (const e of entries) {
    if (by === 'topic') add(e.topic ? `topic:${e.topic.id}` : 'topic:', e, { topic: e.topic });
    else for (const p of e.pairs) add(`pair:${p}`, e, { pair: p.split('|') as [string, string] });
  }
  const list = [...groups.values()];
  if (by === 'topic') {
    const rank = new Map<string, number>();
    entries.forEach((e, i) => {
      const k = e.topic ? `topic:${e.topic.id}` : 'topic:';
      if (!rank.has(k)) rank.set(k, i);
    });
    list.sort((a, b) => (a.key === 'topic:' ? 1 : b.key === 'topic:' ? -1 : rank.get(a.key)! - rank.get(b.key)!));
  }
  return list;
}
