/**
 * Child of the crash test: performs annotation writes through the service and prints
 * "ack <id>" for each one once it is durable (flushed). The parent kills it at random.
 */
import { createAnnotationHandlers } from '../../../main/services/annotations/service';
import { openStore, PARAGRAPHS } from './helpers';

const [path, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1000);
const store = await openStore(path, { writeDelayMs: 2 });
const handlers = createAnnotationHandlers(store);
const BATCH = 10;
for (let i = 0; i < count; i += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => {
    const n = i + j;
    const start = n % (PARAGRAPHS[0].length - 10);
    return handlers.createAnnotation({
      doc: 'doc-a',
      revision: 0,
      start,
      end: start + 8,
      tags: ['deterrence'],
      note: `write ${n}`,
    });
  });
  const created = await Promise.all(batch);
  await store.flush();
  process.stdout.write(created.map((a) => `ack ${a.id}\n`).join(''));
}
await store.close();
process.stdout.write('done\n');
