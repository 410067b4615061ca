import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/parallax.js', import.meta.url));

describe('parallax serve, when its terminal closes or it is told to stop', () => {
  for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} writes the last change and releases the lock`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parallax-signal-'));
      const workspace = join(dir, 'workspace.json');
      const proc = spawn(process.execPath, [bin, 'serve', '--workspace', workspace], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PARALLAX_HOME: dir },
      });
      const url = await new Promise<URL>((resolve, reject) => {
        createInterface({ input: proc.stdout }).on('line', (line) => {
          const m = /^Parallax at (\S+)/.exec(line);
          if (m) resolve(new URL(m[1]));
        });
        proc.on('exit', (code) => reject(new Error(`serve exited early (${code})`)));
      });
      const token = url.searchParams.get('token')!;
      const response = await fetch(new URL('/api/createTag', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Closed by ${signal}` }),
      });
      expect(response.status).toBe(200);
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        proc.on('exit', (code, sig) => resolve({ code, signal: sig })),
      );
      proc.kill(signal);
      expect(await exited).toEqual({ code: 0, signal: null });
      const saved = JSON.parse(readFileSync(workspace, 'utf8')) as { codebook: { name: string }[] };
      expect(saved.codebook.map((t) => t.name)).toContain(`Closed by ${signal}`);
      expect(existsSync(`${workspace}.lock`)).toBe(false);
    }, 20_000);
  }
});
