/**
 * What a topic is called until the analyst names it: the tags its links carry, else the
 * concepts (the workspace's lexicon: Beijing ≈ China) that at least two of its passages
 * mention, else the opening words of its first passage.
 */
import type { Concept } from '../model';
import type { TopicGroup } from './topics';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds which concepts a passage mentions (whole words, any case); remembers each passage. */
export class ConceptFinder {
  private readonly patterns: { label: string; re: RegExp }[];
  private readonly memo = new Map<string, string[]>();

  constructor(concepts: Concept[]) {
    this.patterns = concepts.map((c) => ({
      label: c.label,
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[c.label, ...c.forms].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    }));
  }

  /** The labels of the concepts `text` mentions, in the lexicon's order. */
  labels(text: string): string[] {
    let found = this.memo.get(text);
    if (!found) {
      found = this.patterns.filter((p) => p.re.test(text)).map((p) => p.label);
      if (this.memo.size > 50_000) this.memo.clear();
      this.memo.set(text, found);
    }
    return found;
  }
}

/** The most frequent of `values` (ties in first-seen order), at most `n`. */
function commonest(values: string[], n: number, least = 1): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= least)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([v]) => v);
}

/** A topic's name and where it comes from. */
export interface TopicName {
  text: string;
  from: 'analyst' | 'tags' | 'concepts' | 'quote';
}

/** Names a topic: the analyst's name, else its tags, else shared concepts, else its first words. */
export function topicName(group: TopicGroup, tagName: (id: string) => string, concepts: ConceptFinder): TopicName {
  if (group.record?.name) return { text: group.record.name, from: 'analyst' };
  const tags = commonest(
    group.links.flatMap((l) => l.tags),
    3,
  );
  if (tags.length) return { text: tags.map(tagName).join(', '), from: 'tags' };
  // A concept counts when passages by at least two of the topic's documents mention it.
  const perDoc = new Map<string, Set<string>>();
  for (const { end } of group.ends) {
    const set = perDoc.get(end.doc) ?? new Set<string>();
    for (const label of concepts.labels(end.quote.exact)) set.add(label);
    perDoc.set(end.doc, set);
  }
  const shared = commonest(
    [...perDoc.values()].flatMap((s) => [...s]),
    3,
    2,
  );
  if (shared.length) return { text: shared.join(', '), from: 'concepts' };
  const first = group.ends[0]?.end.quote.exact.replace(/\s+/g, ' ').trim() ?? '';
  const words = first.split(' ').slice(0, 6).join(' ');
  return { text: `“${words}${words.length < first.length ? '…' : ''}”`, from: 'quote' };
}
