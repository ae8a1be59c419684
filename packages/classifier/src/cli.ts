/**
 * `pnpm classify`: JSONL in, JSONL out. Each stdin line `{ "text", "brand"? }` yields exactly
 * one stdout line, in order: `{ label, confidence, reasons, staff, lang, version }`, or
 * `{ "error" }` for a malformed line. Exit code 1 when any line was malformed, else 0.
 */
import { createInterface } from 'node:readline';
import { classifyLine } from './cli-line.js';
import { classify } from './index.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`Usage: pnpm -s classify < mentions.jsonl

Reads JSONL from stdin, one { "text", "brand"? } per line, and writes one JSONL line per
input line, in order: { label, confidence, reasons, staff, lang, version }, or { "error" }
for a malformed line. Exits 1 when any line was malformed.

  echo '{"text":"@AcmeAir you rock, thanks Dave!","brand":"Acme Air"}' | pnpm -s classify
`);
  process.exit(0);
}
if (process.stdin.isTTY) process.stderr.write('classify: reading JSONL from stdin (Ctrl-D ends it; --help for more)\n');

// A closed pipe (`pnpm classify < in | head`) is the reader's choice, not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let errors = 0;
let n = 0;
for await (const line of lines) {
  n++;
  const out = classifyLine(line, classify);
  if ('error' in out) {
    errors++;
    out.error = `line ${n}: ${out.error}`;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
if (errors > 0) {
  process.stderr.write(`classify: ${errors} of ${n} lines malformed\n`);
  process.exitCode = 1;
}
