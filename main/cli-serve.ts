/** `parallax serve`: the app in a browser, over the local host. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ParallaxError } from '../common/api';
import { UsageError } from './cli-usage';
import { startHost } from './host';
import { openWorkspace } from './services/app';
import { exportsDir } from './services/export/service';
import { defaultWorkspacePath, parallaxHome, rendererDir } from './services/paths';

/** Opens a URL or folder with the system's handler (browser, file manager). */
function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the printed URL is enough.
  }
}

export async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      workspace: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${values.port}"`);
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new ParallaxError('not-found', `The app is not built (${staticDir} is missing). Run "npm run build" first.`);
  }
  const workspacePath = values.workspace ? resolve(values.workspace) : defaultWorkspacePath(parallaxHome());
  const opened = await openWorkspace(workspacePath, 'browser', {
    exportHooks: { reveal: (path) => (openInBrowser(dirname(path)), true) },
  });
  const { store, handlers, events } = opened;
  for (const notice of store.notices) process.stderr.write(`parallax: ${notice}\n`);
  const host = await startHost({ handlers, staticDir, port, exportsDir: exportsDir(workspacePath), events });
  process.stdout.write(`Parallax at ${host.url}\n`);
  process.stderr.write(`Workspace: ${workspacePath}\nPress Ctrl+C to stop.\n`);
  if (values.open) openInBrowser(host.url);
  const stop = async (): Promise<void> => {
    try {
      await opened.close();
    } catch (err) {
      process.stderr.write(`parallax: ${(err as Error).message}\n`);
    }
    await host.close();
    process.exit(0);
  };
  // Ctrl+C, a kill, or the terminal closing (SIGHUP): write what is pending, release the lock.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop());
}
