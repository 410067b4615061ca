/** Where Parallax keeps its files when not inside Electron (host and CLI). */
import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `$PARALLAX_HOME`, else ~/.parallax. */
export function parallaxHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARALLAX_HOME ? resolve(env.PARALLAX_HOME) : join(homedir(), '.parallax');
}

/** The default workspace file inside a Parallax home (or Electron's userData). */
export function defaultWorkspacePath(home: string): string {
  return join(home, 'workspace.json');
}

let root: string | undefined;

/**
 * The app's root folder (where package.json, samples/ and out/ are): the nearest
 * folder above this module with Parallax's package.json, so it resolves the same from
 * source (main/services), from the bundle (out/main/chunks) and inside app.asar.
 */
export function appRoot(): string {
  if (root) return root;
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name":\s*"parallax"/.test(readFileSync(manifest, 'utf8'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Parallax installation folder (package.json).');
    dir = parent;
  }
}

export function samplesDir(): string {
  return join(appRoot(), 'samples');
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}
