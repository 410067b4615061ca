/**
 * Topics: groups of linked passages, the rows of the synopsis grid. A link joining several
 * passages is one topic; links whose passages overlap (the same document, at least one
 * character in common) are one topic; the analyst's topic records name rows, merge groups
 * (a record holding links of several groups joins them) and order them.
 */
import type { Link, LinkEnd, Topic } from '../model';

/** A topic as shown: its links and passages, and the analyst's record of it if any. */
export interface TopicGroup {
  /** The record's id, or `auto-<link id>` for a group the analyst has not touched. */
  id: string;
  /** The analyst's record (name, place), if any. */
  record?: Topic;
  links: Link[];
  /** Every passage of the topic with the link it belongs to. */
  ends: { link: Link; index: number; end: LinkEnd }[];
}

/** The prefix of the id of a group that has no record. */
export const AUTO_TOPIC = 'auto-';

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Joins links whose passages overlap. Passages of each document are swept in order of
 * their start: a passage that starts before the furthest end seen so far in its run
 * overlaps that run. Orphaned ends have no place in the text and join nothing.
 */
function joinOverlapping(links: Link[], uf: UnionFind): void {
  const byDoc = new Map<string, { start: number; end: number; link: number }[]>();
  links.forEach((link, i) => {
    for (const e of link.ends) {
      if (e.orphan) continue;
      let list = byDoc.get(e.doc);
      if (!list) byDoc.set(e.doc, (list = []));
      list.push({ start: e.start, end: e.end, link: i });
    }
  });
  for (const list of byDoc.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let runEnd = -1;
    let runLink = -1;
    for (const p of list) {
      if (p.start < runEnd) uf.union(runLink, p.link);
      else runLink = p.link;
      if (p.end > runEnd) runEnd = p.end;
    }
  }
}

/**
 * Groups links into topics, in display order: rows the analyst has a record of first (in
 * the records' order), then the others by when their first link was made. A group claimed
 * by two records goes to the first; records made from a tag are left out (see tagRows).
 */
export function groupTopics(links: Link[], records: Topic[]): TopicGroup[] {
  const uf = new UnionFind(links.length);
  joinOverlapping(links, uf);
  const index = new Map(links.map((l, i) => [l.id, i]));
  const linkRecords = records.filter((r) => !r.tag);
  // A record holding links of several groups merges them.
  for (const r of linkRecords) {
    const held = r.links.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (const i of held.slice(1)) uf.union(held[0], i);
  }
  const members = new Map<number, number[]>();
  links.forEach((_, i) => {
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const claimed = new Map<number, Topic>();
  const rank = new Map<string, number>();
  linkRecords.forEach((r, n) => {
    rank.set(r.id, n);
    for (const id of r.links) {
      const i = index.get(id);
      if (i === undefined) continue;
      const root = uf.find(i);
      if (!claimed.has(root)) claimed.set(root, r);
    }
  });
  const groups: (TopicGroup & { first: string })[] = [];
  for (const [root, list] of members) {
    const groupLinks = list.map((i) => links[i]);
    const record = claimed.get(root);
    const first = groupLinks.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    groups.push({
      id: record?.id ?? `${AUTO_TOPIC}${first.id}`,
      record,
      links: groupLinks,
      ends: groupLinks.flatMap((link) => link.ends.map((end, i) => ({ link, index: i, end }))),
      first: first.createdAt,
    });
  }
  groups.sort((a, b) => {
    const ra = a.record ? rank.get(a.record.id)! : Infinity;
    const rb = b.record ? rank.get(b.record.id)! : Infinity;
    if (ra !== rb) return ra - rb;
    return a.first < b.first ? -1 : a.first > b.first ? 1 : a.id < b.id ? -1 : 1;
  });
  return groups.map(({ first: _first, ...g }) => g);
}

/** A row of the synopsis grid: a group of linked passages, or every passage with a tag. */
export type SynopsisRow = { kind: 'links'; id: string; group: TopicGroup } | { kind: 'tag'; id: string; record: Topic };

/**
 * The synopsis grid's rows in order: the analyst's records in their order (a tag row, or the
 * group a record claims), then the groups without a record.
 */
export function synopsisRows(groups: TopicGroup[], records: Topic[]): SynopsisRow[] {
  const byRecord = new Map(groups.filter((g) => g.record).map((g) => [g.record!.id, g]));
  const rows: SynopsisRow[] = [];
  for (const t of records) {
    if (t.tag) rows.push({ kind: 'tag', id: t.id, record: t });
    else if (byRecord.has(t.id)) rows.push({ kind: 'links', id: t.id, group: byRecord.get(t.id)! });
  }
  for (const g of groups) if (!g.record) rows.push({ kind: 'links', id: g.id, group: g });
  return rows;
}

/** Width of the stretches of text passages are filed under for lookup. */
const BUCKET = 256;

/**
 * Finds the topic holding a passage: one of its passages overlaps the range. Built once
 * per grouping; passages are filed under every 256-character stretch they touch, so a
 * lookup reads only the few passages near the range.
 */
export function topicFinder(groups: TopicGroup[]): (doc: string, start: number, end: number) => TopicGroup | undefined {
  type Filed = { start: number; end: number; group: TopicGroup };
  const byDoc = new Map<string, Map<number, Filed[]>>();
  const rank = new Map(groups.map((g, i) => [g, i]));
  for (const g of groups) {
    for (const { end } of g.ends) {
      if (end.orphan || end.end <= end.start) continue;
      let buckets = byDoc.get(end.doc);
      if (!buckets) byDoc.set(end.doc, (buckets = new Map()));
      const filed: Filed = { start: end.start, end: end.end, group: g };
      for (let b = Math.floor(end.start / BUCKET); b <= Math.floor((end.end - 1) / BUCKET); b++) {
        const list = buckets.get(b);
        if (list) list.push(filed);
        else buckets.set(b, [filed]);
      }
    }
  }
  return (doc, start, end) => {
    const buckets = byDoc.get(doc);
    if (!buckets || end <= start) return undefined;
    let best: Filed | undefined;
    for (let b = Math.floor(start / BUCKET); b <= Math.floor((end - 1) / BUCKET); b++) {
      for (const p of buckets.get(b) ?? []) {
        // The first topic in display order wins when several overlap.
        if (p.start < end && start < p.end && (!best || rank.get(p.group)! < rank.get(best.group)!)) best = p;
      }
    }
    return best?.group;
  };
}
