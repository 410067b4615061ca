/** Reading a file the analyst chose or dropped, as base64 for the import call. */

/** Largest file Parallax imports (the service checks again). */
export const MAX_IMPORT_MB = 50;

/** Formats the import picker and drop accept, by extension. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

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
