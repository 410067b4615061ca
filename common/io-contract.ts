/**
 * The shapes of the import and export calls of the contract (declared in api.ts): what an
 * import found in a file, what it did, and an export's job.
 */
import { z } from 'zod';
import { DocumentId, DocumentMeta, DocumentSummary } from './model';
import { MAX_IMPORT_PAYLOAD_CHARS } from './limits';

/** Formats Parallax imports (by file extension). */
export const ImportFormat = z.enum(['txt', 'md', 'html', 'docx', 'pdf']);

export { MAX_IMPORT_PAYLOAD_CHARS } from './limits';

/** What an import found in a file, for the analyst to check before it enters the workspace. */
export const ImportPreview = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: ImportFormat,
  /** The details to confirm: what the file gave, the file name as the title otherwise. */
  meta: DocumentMeta,
  /** Which of title, authors, venue, date came from the file itself. */
  found: z.array(z.string()),
  warnings: z.array(z.string()),
  stats: z.object({
    characters: z.number().int().nonnegative(),
    paragraphs: z.number().int().nonnegative(),
    notes: z.number().int().nonnegative(),
  }),
  /** Documents already in the workspace that this file probably is again (offer to replace). */
  matches: z.array(z.object({ id: DocumentId, title: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  document: DocumentSummary,
  replaced: z.boolean(),
  moved: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Formats Parallax exports: CSV, W3C Web Annotation JSON, reports (HTML, Word, Markdown), REFI-QDA. */
export const ExportFormat = z.enum(['csv', 'json', 'html', 'docx', 'md', 'qdpx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A running or finished export. */
export const ExportJob = z.object({
  id: z.string(),
  format: ExportFormat,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Where the file was written (when done). */
  path: z.string().optional(),
  fileName: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  error: z.string().optional(),
});
export type ExportJob = z.infer<typeof ExportJob>;

/** The import and export calls (spread into `contract` in api.ts). */
export const ioCalls = {
  /** Reads a file (sent as base64) and tells what it found; nothing changes yet. */
  prepareImport: {
    input: z.object({ fileName: z.string().min(1).max(255), data: z.string().max(MAX_IMPORT_PAYLOAD_CHARS) }).strict(),
    output: ImportPreview,
  },
  /** Adds a prepared import to the workspace, or replaces `replace` with it (re-anchoring its annotations). */
  commitImport: {
    input: z
      .object({ importId: z.string().min(1).max(64), meta: DocumentMeta, replace: DocumentId.optional() })
      .strict(),
    output: ImportResult,
  },
  updateDocumentMeta: { input: z.object({ id: DocumentId, meta: DocumentMeta }).strict(), output: DocumentSummary },
  /** Exports the workspace (flushed first) in a format; the job tells progress and where it wrote. */
  startExport: { input: z.object({ format: ExportFormat }).strict(), output: ExportJob },
  getExportJob: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: ExportJob },
  /** Shows an export's file in the system's file manager. */
  revealExport: {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
  /** Merges a Parallax W3C Web Annotation export (its documents, codebook, annotations and links). */
  importAnnotations: {
    input: z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_IMPORT_PAYLOAD_CHARS) }).strict(),
    output: z.object({
      documents: z.number().int().nonnegative(),
      tags: z.number().int().nonnegative(),
      annotations: z.number().int().nonnegative(),
      links: z.number().int().nonnegative(),
      orphaned: z.number().int().nonnegative(),
    }),
  },
} as const;
