/**
 * Calls the host's contract directly (as the renderer's HTTP client does, with the
 * run's token), so a test can set up links without going through the links UI.
 */
import type { Host } from './fixtures';
import type { Link, Relation } from '../../common/model';
import { schema } from '../../common/schema';
import { plainTextOf } from '../../common/plaintext';

export async function callHost<T>(host: Host, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** A document's plain text and revision, as the host has it. */
export async function documentText(host: Host, id: string): Promise<{ revision: number; text: string }> {
  const payload = await callHost<{ revision: number; doc: unknown }>(host, 'getDocument', { id });
  return { revision: payload.revision, text: plainTextOf(schema.nodeFromJSON(payload.doc)).text };
}

/** A passage of a document found by its exact text. */
export async function passage(
  host: Host,
  doc: string,
  quote: string,
): Promise<{ doc: string; revision: number; start: number; end: number }> {
  const { revision, text } = await documentText(host, doc);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in ${doc}`);
  return { doc, revision, start, end: start + quote.length };
}

/** Makes a link between passages given as [document, exact text]. */
export async function makeLink(host: Host, relation: Relation, ends: [string, string][]): Promise<Link> {
  const refs = await Promise.all(ends.map(([doc, quote]) => passage(host, doc, quote)));
  return callHost<Link>(host, 'createLink', { relation, ends: refs });
}

/** Runs Align and waits until its suggestions are stored. */
export async function align(host: Host): Promise<void> {
  let job = await callHost<{ id: string; state: string; error?: string }>(host, 'startAlign', {});
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = await callHost(host, 'getAlignJob', { id: job.id });
  }
  if (job.state !== 'done') throw new Error(`Align failed: ${job.error}`);
}
