import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkspaceFile } from '../../../common/model';
import { openStore, tempWorkspace } from './helpers';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Runs the child, kills it with SIGKILL after `killAfter` acknowledged writes; returns the acknowledged ids. */
function runAndKill(path: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [tsx, child, path, '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    for (const killAfter of killPoints) {
      const path = tempWorkspace();
      const acked = await runAndKill(path, killAfter);
      expect(acked.length).toBeGreaterThanOrEqual(Math.min(killAfter, 1000));
      // The file parses as it is, without recovery, and holds every acknowledged write.
      const onDisk = WorkspaceFile.parse(JSON.parse(readFileSync(path, 'utf8')));
      const stored = new Set(onDisk.annotations.map((a) => a.id));
      const missing = acked.filter((id) => !stored.has(id));
      expect(missing, `kill after ${killAfter} acks`).toEqual([]);
      // The next process takes over the dead one's lock and opens the same state.
      const reopened = await openStore(path);
      expect(reopened.notices).toEqual([]);
      expect(reopened.data.annotations.length).toBe(onDisk.annotations.length);
      await reopened.close();
    }
  }, 60_000);
});
