/**
 * The `parallax` command: the same services as the app, from a terminal.
 * Results go to stdout; progress, warnings and errors to stderr.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ParallaxError } from '../common/api';
import { alignCommand, relateCommand, UsageError } from './cli-align';
import { exportCommand, importCommand } from './cli-import';
import { startHost } from './host';
import { appVersion, openWorkspace } from './services/app';
import { exportsDir } from './services/export/service';
import { defaultWorkspacePath, parallaxHome, rendererDir } from './services/paths';

const HELP = `Parallax — compare what several authors say about one question.

Usage:
  parallax serve [--port N] [--workspace FILE] [--open]
      Serve the app to a browser on 127.0.0.1 (browser mode). --port 0 (default)
      picks a free port. Prints "Parallax at http://127.0.0.1:PORT/?token=…" when ready.
  parallax align [FILE ...] [--json] [--top N] [--min-score X]
                 [--counterparts K [--semantic [--cache FILE]]]
      Suggest where the documents agree, conflict or relate, with evidence. FILEs are
      .md (with or without front matter) or .txt; none: the sample texts. --json prints
      one JSON object on stdout; progress goes to stderr. --counterparts K (with --json)
      adds every passage's best K matches in each other document; --semantic refines
      them with sentence embeddings (cached in FILE when --cache is given).
  parallax relate --pairs FILE.jsonl
      Classify each line {"a": "...", "b": "..."}: prints {"relation", "score", "evidence"}.
  parallax import FILE... [--workspace W] [--replace | --new]
                  [--title T] [--authors "A; B"] [--venue V] [--date YYYY-MM-DD]
      Import .txt, .md, .html, .docx or .pdf files (or a Parallax JSON export) into the
      workspace W, creating it from these documents if it does not exist. Title,
      authors, venue and date are read from the file unless given. A document already
      there is skipped unless --replace (re-anchors its annotations) or --new.
      If any file cannot be imported, nothing changes.
  parallax export --format csv|json|html|docx|md|qdpx --out PATH [--workspace W]
      Write the workspace's annotations, links and suggestions: a CSV table, W3C Web
      Annotations (JSON-LD), a report (HTML, Word, Markdown) or a REFI-QDA project.
  parallax --help       Show this help.
  parallax --version    Show the version.

Files:
  The workspace is $PARALLAX_HOME/workspace.json (default ~/.parallax/workspace.json);
  a new one starts with the sample texts.`;

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

async function serve(args: string[]): Promise<void> {
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
  const { store, handlers } = await openWorkspace(workspacePath, 'browser', {
    exportHooks: { reveal: (path) => (openInBrowser(dirname(path)), true) },
  });
  for (const notice of store.notices) process.stderr.write(`parallax: ${notice}\n`);
  const host = await startHost({ handlers, staticDir, port, exportsDir: exportsDir(workspacePath) });
  process.stdout.write(`Parallax at ${host.url}\n`);
  process.stderr.write(`Workspace: ${workspacePath}\nPress Ctrl+C to stop.\n`);
  if (values.open) openInBrowser(host.url);
  const stop = async (): Promise<void> => {
    try {
      await store.close();
    } catch (err) {
      process.stderr.write(`parallax: ${(err as Error).message}\n`);
    }
    await host.close();
    process.exit(0);
  };
  // Ctrl+C, a kill, or the terminal closing (SIGHUP): write what is pending, release the lock.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop());
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${appVersion()}\n`);
      return 0;
    }
    if (command === 'align') {
      await alignCommand(rest);
      return 0;
    }
    if (command === 'relate') {
      await relateCommand(rest);
      return 0;
    }
    if (command === 'import') {
      await importCommand(rest);
      return process.exitCode === 1 ? 1 : 0;
    }
    if (command === 'export') {
      await exportCommand(rest);
      return 0;
    }
    if (command === 'serve') {
      await serve(rest);
      return -1; // keeps running
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`parallax: ${(err as Error).message}\nRun "parallax --help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`parallax: ${(err as Error).message}\n`);
    return 1;
  }
}
