/** What a command may use of the world outside: files, standard input, the environment, a clock and the terminal. */
export interface CliInput {
  /** The environment variables, where the connection settings (`KAFKA_BROKERS`, `KAFKA_SSL`, `KAFKA_SASL_PASSWORD`, ...) are read. */
  readonly environment: Readonly<Record<string, string | undefined>>;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Milliseconds on a monotonic clock, to time work and to pace a progress display. */
  now(): number;
  /** Standard error when it is a terminal, where progress may be redrawn in place; `null` when it is not. */
  readonly terminal: Terminal | null;
  /** Writes to standard output at once, for a command that prints as it goes (`describe --watch`). */
  writeStdout(text: string): void;
  /**
   * From this call on, an interrupt (SIGINT, Ctrl-C) or a request to terminate (SIGTERM) aborts the signal returned
   * instead of ending the process, so that a command that runs until stopped ends cleanly; a second one of the same
   * kind ends the process as usual.
   */
  catchInterrupt(): AbortSignal;
}

export interface Terminal {
  write(text: string): void;
  readonly columns: number;
}

export interface CliResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}
