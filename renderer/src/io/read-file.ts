/** Reading a file the analyst chose or dropped, as base64 for the import call. */
import { formatMegabytes, MAX_IMPORT_BYTES, MAX_SOURCE_BYTES } from '../../../common/limits';

/**
 * Why a file is too large to import, before it is read and sent (the service checks
 * again): text formats stop at the source limit, Word and PDF files at the import limit.
 * Undefined when its size is fine.
 */
export function tooLargeToImport(file: { name: string; size: number }): string | undefined {
  const text = /\.(txt|md|markdown|html?)$/i.test(file.name);
  const limit = text ? MAX_SOURCE_BYTES : MAX_IMPORT_BYTES;
  if (file.size <= limit) return undefined;
  return text
    ? `${file.name} is ${formatMegabytes(file.size)}; Parallax opens text files up to ${formatMegabytes(limit)}.`
    : `${file.name} is ${formatMegabytes(file.size)}; Parallax imports files up to ${formatMegabytes(limit)}.`;
}

/** Formats the import picker and drop accept, by extension. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf,.json';

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () =>
      reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** "2.4 MB", "812 KB". */
export function sizeLabel(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
