/**
 * The overview calls of the contract (spread into `contract` in api.ts): the synopsis
 * grid's topic rows (name, merge, order, rows made from tags) and search across documents.
 */
import { z } from 'zod';
import { DocumentId, LinkId, MAX_TOPICS, TagId, Topic, TopicId } from './model';

const Empty = z.object({}).strict();
const Offset = z.number().int().nonnegative();
const Revision = z.number().int().nonnegative();

/**
 * A row of the synopsis grid as the renderer shows it: the record's id if it has one, and
 * the links of its group (a row without a record gets one holding these links).
 */
export const TopicRef = z.object({ id: TopicId.optional(), links: z.array(LinkId).max(100_000) }).strict();
export type TopicRef = z.infer<typeof TopicRef>;

/** The rows in the order shown, so a topic edit keeps every row where the analyst sees it. */
const TopicOrder = z.array(TopicRef).max(MAX_TOPICS);

/** A passage found by searchDocuments, with its context. */
export const SearchHitPayload = z.object({
  doc: DocumentId,
  start: Offset,
  end: Offset,
  revision: Revision,
  before: z.string(),
  match: z.string(),
  after: z.string(),
  via: z.enum(['text', 'concept', 'tag']),
  label: z.string().optional(),
});
export type SearchHitPayload = z.infer<typeof SearchHitPayload>;

/** The topic and search calls. */
export const overviewCalls = {
  listTopics: { input: Empty, output: z.object({ topics: z.array(Topic) }) },
  /** Names a row (null: back to the name from its tags or concepts). */
  nameTopic: {
    input: z.object({ order: TopicOrder, index: z.number().int().nonnegative(), name: Topic.shape.name }).strict(),
    output: Topic,
  },
  /** Merges rows `from` into row `into` (indexes of `order`). */
  mergeTopics: {
    input: z
      .object({
        order: TopicOrder,
        into: z.number().int().nonnegative(),
        from: z.array(z.number().int().nonnegative()).min(1).max(MAX_TOPICS),
      })
      .strict(),
    output: Topic,
  },
  /** Puts the rows in this order. */
  orderTopics: { input: z.object({ order: TopicOrder }).strict(), output: z.object({ topics: z.array(Topic) }) },
  /** A row of every passage with a tag. */
  addTagTopic: { input: z.object({ tag: TagId }).strict(), output: Topic },
  /** Removes a row's record: a tag row goes, a named group goes back to its automatic name and place. */
  deleteTopic: { input: z.object({ id: TopicId }).strict(), output: z.object({ id: TopicId }) },
  /**
   * Finds a phrase in every document (any case and spacing), every form of a concept the
   * query names, and the passages tagged with a tag the query names.
   */
  searchDocuments: {
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(5000).default(1000) }).strict(),
    output: z.object({ hits: z.array(SearchHitPayload), total: z.number().int().nonnegative() }),
  },
} as const;
