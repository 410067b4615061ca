/**
 * What the overviews show, gathered from the workspace's models (links, suggestions,
 * tags and annotations, documents) and the topic records, with the derived lists (topics,
 * conflicts) computed once per change and shared by every view. Views subscribe with
 * `onChange`; a burst of changes is coalesced into one notification.
 */
import type { TopicRef } from '../../../common/api';
import type { Annotation, DocumentSummary, Suggestion, Topic } from '../../../common/model';
import {
  conflictEntries,
  ConceptFinder,
  groupTopics,
  synopsisRows,
  topicName,
  type SynopsisRow,
  type ConflictEntry,
  type TopicGroup,
  type TopicName,
} from '../../../common/overviews';
import { call } from '../bridge';
import type { LinkModel } from '../links/link-model';
import type { AnnotationModel } from '../panels/annotation-model';

/** Where the overviews' data come from. */
export interface OverviewSources {
  documents(): DocumentSummary[];
  links: LinkModel;
  annotations: AnnotationModel;
  suggestions(): readonly Suggestion[];
  onSuggestionsChange(listener: () => void): void;
}

export type { SynopsisRow };

export class OverviewData {
  topics: Topic[] = [];
  private concepts = new ConceptFinder([]);
  private cache?: { groups: TopicGroup[]; rows: SynopsisRow[]; conflicts?: ConflictEntry[] };
  private readonly names = new Map<string, TopicName>();
  private readonly listeners = new Set<() => void>();
  private pending = false;

  constructor(readonly sources: OverviewSources) {
    sources.links.onChange(() => this.changed());
    sources.annotations.onChange(() => this.changed());
    sources.onSuggestionsChange(() => this.changed());
  }

  /** Loads the topic records and the lexicon (for naming topics by their concepts). */
  async load(): Promise<void> {
    const [{ topics }, concepts] = await Promise.all([call('listTopics', {}), call('getConcepts', {})]);
    this.topics = topics;
    this.concepts = new ConceptFinder([...concepts.defaults, ...concepts.custom]);
    this.changed();
  }

  /** Reloads the topic records (after undo or redo). */
  async reloadTopics(): Promise<void> {
    this.setTopics((await call('listTopics', {})).topics);
  }

  setTopics(topics: Topic[]): void {
    this.topics = topics;
    this.changed();
  }

  /** Puts a topic returned by a call in place. */
  applyTopic(topic: Topic): void {
    const at = this.topics.findIndex((t) => t.id === topic.id);
    if (at >= 0) this.topics[at] = topic;
    else this.topics.push(topic);
    this.changed();
  }

  documents(): DocumentSummary[] {
    return this.sources.documents();
  }

  private derived() {
    if (!this.cache) {
      const groups = groupTopics(this.sources.links.links, this.topics);
      this.cache = { groups, rows: synopsisRows(groups, this.topics) };
    }
    return this.cache;
  }

  /** The topics of the links, in the grid's order. */
  groups(): TopicGroup[] {
    return this.derived().groups;
  }

  /** The synopsis rows in order (link topics and tag rows). */
  rows(): SynopsisRow[] {
    return this.derived().rows;
  }

  /** The rows as the topic calls name them, in the order shown. */
  order(): TopicRef[] {
    return this.rows().map((r) =>
      r.kind === 'tag'
        ? { id: r.record.id, links: [] }
        : { id: r.group.record?.id, links: r.group.links.map((l) => l.id) },
    );
  }

  /** Every conflict, reviewed first. */
  conflicts(): ConflictEntry[] {
    const d = this.derived();
    d.conflicts ??= conflictEntries({
      docs: this.documents(),
      links: this.sources.links.links,
      suggestions: [...this.sources.suggestions()],
      topics: d.groups,
    });
    return d.conflicts;
  }

  /** A topic's name (the analyst's, else from its tags or concepts). */
  topicName(group: TopicGroup): TopicName {
    let name = this.names.get(group.id);
    if (!name) {
      name = topicName(group, (id) => this.tagName(id), this.concepts);
      this.names.set(group.id, name);
    }
    return name;
  }

  /** The name of a tag row. */
  rowName(row: SynopsisRow): TopicName {
    if (row.kind === 'links') return this.topicName(row.group);
    return row.record.name
      ? { text: row.record.name, from: 'analyst' }
      : { text: `#${this.tagName(row.record.tag!)}`, from: 'tags' };
  }

  tagName(id: string): string {
    return this.sources.annotations.tag(id)?.name ?? id;
  }

  /** The annotations with a tag or one of its sub-tags. */
  tagged(tag: string): Annotation[] {
    const ids = this.sources.annotations.withDescendants(tag);
    return this.sources.annotations.annotations.filter((a) => !a.orphan && a.tags.some((t) => ids.has(t)));
  }

  /** Calls `listener` once after each burst of changes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Recomputes now and tells every listener (what a change does, without waiting). */
  flush(): void {
    this.pending = false;
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    this.cache = undefined;
    this.names.clear();
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      if (this.pending) this.flush();
    });
  }
}
