import type { CliInput, Terminal } from '@kafka-assignors/cli';

/**
 * A CliInput whose files live in memory, whose clock ticks one millisecond per reading, with no terminal unless
 * given one, which keeps what is printed as it goes, and which `interrupt` interrupts; an empty environment unless given one.
 */
export interface MemoryInput extends CliInput {
  readonly written: Map<string, string>;
  /** What the command printed to standard output as it went. */
  readonly printed: string[];
  interrupt(): void;
}

export function memoryInput(
  files: Readonly<Record<string, string>> = {},
  terminal: Terminal | null = null,
  environment: Readonly<Record<string, string | undefined>> = {},
): MemoryInput {
  const written = new Map<string, string>();
  const printed: string[] = [];
  const interruption = new AbortController();
  let clock = 0;
  return {
    written,
    printed,
    environment,
    interrupt: () => interruption.abort(),
    writeStdout: (text) => printed.push(text),
    catchInterrupt: () => interruption.signal,
    readFile: (path) => (Object.hasOwn(files, path) ? Promise.resolve(files[path] ?? '') : Promise.reject(Object.assign(new Error(`no ${path}`), { code: 'ENOENT' }))),
    readStdin: () => Promise.resolve(''),
    writeFile: (path, text) => {
      written.set(path, text);
      return Promise.resolve();
    },
    now: () => (clock += 1),
    terminal,
  };
}

/** The figures table of the lab's output: for each assignor, its figures as numbers, in column order. */
export function printedFigures(stdout: string): Map<string, number[]> {
  const lines = stdout.split('\n');
  const header = lines.findIndex((line) => line.startsWith('assignor '));
  const rows = lines.slice(header + 1, lines.indexOf('', header));
  return new Map(rows.map((row) => {
    const [assignor = '', ...figures] = row.split(/ +/);
    return [assignor, figures.map(Number)];
  }));
}
