/**
 * Each test gets its own Parallax host (`parallax serve --port 0`) on a fresh
 * workspace file, started the way a user starts it, and a page opened at its URL.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Host {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  process: ChildProcess;
}

export interface HostOptions {
  /** Rank counterparts by meaning too (loads the sentence encoder; off by default, see below). */
  embeddings?: boolean;
}

export function startHost(workspace: string, options: HostOptions = {}): Promise<Host> {
  return new Promise((resolve, reject) => {
    // Each test starts its own host on a new workspace: embedding the samples in every one of
    // them (seconds of CPU and hundreds of MB each) would only slow the other tests down.
    const child = spawn(process.execPath, ['bin/parallax.js', 'serve', '--port', '0', '--workspace', workspace], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PARALLAX_EMBEDDINGS: options.embeddings ? 'on' : 'off' },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${err}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Parallax at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `${m[1]}/?token=${m[2]}`, origin: m[1], token: m[2], workspace, process: child });
      }
    });
    child.on('exit', (code) => reject(new Error(`host exited (${code}): ${err}`)));
  });
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
    const host = await startHost(join(dir, 'workspace.json'));
    await use(host);
    host.process.kill('SIGTERM');
    await new Promise((r) => host.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
