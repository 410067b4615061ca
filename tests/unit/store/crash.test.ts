import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkspaceFile } from '../../../common/model';
import { openStore, tempWorkspace } from './helpers';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Writes each child attempts. */
const WRITES = 1000;

/** Runs the child, kills it with SIGKILL after `killAfter` acknowledged writes; returns the acknowledged ids. */
function runAndKill(path: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // One process (tsx as a loader, not its CLI, which runs the script in a grandchild
    // that a SIGKILL of the parent would not reach).
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path, String(WRITES)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= killAfter) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('a kill in the middle of writing', () => {
  it('never loses a write that was acknowledged as durable, at several kill points', async () => {
    const killPoints = [1, 137, 512, 880].map((p) => p + Math.floor(Math.random() * 60));
    let acknowledged = 0;
    let killedMidway = 0;
    let found = 0;
    for (const killAfter of killPoints) {
      const path = tempWorkspace();
      const acked = await runAndKill(path, killAfter);
      expect(acked.length).toBeGreaterThanOrEqual(Math.min(killAfter, WRITES));
      if (acked.length < WRITES) killedMidway++;
      // The file parses as it is, without recovery, and holds every acknowledged write.
      const onDisk = WorkspaceFile.parse(JSON.parse(readFileSync(path, 'utf8')));
      const stored = new Set(onDisk.annotations.map((a) => a.id));
      const missing = acked.filter((id) => !stored.has(id));
      expect(missing, `kill after ${killAfter} acks`).toEqual([]);
      acknowledged += acked.length;
      found += acked.length - missing.length;
      // The next process takes over the dead one's lock and opens the same state.
      const reopened = await openStore(path);
      expect(reopened.notices).toEqual([]);
      expect(reopened.data.annotations.length).toBe(onDisk.annotations.length);
      await reopened.close();
    }
    console.log(
      `kill -9 during writes: ${killPoints.length} kills (${killedMidway} before the writer finished), ${acknowledged} writes acknowledged, ${found} found after restart`,
    );
    // The kills must land while writing, or this test proves nothing.
    expect(killedMidway).toBeGreaterThanOrEqual(killPoints.length - 1);
  }, 60_000);
});
