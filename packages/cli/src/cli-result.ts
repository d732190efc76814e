export interface CliInput {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
}

export interface CliResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}
