/**
 * The synopsis grid's rows as the analyst shapes them: names, merges, order, and rows
 * made from a tag. Rows are found from the links (common/overviews/topics.ts); a topic
 * record keeps a decision about one. Every call is in the one undo history.
 */
import { randomUUID } from 'node:crypto';
import { ParallaxError, type ApiHandlers, type TopicRef } from '../../../common/api';
import { MAX_TOPICS, type Topic, type WorkspaceFile } from '../../../common/model';
import type { ChangeRecorder } from '../annotations/history';
import type { Undoable } from '../annotations/undoable';
import type { WorkspaceStore } from '../store/workspace-store';

type TopicCalls = 'listTopics' | 'nameTopic' | 'mergeTopics' | 'orderTopics' | 'addTagTopic' | 'deleteTopic';

function newTopic(links: string[], name: string | null = null, tag?: string): Topic {
  const now = new Date().toISOString();
  return { id: `tp-${randomUUID()}`, name, links: [...new Set(links)], tag, createdAt: now, updatedAt: now };
}

/**
 * Gives every row shown a record, in the order shown (records of rows not shown, such as
 * groups whose links were all deleted, keep their relative place after them), so a name or
 * a merge leaves every row where the analyst sees it. Returns the records of `order`.
 */
function place(data: WorkspaceFile, order: TopicRef[], touch: ChangeRecorder): Topic[] {
  const byId = new Map(data.topics.map((t) => [t.id, t]));
  const placed = order.map((ref) => {
    const known = ref.id ? byId.get(ref.id) : undefined;
    if (ref.id && !known) throw new ParallaxError('not-found', `No topic "${ref.id}" (it may have been removed).`);
    if (known) {
      const grown = ref.links.filter((id) => !known.links.includes(id));
      if (grown.length) {
        touch.topic(known.id);
        known.links = [...known.links, ...grown];
      }
      return known;
    }
    const made = newTopic(ref.links);
    touch.topic(made.id);
    return made;
  });
  if (new Set(placed.map((t) => t.id)).size !== placed.length) {
    throw new ParallaxError('invalid-input', 'A topic is listed twice in the order.');
  }
  const rest = data.topics.filter((t) => !placed.includes(t));
  if (placed.length + rest.length > MAX_TOPICS) {
    throw new ParallaxError('too-large', `A workspace holds at most ${MAX_TOPICS} topics.`);
  }
  const next = [...placed, ...rest];
  if (next.some((t, i) => data.topics[i] !== t)) {
    for (const t of data.topics) touch.topic(t.id);
    data.topics.splice(0, data.topics.length, ...next);
  }
  return placed;
}

function at<T>(list: T[], index: number): T {
  if (index >= list.length) throw new ParallaxError('invalid-input', `There is no row ${index + 1}.`);
  return list[index];
}

/** Creates the handlers of the topic calls, recording every change in `undoable`. */
export function createTopicHandlers(store: WorkspaceStore, undoable: Undoable): Pick<ApiHandlers, TopicCalls> {
  const { act } = undoable;
  return {
    async listTopics() {
      return { topics: store.data.topics };
    },

    async nameTopic({ order, index, name }) {
      const label = name ? `Name topic “${name.length > 30 ? `${name.slice(0, 29)}…` : name}”` : 'Clear topic name';
      return act(label, (data, touch) => {
        const topic = at(place(data, order, touch), index);
        touch.topic(topic.id);
        topic.name = name || null;
        topic.updatedAt = new Date().toISOString();
        return topic;
      });
    },

    async mergeTopics({ order, into, from }) {
      return act('Merge topics', (data, touch) => {
        const placed = place(data, order, touch);
        const target = at(placed, into);
        if (target.tag) throw new ParallaxError('invalid-input', 'A row made from a tag cannot take other rows.');
        const merged = [...new Set(from)].filter((i) => i !== into).map((i) => at(placed, i));
        if (merged.some((t) => t.tag)) {
          throw new ParallaxError('invalid-input', 'A row made from a tag cannot be merged into a topic.');
        }
        touch.topic(target.id);
        target.links = [...new Set([...target.links, ...merged.flatMap((t) => t.links)])];
        if (!target.name) target.name = merged.find((t) => t.name)?.name ?? null;
        target.updatedAt = new Date().toISOString();
        for (const t of merged) {
          touch.topic(t.id);
          data.topics.splice(data.topics.indexOf(t), 1);
        }
        return target;
      });
    },

    async orderTopics({ order }) {
      return act('Reorder topics', (data, touch) => {
        place(data, order, touch);
        return { topics: data.topics };
      });
    },

    async addTagTopic({ tag }) {
      return act('Add tag row', (data, touch) => {
        const found = data.codebook.find((t) => t.id === tag);
        if (!found) throw new ParallaxError('not-found', `No tag "${tag}" in the codebook.`);
        if (data.topics.some((t) => t.tag === tag)) {
          throw new ParallaxError('invalid-input', `The grid already has a row for “${found.name}”.`);
        }
        if (data.topics.length >= MAX_TOPICS) {
          throw new ParallaxError('too-large', `A workspace holds at most ${MAX_TOPICS} topics.`);
        }
        const topic = newTopic([], null, tag);
        touch.topic(topic.id);
        data.topics.push(topic);
        return topic;
      });
    },

    async deleteTopic({ id }) {
      return act('Remove topic row', (data, touch) => {
        const at = data.topics.findIndex((t) => t.id === id);
        if (at < 0) throw new ParallaxError('not-found', `No topic "${id}".`);
        touch.topic(id);
        data.topics.splice(at, 1);
        return { id };
      });
    },
  };
}
