import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { dispatch, type ApiHandlers } from '../../../common/api';
import type { DocumentRecord } from '../../../common/model';
import { WorkspaceStore, type OpenOptions } from '../../../main/services/store/workspace-store';

/** A small document of paragraphs, as the store keeps it. */
export function docRecord(id: string, paragraphs: string[], revision = 0): DocumentRecord {
  return {
    id,
    meta: { title: `Title of ${id}`, authors: ['A. Author'], date: '2020', extra: {} },
    doc: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    revision,
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
  };
}

export const PARAGRAPHS = [
  'Japan has pursued a mixture of engagement, resilience, and deterrence toward Russia.',
  'Sanctions followed the invasion of Ukraine in 2022, and Japan joined them quickly.',
  'Deterrence of China remains the main concern of defence planners in Tokyo.',
];

export function tempWorkspace(): string {
  return join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'workspace.json');
}

export function openStore(path: string, options: Partial<OpenOptions> = {}): Promise<WorkspaceStore> {
  return WorkspaceStore.open(path, {
    seed: async () => [docRecord('doc-a', PARAGRAPHS), docRecord('doc-b', ['Another text about Japan and China.'])],
    writeDelayMs: 0,
    ...options,
  });
}

/** The JSON text of a document whose blockquotes nest `depth` levels (built as text: too deep to stringify). */
export function deepDocText(depth: number): string {
  const paragraph = '{"type":"paragraph","content":[{"type":"text","text":"Deep."}]}';
  return `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}${paragraph}${']}'.repeat(depth)}]}`;
}

/**
 * Contract calls through `dispatch`, as a transport makes them, on the handlers `api()`
 * gives at the time: `ok` expects an answer, `fails` a refusal (and returns its error).
 */
export function contractCalls(api: () => ApiHandlers) {
  return {
    async ok<T = unknown>(name: string, input: unknown): Promise<T> {
      const r = await dispatch(api(), name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    async fails(name: string, input: unknown): Promise<{ code: string; message: string }> {
      const r = await dispatch(api(), name, input);
      expect(r.ok, `${name} ${JSON.stringify(input)} should fail`).toBe(false);
      return (r as { error: { code: string; message: string } }).error;
    },
  };
}
