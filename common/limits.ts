/**
 * The size limits of Parallax, as one set. Each limit follows from the one before it, so
 * whatever Parallax opens it can also save:
 *
 * - a source file (text, Markdown) is at most MAX_SOURCE_BYTES on disk;
 * - a document, measured as the UTF-8 JSON of its ProseMirror tree, is at most
 *   MAX_DOCUMENT_BYTES — checked on import and on every save, with the same message;
 * - a request to the local host carries at most one document and its envelope
 *   (MAX_REQUEST_BYTES), except an import, which carries one file as base64
 *   (MAX_IMPORT_PAYLOAD_CHARS of a file up to MAX_IMPORT_BYTES);
 * - a document nests at most MAX_DOCUMENT_DEPTH levels (quotes in lists in quotes…), so
 *   nothing accepted can exhaust the stack when the workspace is read back.
 */

const MiB = 1024 * 1024;

/** Largest source file Parallax opens (a 60 KB article is typical; long books reach a few MB). */
export const MAX_SOURCE_BYTES = 16 * MiB;

/**
 * Largest document, as UTF-8 bytes of its JSON. Twice the source limit: the JSON of a
 * document adds node and mark names to its text (about 10 % for prose, more for
 * documents of many short lines), so every source under the source limit fits.
 */
export const MAX_DOCUMENT_BYTES = 2 * MAX_SOURCE_BYTES;

/** Largest request body the local host reads: one whole document plus the call's other fields. */
export const MAX_REQUEST_BYTES = MAX_DOCUMENT_BYTES + MiB;

/**
 * Largest file the importer reads. Word and PDF files carry much besides their text
 * (fonts, images, layout); text formats still stop at MAX_SOURCE_BYTES, and every
 * imported document at MAX_DOCUMENT_BYTES.
 */
export const MAX_IMPORT_BYTES = 50 * MiB;

/**
 * Largest import payload: the file as base64 (4 characters for every 3 bytes), with room
 * for a file 1 MB over the limit, so that such a file hears "larger than 50 MB" from the
 * importer rather than a schema error.
 */
export const MAX_IMPORT_PAYLOAD_CHARS = 4 * Math.ceil((MAX_IMPORT_BYTES + MiB) / 3);

/**
 * Deepest nesting of a document's nodes (the doc node is level 1). Markdown import nests
 * at most 20 levels (markdown-it's CommonMark preset), so this leaves room for editing
 * while keeping every validation far from the stack limit.
 */
export const MAX_DOCUMENT_DEPTH = 100;

/** A byte count for messages: "16 MB", "1.5 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MiB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** UTF-8 length of a string without encoding it (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Why a document's JSON is too large to keep, or undefined when it fits. */
export function documentTooLarge(json: unknown): string | undefined {
  const bytes = utf8Length(JSON.stringify(json));
  if (bytes <= MAX_DOCUMENT_BYTES) return undefined;
  return `the document is ${formatMegabytes(bytes)} as stored; Parallax keeps documents up to ${formatMegabytes(MAX_DOCUMENT_BYTES)}`;
}
