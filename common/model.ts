/**
 * Workspace data types and their runtime schemas. Types are inferred from the schemas
 * so what is checked at a boundary and what the code assumes cannot drift apart.
 */
import { z } from 'zod';
import { checkNodeJSON } from './node-json';

/** Version of the workspace file layout; bump it and add a migration together. */
export const SCHEMA_VERSION = 3;

/** Most panes shown side by side. */
export const MAX_PANES = 6;

/** Document ids are slugs: safe in URLs, file names and CSV. */
export const DocumentId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'document ids are lowercase letters, digits, ".", "_" and "-"');

/** A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

export const DocumentMeta = z.object({
  title: z.string().min(1).max(500),
  authors: z.array(z.string().min(1).max(200)).max(100),
  venue: z.string().max(500).optional(),
  date: PartialDate.optional(),
  doi: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  kind: z.string().max(100).optional(),
  /** Further front-matter fields (affiliations, interviewer, keywords…), kept as given. */
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/**
 * A ProseMirror document as JSON. Structure is checked here; conformance to the schema
 * is checked by `schema.nodeFromJSON(...).check()` in the document service.
 */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}
/** Checked without recursion and at most MAX_DOCUMENT_DEPTH deep (see node-json.ts). */
export const NodeJSON: z.ZodType<NodeJSON> = z.custom<NodeJSON>().superRefine((value, ctx) => {
  const problem = checkNodeJSON(value);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path: problem.path,
      params: problem.tooDeep ? { parallax: 'too-deep' } : undefined,
    });
  }
});

export const DocumentRecord = z.object({
  id: DocumentId,
  meta: DocumentMeta,
  doc: NodeJSON,
  /** Increments on every saved edit; a save must name the revision it started from. */
  revision: z.number().int().nonnegative(),
  /** Where the text came from (a sample file name, an imported path). */
  source: z.string().max(2000).optional(),
  /**
   * The revision whose text was last read from `source` (import, reload); a later
   * revision holds edits made in Parallax. Absent: 0, the revision a document starts at.
   */
  sourceRevision: z.number().int().nonnegative().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const PaneState = z.object({
  id: z.string().min(1).max(64),
  docId: DocumentId,
});
export type PaneState = z.infer<typeof PaneState>;

export const Layout = z.object({
  panes: z.array(PaneState).min(1).max(MAX_PANES),
});
export type Layout = z.infer<typeof Layout>;

/** A concept of the workspace's lexicon: forms that mean the same thing (Beijing ≈ China). */
export const Concept = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  forms: z.array(z.string().min(1).max(200)).min(1).max(200),
});
export type Concept = z.infer<typeof Concept>;

/**
 * How two passages relate. "related" is the default: agree and conflict are said only on
 * evidence. A difference between texts written years apart is "related" with a
 * "change" cue (may have changed over time), not a conflict.
 */
export const Relation = z.enum(['agree', 'conflict', 'related']);
export type Relation = z.infer<typeof Relation>;

/**
 * Kinds of evidence for an alignment. Cues of difference (negation, antonym, number,
 * degree, marker, change) are kept even when they do not decide the relation: the card
 * lists them as "differences to check".
 */
export const EvidenceKind = z.enum([
  /** Words both passages use (ranges on both sides). */
  'shared',
  /** The same predicate negated on one side only. */
  'negation',
  /** Words of opposite meaning said of the same thing. */
  'antonym',
  /** The same quantity (entity, unit, time) with different values. */
  'number',
  /** Contrasts of degree (few / many). */
  'degree',
  /** A counter-marker ("however", "contrary to") on one side. */
  'marker',
  /** Texts written years apart: a difference may be a change over time. */
  'time',
  /** A difference between dated texts read as a change over time (2022 → 2024). */
  'change',
  /** Other documents that take up the same point. */
  'cluster',
  /** Closeness in meaning from the sentence encoder. */
  'semantic',
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Cue kinds that speak of a difference between the two passages. */
export const DIFFERENCE_KINDS: ReadonlySet<EvidenceKind> = new Set([
  'negation',
  'antonym',
  'number',
  'degree',
  'marker',
  'change',
]);

const Range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** One piece of evidence: its kind, the character ranges it covers on each side, a note. */
export const Evidence = z.object({
  kind: EvidenceKind,
  a: Range.nullable(),
  b: Range.nullable(),
  note: z.string().max(1000),
});
export type Evidence = z.infer<typeof Evidence>;

/** A passage of a document: plain-text offsets and the text they cover. */
export const PassageRef = z.object({
  doc: DocumentId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type PassageRef = z.infer<typeof PassageRef>;

/**
 * A counterpart of a passage in another document. `similarity` says how alike the two
 * are (retrieval, 0–1); `confidence` how sure the aligner is of `relation` (0–1).
 */
export const CounterpartMatch = PassageRef.extend({
  /**
   * The sentence that matched, within start–end; the rest of the passage is the context
   * it was read in (a sentence either side, in its paragraph). Absent: the whole passage.
   */
  focus: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
  similarity: z.number().min(0).max(1),
  relation: Relation,
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence),
});
export type CounterpartMatch = z.infer<typeof CounterpartMatch>;

/**
 * The counterparts of one passage: its best matches in each other document, grouped by
 * document (in workspace order), best first within each. `state` is "lexical" while
 * only word overlap ranks them, "refined" once sentence embeddings have re-ranked them.
 */
export const Counterparts = z.object({
  passage: PassageRef,
  matches: z.array(CounterpartMatch),
  state: z.enum(['lexical', 'refined']),
  /** While sentence embeddings are being computed: passages done of those to do. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
  /** Why the matches stay ranked by words only (the sentence encoder could not run), if they do. */
  error: z.string().max(500).optional(),
});
export type Counterparts = z.infer<typeof Counterparts>;

/** One side of a suggested alignment: a passage as plain-text offsets of a document revision. */
export const SuggestionSide = PassageRef.extend({
  /** The document revision the offsets refer to. */
  revision: z.number().int().nonnegative(),
});

/** A relation found by Align, with its evidence, and what the analyst made of it. */
export const Suggestion = z.object({
  id: z.string().min(1).max(64),
  relation: Relation,
  /** Similarity of the two passages (how alike, 0–1): what ranks suggestions. */
  score: z.number().min(0).max(1),
  /** How sure the aligner is of `relation` (0–1); null for suggestions stored before it was kept. */
  confidence: z.number().min(0).max(1).nullable().default(null),
  a: SuggestionSide,
  b: SuggestionSide,
  evidence: z.array(Evidence),
  /** suggested until the analyst accepts or dismisses it; re-running Align keeps decided ones. */
  status: z.enum(['suggested', 'accepted', 'dismissed']),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** Longest note on an annotation or description of a tag. */
export const MAX_NOTE_CHARS = 20_000;

/** Most tags a codebook may hold. */
export const MAX_TAGS = 2000;

export const TagId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'tag ids are letters, digits, "_" and "-"');
export const Color = z.string().regex(/^#[0-9a-f]{6}$/i, 'colours are #rrggbb');

/** A code of the codebook. Tags nest through `parentId`. */
export const Tag = z.object({
  id: TagId,
  name: z.string().trim().min(1, 'a tag needs a name').max(120),
  color: Color,
  description: z.string().max(MAX_NOTE_CHARS).default(''),
  parentId: TagId.nullable().default(null),
});
export type Tag = z.infer<typeof Tag>;

/** The W3C TextQuoteSelector of a range: the exact text and some context on each side. */
export const TextQuote = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuote = z.infer<typeof TextQuote>;

export const AnnotationId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A tagged passage. Target: a document and a range of its plain text (UTF-16 offsets)
 * at a revision, with the quote for re-anchoring; body: tags and a note. An orphan is
 * an annotation whose text could not be found again: kept, listed for review.
 */
export const Annotation = z.object({
  id: AnnotationId,
  doc: DocumentId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: TextQuote,
  /** The document revision the offsets refer to. */
  revision: z.number().int().nonnegative(),
  tags: z.array(TagId).max(100),
  note: z.string().max(MAX_NOTE_CHARS),
  orphan: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

/** Most passages one link may join (one point, several authors). */
export const MAX_LINK_ENDS = 12;

export const LinkId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * One passage a link joins, anchored exactly like an annotation: a plain-text range of a
 * document revision and its quote, found again after edits; an orphan when it cannot be.
 */
export const LinkEnd = z.object({
  doc: DocumentId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: TextQuote,
  revision: z.number().int().nonnegative(),
  orphan: z.boolean().default(false),
});
export type LinkEnd = z.infer<typeof LinkEnd>;

/**
 * The analyst's own record of a comparison: two or more passages (of different documents,
 * or of one) that agree, conflict or speak of the same thing, with a note and tags.
 */
export const Link = z.object({
  id: LinkId,
  relation: Relation,
  ends: z.array(LinkEnd).min(2).max(MAX_LINK_ENDS),
  tags: z.array(TagId).max(100),
  note: z.string().max(MAX_NOTE_CHARS),
  /** The Align suggestion this link was accepted from, if any. */
  suggestion: z.string().min(1).max(64).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Link = z.infer<typeof Link>;

/** The id a link end goes by where anchors are exchanged (`<link id>:<index>`). */
export function linkEndKey(linkId: string, index: number): string {
  return `${linkId}:${index}`;
}

/** Most topic rows a workspace may hold. */
export const MAX_TOPICS = 10_000;

export const TopicId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A row of the synopsis grid as the analyst shaped it. Topics are found from the links
 * (passages joined by a link, or linked passages that overlap, are one topic); this record
 * keeps what the analyst decided about one: its name, the links it holds (a row that holds
 * links of several groups merges them) and its place (the order of the list). A row made
 * from a tag holds every passage with that tag instead.
 */
export const Topic = z.object({
  id: TopicId,
  /** The analyst's name for the row; null until named (it is then named by its tags or concepts). */
  name: z.string().trim().max(200).nullable(),
  /** Links of the row: every group of linked passages holding one of them belongs to it. */
  links: z.array(LinkId).max(100_000),
  /** A row made from a tag: every annotation with that tag, per author. */
  tag: TagId.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Topic = z.infer<typeof Topic>;

export const WorkspaceFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  documents: z.array(DocumentRecord),
  layout: Layout,
  /** The workspace's own concepts, added to the defaults that ship with Parallax. */
  concepts: z.array(Concept).default([]),
  suggestions: z.array(Suggestion).default([]),
  /** When Align last ran. */
  alignedAt: z.string().optional(),
  codebook: z.array(Tag).max(MAX_TAGS),
  annotations: z.array(Annotation),
  links: z.array(Link).default([]),
  /** Synopsis rows: names, merges, order and rows made from tags (in display order). */
  topics: z.array(Topic).default([]),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

/** What lists and pane headers need of a document, without its text. */
export const DocumentSummary = z.object({
  id: DocumentId,
  meta: DocumentMeta,
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** The year of a partial date, for pane headers and conflict labels. */
export function yearOf(date: string | undefined): string | undefined {
  return date?.slice(0, 4);
}
