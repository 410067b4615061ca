/**
 * The events of the contract: what the services push to the renderer, each with its
 * payload's schema (Align's and an export's progress, whether everything is on disk,
 * changes made elsewhere). api.ts re-exports them beside the calls.
 */
import { z } from 'zod';
import type { EventName } from './channels';
import { ExportJob } from './io-contract';

/** A running or finished Align. */
export const AlignJob = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** What it is doing: 'passages', 'candidates', 'relations', 'saving'. */
  stage: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Suggestions found (when done). */
  count: z.number().int().nonnegative().optional(),
  error: z.string().optional(),
});
export type AlignJob = z.infer<typeof AlignJob>;

/**
 * The aligner adding meaning (sentence embeddings) to the counterparts of the workspace's
 * passages, in the background after the workspace opens or its texts change: how far it is,
 * then refined (queries now rank by words and meaning) or failed (they stay by words).
 */
export const RefineProgress = z.object({
  state: z.enum(['embedding', 'refined', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  error: z.string().max(500).optional(),
});
export type RefineProgress = z.infer<typeof RefineProgress>;

export const StoreStatus = z.object({
  state: z.enum(['saved', 'pending', 'failed']),
  savedAt: z.string().optional(),
  error: z.string().optional(),
});

/** The parts of a workspace a change can reach, so a view reads again only what changed. */
export const WorkspacePart = z.enum(['suggestions', 'links', 'annotations', 'codebook', 'documents', 'topics']);
export type WorkspacePart = z.infer<typeof WorkspacePart>;

/** What changed in the workspace, told to every window that did not make the change. */
export const WorkspaceChange = z
  .object({
    what: z.array(WorkspacePart).min(1),
    /**
     * Who changed it: 'align' (a run saving its suggestions), 'window:<id>' (a window's call;
     * that window is not sent it), 'api' (a caller naming no window).
     */
    origin: z.string().max(64).optional(),
  })
  .strict();
export type WorkspaceChange = z.infer<typeof WorkspaceChange>;

/**
 * Every event the services push to the renderer, with its payload's schema: Align's and an
 * export's progress (each stage, then done or failed), the aligner's adding of meaning, whether everything is on disk, and
 * changes made elsewhere (an Align run saving its suggestions, another window's call).
 * Every transport is derived from this.
 */
export const events = {
  alignProgress: AlignJob,
  exportProgress: ExportJob,
  refineProgress: RefineProgress,
  storeStatus: StoreStatus,
  workspaceChanged: WorkspaceChange,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
// The events declared are exactly those listed in channels.ts.
const exactEvents: keyof Events extends EventName ? (EventName extends keyof Events ? true : never) : never = true;
void exactEvents;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
