#!/usr/bin/env node
// `npm start`: the Electron app where Electron's runtime is installed (or can be
// downloaded), otherwise browser mode — the local host, opened in the system browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function electronBinary() {
  if (process.env.PARALLAX_BROWSER === '1') return undefined;
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const present = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!present()) {
    process.stderr.write("Electron's runtime is not installed; trying to download it…\n");
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  }
  return present() ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
}

const electron = electronBinary();
if (electron) {
  run(electron, ['.']);
} else {
  process.stderr.write(
    "Electron's runtime is not available on this machine, so Parallax runs in your browser instead.\n",
  );
  run(process.execPath, [join(root, 'bin', 'parallax.js'), 'serve', '--open', ...process.argv.slice(2)]);
}
