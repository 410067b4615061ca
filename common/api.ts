/**
 * THE contract between the renderer and the services. Every call is declared once here
 * with runtime schemas for its input and output; the Electron IPC binding, the preload,
 * the HTTP host and the renderer's HTTP client are all derived from this declaration.
 */
import { z } from 'zod';
import type { CallName } from './channels';
import { describePath, inspectJSON } from './json-guard';
import { ioCalls } from './io-contract';
import { AlignJob, StoreStatus, WorkspacePart } from './events-contract';
export {
  AlignJob,
  RefineProgress,
  StoreStatus,
  WorkspaceChange,
  WorkspacePart,
  events,
  type EventPayload,
  type Events,
} from './events-contract';
export { SearchHitPayload, TopicRef } from './overviews-contract';
import { overviewCalls } from './overviews-contract';
import {
  Annotation,
  AnnotationId,
  Color,
  Concept,
  Counterparts,
  DocumentId,
  DocumentMeta,
  DocumentSummary,
  Layout,
  Link,
  LinkId,
  MAX_LINK_ENDS,
  MAX_NOTE_CHARS,
  NodeJSON,
  Relation,
  Suggestion,
  Tag,
  TagId,
} from './model';

export { CALL_NAMES, COMMAND_CHANNEL, MENU_COMMANDS, ipcChannel, type CallName, type MenuCommand } from './channels';

export const DocumentPayload = z.object({
  id: DocumentId,
  meta: DocumentMeta,
  doc: NodeJSON,
  revision: z.number().int().nonnegative(),
});
export type DocumentPayload = z.infer<typeof DocumentPayload>;

export const WorkspacePayload = z.object({
  name: z.string(),
  documents: z.array(DocumentSummary),
  layout: Layout,
  /** Messages the user should see once (e.g. a damaged file was set aside). */
  notices: z.array(z.string()),
});
export type WorkspacePayload = z.infer<typeof WorkspacePayload>;

export const AppInfo = z.object({
  name: z.literal('Parallax'),
  version: z.string(),
  /** 'electron' in the desktop app, 'browser' against the local host. */
  mode: z.enum(['electron', 'browser']),
  workspacePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Empty = z.object({}).strict();

export const SuggestionsPayload = z.object({
  suggestions: z.array(Suggestion),
  alignedAt: z.string().optional(),
});
export type SuggestionsPayload = z.infer<typeof SuggestionsPayload>;

/** Most concepts a workspace may define. */
export const MAX_CONCEPTS = 2000;

const Offset = z.number().int().nonnegative();
const Revision = z.number().int().nonnegative();
const Note = z.string().max(MAX_NOTE_CHARS, `notes are at most ${MAX_NOTE_CHARS} characters`);
const TagIds = z.array(TagId).max(100);

/**
 * Where an annotation's range (id: the annotation's) or a link end's (id: `<link id>:<index>`)
 * went after edits in a pane (plain-text offsets of the new text).
 */
export const AnchorUpdate = z
  .object({
    id: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9_-]+(:\d{1,3})?$/),
    start: Offset,
    end: Offset,
  })
  .strict();

/** A passage the analyst selected: a range of a document revision's plain text. */
export const PassageRef = z.object({ doc: DocumentId, revision: Revision, start: Offset, end: Offset }).strict();

/** The answer to undo and redo: what was undone or redone, and what is next on each stack. */
export const HistoryState = z.object({
  /** The label of the action undone or redone; null when there was nothing to do. */
  label: z.string().nullable(),
  undo: z.string().nullable(),
  redo: z.string().nullable(),
  /** What the step changed (nothing when there was nothing to do). */
  touched: z.array(WorkspacePart),
});
export type HistoryState = z.infer<typeof HistoryState>;

/** The codebook with how many annotations use each tag. */
export const CodebookPayload = z.object({
  tags: z.array(Tag),
  usage: z.record(z.string(), z.number().int().nonnegative()),
});
export type CodebookPayload = z.infer<typeof CodebookPayload>;

export {
  ExportFormat,
  ExportJob,
  ImportFormat,
  ImportPreview,
  ImportResult,
  MAX_IMPORT_PAYLOAD_CHARS,
} from './io-contract';

/** Every call the renderer can make. */
export const contract = {
  getAppInfo: { input: Empty, output: AppInfo },
  getWorkspace: { input: Empty, output: WorkspacePayload },
  listDocuments: { input: Empty, output: z.array(DocumentSummary) },
  getDocument: { input: z.object({ id: DocumentId }).strict(), output: DocumentPayload },
  saveDocument: {
    input: z
      .object({
        id: DocumentId,
        doc: NodeJSON,
        baseRevision: Revision,
        /** The annotations of this document as the editor mapped them through the edit. */
        anchors: z.array(AnchorUpdate).max(200_000).optional(),
        /** Annotations whose whole range the edit deleted (they become orphans). */
        lost: z.array(AnchorUpdate.shape.id).max(200_000).optional(),
      })
      .strict(),
    output: z.object({ revision: Revision, orphaned: z.number().int().nonnegative() }),
  },
  saveLayout: { input: Layout.strict(), output: Layout },
  /**
   * Reads a document's source file again (it was edited elsewhere) and re-anchors its
   * annotations. When the text holds edits made in Parallax (`edited`), nothing changes
   * unless `replaceEdits` says to replace them.
   */
  reloadDocument: {
    input: z.object({ id: DocumentId, replaceEdits: z.boolean().optional() }).strict(),
    output: z.object({
      revision: Revision,
      /** The file holds the text the workspace has. */
      unchanged: z.boolean(),
      /** The workspace's text held edits made in Parallax. */
      edited: z.boolean(),
      /** The text is now the file's (false: unchanged, or edits kept because `replaceEdits` was not given). */
      replaced: z.boolean(),
      moved: z.number().int().nonnegative(),
      orphaned: z.number().int().nonnegative(),
    }),
  },
  startAlign: { input: Empty, output: AlignJob },
  getAlignJob: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: AlignJob },
  listSuggestions: { input: Empty, output: SuggestionsPayload },
  /**
   * Accepts, dismisses or restores a suggestion (undoable). Accepting makes it a link (with
   * `relation` if given, else the suggested one); taking an acceptance back removes that link.
   */
  setSuggestionStatus: {
    input: z
      .object({ id: z.string().min(1).max(64), status: Suggestion.shape.status, relation: Relation.optional() })
      .strict(),
    output: z.object({ suggestion: Suggestion, link: Link.nullable() }),
  },
  /**
   * What the other documents say about a passage: the sentence(s) a range covers (the
   * sentence around a cursor when start = end) and its best `k` matches in each other
   * document, each with similarity, relation, confidence and evidence.
   */
  getCounterparts: {
    input: z
      .object({ doc: DocumentId, start: Offset, end: Offset, k: z.number().int().min(1).max(20).default(3) })
      .strict(),
    output: Counterparts,
  },
  getConcepts: { input: Empty, output: z.object({ defaults: z.array(Concept), custom: z.array(Concept) }) },
  saveConcepts: {
    input: z.object({ custom: z.array(Concept.strict()).max(MAX_CONCEPTS) }).strict(),
    output: z.object({ custom: z.array(Concept) }),
  },
  getCodebook: { input: Empty, output: CodebookPayload },
  createTag: {
    input: z
      .object({
        name: Tag.shape.name,
        color: Color.optional(),
        description: Note.optional(),
        parentId: TagId.nullish(),
      })
      .strict(),
    output: Tag,
  },
  updateTag: {
    input: z
      .object({
        id: TagId,
        name: Tag.shape.name.optional(),
        color: Color.optional(),
        description: Note.optional(),
        parentId: TagId.nullable().optional(),
      })
      .strict(),
    output: Tag,
  },
  deleteTag: {
    input: z
      .object({
        id: TagId,
        /** What happens to annotations that use the tag: lose the tag, be deleted, or get `moveTo` instead. */
        annotations: z.enum(['untag', 'delete', 'move']).default('untag'),
        moveTo: TagId.optional(),
      })
      .strict(),
    output: z.object({ changed: z.number().int().nonnegative(), deleted: z.number().int().nonnegative() }),
  },
  mergeTags: {
    input: z.object({ from: z.array(TagId).min(1).max(100), into: TagId }).strict(),
    output: Tag,
  },
  listAnnotations: { input: Empty, output: z.object({ annotations: z.array(Annotation) }) },
  createAnnotation: {
    input: z
      .object({ doc: DocumentId, revision: Revision, start: Offset, end: Offset, tags: TagIds, note: Note.default('') })
      .strict(),
    output: Annotation,
  },
  updateAnnotation: {
    input: z.object({ id: AnnotationId, tags: TagIds.optional(), note: Note.optional() }).strict(),
    output: Annotation,
  },
  deleteAnnotation: { input: z.object({ id: AnnotationId }).strict(), output: z.object({ id: AnnotationId }) },
  reattachAnnotation: {
    input: z.object({ id: AnnotationId, doc: DocumentId, revision: Revision, start: Offset, end: Offset }).strict(),
    output: Annotation,
  },
  listLinks: { input: Empty, output: z.object({ links: z.array(Link) }) },
  createLink: {
    input: z
      .object({
        relation: Relation,
        ends: z.array(PassageRef).min(2, 'a link joins at least two passages').max(MAX_LINK_ENDS),
        tags: TagIds.default([]),
        note: Note.default(''),
      })
      .strict(),
    output: Link,
  },
  updateLink: {
    input: z
      .object({ id: LinkId, relation: Relation.optional(), tags: TagIds.optional(), note: Note.optional() })
      .strict(),
    output: Link,
  },
  /** Adds a passage to a link (one point taken up by several authors). */
  addLinkEnd: { input: PassageRef.extend({ id: LinkId }).strict(), output: Link },
  removeLinkEnd: {
    input: z.object({ id: LinkId, index: z.number().int().nonnegative() }).strict(),
    output: Link,
  },
  /** Points a link end (an orphan, or a wrong passage) at a new passage. */
  reattachLinkEnd: {
    input: PassageRef.extend({ id: LinkId, index: z.number().int().nonnegative() }).strict(),
    output: Link,
  },
  deleteLink: { input: z.object({ id: LinkId }).strict(), output: z.object({ id: LinkId }) },
  ...overviewCalls,
  undo: { input: Empty, output: HistoryState },
  redo: { input: Empty, output: HistoryState },
  getStoreStatus: { input: Empty, output: StoreStatus },
  ...ioCalls,
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
// The contract declares exactly the calls listed in channels.ts (no more, no fewer).
const exactCalls: keyof Contract extends CallName ? (CallName extends keyof Contract ? true : never) : never = true;
void exactCalls;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export { EVENT_NAMES, eventChannel, isEventName, type EventName } from './channels';

/** Expected failures, told apart by code so the UI can react (e.g. reload on conflict). */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'too-deep'
  | 'unauthorized'
  | 'unknown-call'
  | 'storage'
  | 'locked'
  | 'internal';

/** What crosses every transport: a value or a typed error, never a bare exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** An expected failure raised by a service; transports turn it into a Result. */
export class ParallaxError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParallaxError';
  }
}

/** The service side of the contract: one async function per call. */
export type ApiHandlers = { [K in CallName]: (input: z.output<Contract[K]['input']>) => Promise<CallOutput<K>> };

/** The renderer side of the contract (what `window.parallax` and the HTTP client provide). */
export type ParallaxApi = { [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>> };

/** Formats a zod error as one readable line naming the offending fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

/**
 * Validates input, runs the handler, validates output, and folds failures into a
 * Result. Every transport calls through this, so validation cannot be forgotten.
 */
export async function dispatch(handlers: ApiHandlers, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Unknown call "${name}".` } };
  }
  const call = contract[name as CallName];
  // Depth and characters first, without recursion: a payload nested thousands deep
  // must be refused, not overflow the stack of the validator below.
  const problem = inspectJSON(rawInput);
  if (problem) {
    const code = problem.kind === 'too-deep' ? 'too-deep' : 'invalid-input';
    return { ok: false, error: { code, message: `${name}: ${describePath(problem.path)}: ${problem.message}` } };
  }
  const parsed = call.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const tooDeep = parsed.error.issues.some(
      (i) => i.code === 'custom' && (i.params as { parallax?: string } | undefined)?.parallax === 'too-deep',
    );
    const code = tooDeep ? 'too-deep' : 'invalid-input';
    return { ok: false, error: { code, message: `${name}: ${describeIssues(parsed.error)}` } };
  }
  try {
    const handler = handlers[name as CallName] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: call.output.parse(value) };
  } catch (err) {
    if (err instanceof ParallaxError) return { ok: false, error: { code: err.code, message: err.message } };
    // The raw error goes to the log of the process that ran the call, never to the caller.
    console.error(`parallax: ${name} failed:`, err);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `${name} failed because of an internal error; the details are in Parallax's log.`,
      },
    };
  }
}
