/** A small annotated workspace for the import and export tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, type ApiHandlers, type CallInput, type CallName, type CallOutput } from '../../../common/api';
import { inProcessHost } from '../../../main/services/align-jobs';
import { WorkspaceStore } from '../../../main/services/store/workspace-store';
import { createWorkspaceService } from '../../../main/services/app';
import { docRecord } from '../store/helpers';

export const TEXT_A = [
  'Japan has pursued a mixture of engagement, resilience, and deterrence toward Russia.',
  'Sanctions 🇯🇵 followed the invasion of Ukraine in 2022, and Japan joined them quickly.',
];
export const TEXT_B = ['Japan did not join the sanctions quickly; it hesitated for weeks 𝄞 before acting.'];

/** A note a spreadsheet would trip over: quotes, commas, line breaks, a formula. */
export const TRICKY_NOTE = '=cmd|\' /C calc\'!A0, "quoted", and\na second line';

export interface Fixture {
  path: string;
  store: WorkspaceStore;
  handlers: ApiHandlers;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'parallax-io-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Opens a workspace at `path` (seeded with two short documents when new). */
export async function openFixture(path = join(tempDir(), 'workspace.json')): Promise<Fixture> {
  const store = await WorkspaceStore.open(path, {
    seed: async () => [
      {
        ...docRecord('doc-a', TEXT_A),
        meta: { title: 'Engagement and deterrence', authors: ['Ann Lee'], date: '2022', extra: {} },
      },
      {
        ...docRecord('doc-b', TEXT_B),
        meta: { title: 'A slow response', authors: ['Bo Kim', 'Cy Dee'], date: '2023-04', extra: {} },
      },
    ],
    name: 'Test workspace',
    writeDelayMs: 0,
  });
  const handlers = createWorkspaceService({ store, mode: 'browser', version: 'test', aligner: inProcessHost() });
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await dispatch(handlers, name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<K>;
  };
  return { path, store, handlers, call, close: () => store.close() };
}

/** Adds a tag, three annotations (one with the tricky note, one on text with astral characters) and a conflict link. */
export async function annotate(f: Fixture) {
  const tag = await f.call('createTag', { name: 'Timing', color: '#aa3344' });
  const child = await f.call('createTag', { name: 'Delay', parentId: tag.id, description: 'How fast a state acted' });
  const a = TEXT_A.join('\n\n');
  const b = TEXT_B[0];
  const at = (text: string, phrase: string) => ({
    start: text.indexOf(phrase),
    end: text.indexOf(phrase) + phrase.length,
  });
  const first = await f.call('createAnnotation', {
    doc: 'doc-a',
    revision: 0,
    ...at(a, 'deterrence toward Russia'),
    tags: [tag.id],
    note: TRICKY_NOTE,
  });
  const astral = await f.call('createAnnotation', {
    doc: 'doc-a',
    revision: 0,
    ...at(a, 'followed the invasion'),
    tags: [tag.id, child.id],
    note: '',
  });
  const second = await f.call('createAnnotation', {
    doc: 'doc-b',
    revision: 0,
    ...at(b, 'hesitated for weeks 𝄞 before acting'),
    tags: [child.id],
    note: 'Slow.',
  });
  const link = await f.call('createLink', {
    relation: 'conflict',
    ends: [
      { doc: 'doc-a', revision: 0, ...at(a, 'Japan joined them quickly') },
      { doc: 'doc-b', revision: 0, ...at(b, 'Japan did not join the sanctions quickly') },
    ],
    tags: [tag.id],
    note: 'They disagree on speed, "really".',
  });
  return { tag, child, first, astral, second, link };
}
