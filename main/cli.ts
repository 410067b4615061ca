/**
 * The `parallax` command: the same services as the app, from a terminal.
 * Results go to stdout; progress, warnings and errors to stderr. Each command's code is
 * loaded when it runs, so `parallax align` does not pay for the host, the store or the
 * importers (a cold start matters for a command run in scripts).
 */
import { UsageError } from './cli-usage';

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

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      const { appVersion } = await import('./services/app');
      process.stdout.write(`${appVersion()}\n`);
      return 0;
    }
    if (command === 'align') {
      await (await import('./cli-align')).alignCommand(rest);
      return 0;
    }
    if (command === 'relate') {
      await (await import('./cli-align')).relateCommand(rest);
      return 0;
    }
    if (command === 'import') {
      await (await import('./cli-import')).importCommand(rest);
      return process.exitCode === 1 ? 1 : 0;
    }
    if (command === 'export') {
      await (await import('./cli-import')).exportCommand(rest);
      return 0;
    }
    if (command === 'serve') {
      await (await import('./cli-serve')).serve(rest);
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
