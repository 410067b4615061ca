/** Counting what a page asks of the host (shared by the end-to-end tests). */
import type { Page } from '@playwright/test';

/** Counts the page's requests by path, from now on. */
export function countRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  });
  return counts;
}

/** The calls that read a whole part of the workspace. */
export const LIST_CALLS = [
  'listAnnotations',
  'getCodebook',
  'listLinks',
  'listSuggestions',
  'listTopics',
  'listDocuments',
] as const;

/** How often the page has read each whole part so far. */
export function listReads(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries(LIST_CALLS.map((name) => [name, counts.get(`/api/${name}`) ?? 0]));
}
