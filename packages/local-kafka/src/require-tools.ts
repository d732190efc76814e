import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { MissingToolError } from './missing-tool-error.js';

/** The first executable file called `name` in the directories of `searchPath`, like a shell would find it. */
export function findOnPath(name: string, searchPath = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; keep looking.
    }
  }
  return undefined;
}

/** Throws one MissingToolError naming every tool that is missing, so the user installs them in one go. */
export function requireTools(tools: readonly string[], searchPath = process.env['PATH'] ?? '', needs?: string): void {
  const missing = tools.filter((tool) => findOnPath(tool, searchPath) === undefined);
  if (missing.length > 0) throw new MissingToolError(missing, needs);
}
