#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { text } from 'node:stream/consumers';
import { runCli } from './run-cli.js';

const result = await runCli(process.argv.slice(2), {
  environment: process.env,
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  writeFile: (path, contents) => writeFile(path, contents, 'utf8'),
  now: () => performance.now(),
  terminal: process.stderr.isTTY
    ? {
        write: (chunk) => process.stderr.write(chunk),
        get columns() {
          return process.stderr.columns;
        },
      }
    : null,
  writeStdout: (chunk) => process.stdout.write(chunk),
  catchInterrupt: () => {
    const interrupt = new AbortController();
    process.once('SIGINT', () => interrupt.abort());
    process.once('SIGTERM', () => interrupt.abort());
    return interrupt.signal;
  },
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
