import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../common/api';
import { createWorkspaceService } from '../../../main/services/app';
import { openStore, tempWorkspace } from './helpers';

describe('a full disk', () => {
  it('fails the save whose write failed, and the editor’s retry of the same save succeeds once there is room', async () => {
    let full = false;
    const store = await openStore(tempWorkspace(), {
      retryDelayMs: 5,
      steps: {
        async writeTemp(path, text) {
          if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          await writeFile(path, text);
        },
      },
    });
    const handlers = createWorkspaceService({ store, mode: 'browser', version: 'test' });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited once.' }] }] };
    const save = { id: 'doc-a', doc, baseRevision: 0 };
    full = true;
    const first = await dispatch(handlers, 'saveDocument', save);
    expect(first).toMatchObject({ ok: false, error: { code: 'storage', message: /no space left.*not on disk yet/ } });
    full = false;
    // The pane retries the same save from the same revision: not a conflict.
    const retry = await dispatch(handlers, 'saveDocument', save);
    expect(retry).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(store.status().state).toBe('saved');
    // A different edit from the old revision is still a conflict.
    const other = { ...save, doc: { type: 'doc', content: [{ type: 'paragraph' }] } };
    expect(await dispatch(handlers, 'saveDocument', other)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await store.close();
  });
});
