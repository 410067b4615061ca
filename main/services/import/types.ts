/** What every importer returns, and the limits every import obeys. */
import type { Node } from 'prosemirror-model';
import { ParallaxError } from '../../../common/api';
import type { DocumentMeta } from '../../../common/model';

/** Largest file Parallax imports (one of the limits in common/limits.ts). */
export { MAX_IMPORT_BYTES } from '../../../common/limits';

/** Formats Parallax imports, by file extension. */
export const IMPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Metadata an importer found; what it could not find is left out. */
export type FoundMeta = Partial<Pick<DocumentMeta, 'title' | 'authors' | 'venue' | 'date' | 'doi' | 'url' | 'kind'>> & {
  extra?: Record<string, unknown>;
};

/** A file read into a document, before it enters a workspace. */
export interface ImportedDocument {
  format: ImportFormat;
  doc: Node;
  meta: FoundMeta;
  /** Things the analyst should know (e.g. footers removed, notes found). */
  warnings: string[];
}

/** The error for a file Parallax refuses; `name` starts the message. */
export function refuse(name: string, why: string): ParallaxError {
  return new ParallaxError('invalid-input', `${name} ${why}`);
}

/** A date as precise as `value` gives it (YYYY, YYYY-MM or YYYY-MM-DD), or undefined. */
export function partialDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter(Boolean).join('-');
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/.exec(v);
  if (iso) {
    const parts = [iso[1], iso[2]?.padStart(2, '0'), iso[3]?.padStart(2, '0')].filter(Boolean);
    return parts.join('-');
  }
  const parsed = Date.parse(v);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

/** Splits an author field ("A; B", "A and B", "A, B" when each part has a space) into names. */
export function splitAuthors(value: string | undefined | null): string[] {
  if (!value?.trim()) return [];
  let parts = value.split(/\s*;\s*|\s+and\s+|\s*&\s*/i);
  if (parts.length === 1 && value.includes(',')) {
    const commaParts = value.split(/\s*,\s*/);
    // "Smith, Ann" is one name; "Ann Smith, Bob Jones" is two.
    if (commaParts.every((p) => /\s/.test(p.trim()))) parts = commaParts;
  }
  return parts.map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= 200);
}
