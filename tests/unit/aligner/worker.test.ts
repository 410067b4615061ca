import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workerHost, type CorpusSource } from '../../../main/services/align-jobs';
import { alignInputOf } from '../../../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import { appRoot } from '../../../main/services/paths';
import { documentFromText } from '../../../main/services/sources';

// The built worker (npm test builds before it runs vitest).
const file = join(appRoot(), 'out', 'main', 'align-worker.js');
const host = workerHost(file);
afterAll(() => host.close());

const doc = (name: string, body: string) =>
  alignInputOf(documentFromText(`---\ntitle: ${name}\n---\n\n${body}\n`, `${name}.md`));

describe.skipIf(!existsSync(file))('the long-lived aligner worker', () => {
  it('keeps its index between queries and takes a new corpus when the key changes', async () => {
    let loads = 0;
    const source = (key: string, extra: string): CorpusSource => ({
      key,
      load: () => {
        loads++;
        return {
          key,
          concepts: DEFAULT_CONCEPTS,
          docs: [
            doc('one', 'The harbour dredging programme will deepen the channel for container vessels.'),
            doc('two', `Dredging the harbour channel lets larger container vessels dock. ${extra}`),
          ],
        };
      },
    });
    const v1 = source('v1', 'Orchards need rain in spring and summer.');
    const first = await host.counterparts(v1, { doc: 'one', start: 0, end: 0, k: 2 });
    await host.counterparts(v1, { doc: 'one', start: 5, end: 5, k: 2 });
    expect(loads).toBe(1);
    expect(first.matches[0].text).toContain('Dredging the harbour channel');
    const v2 = source('v2', 'Harbour dredging for container vessels deepens the channel quickly.');
    const second = await host.counterparts(v2, { doc: 'one', start: 0, end: 0, k: 2 });
    expect(loads).toBe(2);
    expect(second.matches[0].text).toContain('deepens the channel');
    await expect(host.counterparts(v2, { doc: 'zzz', start: 0, end: 0 })).rejects.toThrow(/no document/);
  });

  it('runs Align with progress', async () => {
    const stages = new Set<string>();
    const out = await host.align(
      {
        top: 10,
        concepts: DEFAULT_CONCEPTS,
        docs: [
          doc('one', 'The harbour dredging programme will deepen the channel for container vessels.'),
          doc('two', 'Dredging the harbour channel lets larger container vessels dock.'),
        ],
      },
      (stage) => stages.add(stage),
    );
    expect(out.alignments.length).toBe(1);
    expect(stages.has('relations')).toBe(true);
  });
});
