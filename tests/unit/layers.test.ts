/**
 * The layering rule (after VS Code): common/ imports nothing environment-specific;
 * the renderer and preload never import main/; main never imports renderer/; only
 * main's shell files import 'electron'.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

const ELECTRON_SHELL = new Set(['main/index.ts', 'main/ipc.ts', 'main/menu.ts', 'main/dialogs.ts', 'preload/index.ts']);

describe('layers', () => {
  it('common/ is pure', () => {
    for (const file of tsFiles('common')) {
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(
          /^(node:|fs$|path$|electron$)|\.\.\/(main|renderer|preload)\//,
        );
      }
    }
  });

  it('renderer/ and preload/ never import main/, and main/ never imports renderer/', () => {
    for (const file of [...tsFiles('renderer'), ...tsFiles('preload')]) {
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)main\//);
    }
    for (const file of tsFiles('main')) {
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)renderer\//);
    }
  });

  it("only main's shell imports electron", () => {
    for (const file of [...tsFiles('main'), ...tsFiles('renderer'), ...tsFiles('common'), ...tsFiles('preload')]) {
      if (imports(file).includes('electron'))
        expect(ELECTRON_SHELL.has(relative(root, join(root, file))), file).toBe(true);
    }
  });

  it('the renderer never imports Node built-ins', () => {
    for (const file of tsFiles('renderer')) {
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:/);
    }
  });
});
