#!/usr/bin/env node
// Entry point of the `parallax` command: runs the built CLI (out/main/cli.js).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('parallax: the app is not built yet. Run "npm run build" (npm install does it for you).\n');
  process.exit(1);
}
// Cache V8's compiled code of CommonJS dependencies between runs (the lemmatizer's
// word lists alone take ~120 ms to compile); a missing cache only costs time.
try {
  createRequire(import.meta.url)('v8-compile-cache');
} catch {
  // not installed (e.g. a trimmed package): run without the cache
}
// Output piped into a reader that stops early (`parallax align --json | head`) ends the
// command quietly, as other command-line tools do, rather than with a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import(pathToFileURL(cli).href);
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
