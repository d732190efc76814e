import { readFileSync } from 'node:fs';

/**
 * A fenced code block of a README, with what the README says about testing it: an HTML comment on the line
 * just before the fence, `<!-- readme-test: ... -->`, invisible when rendered. Its words:
 * - `file NAME`: the block is saved as NAME, so a later block can import it (`./NAME.js` for NAME.ts) or a
 *   command read it (a JSON file);
 * - `given kafka`: the block uses a `kafka` client that the test defines (a fragment of a longer example);
 * - `compile only: WHY` (TypeScript) or `not run: WHY` (shell): the block is type-checked, or skipped, but
 *   not run, for the reason given (it needs a broker; it is a repository command that CI runs itself); it
 *   comes last.
 */
export interface ReadmeCodeBlock {
  /** Path of the README, relative to the repository. */
  readonly readme: string;
  /** Line of the opening fence, from 1. */
  readonly line: number;
  /** The fence's language: ts, sh, json; '' when it has none. */
  readonly language: string;
  readonly code: string;
  readonly fileName: string | undefined;
  readonly givenKafka: boolean;
  /** Why the block is not run; undefined when it is. */
  readonly notRunBecause: string | undefined;
}

const DIRECTIVE = /^\s*<!-- readme-test: (.*) -->\s*$/;
const FENCE = /^(\s*)```(\S*)\s*$/;

export function readmeCodeBlocks(root: string, readme: string): ReadmeCodeBlock[] {
  const lines = readFileSync(`${root}/${readme}`, 'utf8').split('\n');
  const blocks: ReadmeCodeBlock[] = [];
  for (let at = 0; at < lines.length; at++) {
    const opening = FENCE.exec(lines[at]!);
    if (opening === null) continue;
    const [, indent = '', language = ''] = opening;
    const body: string[] = [];
    let end = at + 1;
    for (; end < lines.length && !new RegExp(`^${indent}\`\`\`\\s*$`).test(lines[end]!); end++) {
      body.push(lines[end]!.startsWith(indent) ? lines[end]!.slice(indent.length) : lines[end]!);
    }
    if (end === lines.length) throw new Error(`${readme}:${at + 1}: a code block that never closes`);
    blocks.push({ readme, line: at + 1, language, code: `${body.join('\n')}\n`, ...directive(readme, at + 1, lines[at - 1]) });
    at = end;
  }
  return blocks;
}

function directive(readme: string, line: number, previousLine: string | undefined) {
  const words = previousLine === undefined ? null : DIRECTIVE.exec(previousLine);
  const found = { fileName: undefined as string | undefined, givenKafka: false, notRunBecause: undefined as string | undefined };
  if (words === null) return found;
  // The reason is free text, semicolons included, so it comes last.
  const [options = '', reason] = words[1]!.split(/(?:^|;\s*)(?:compile only|not run): /);
  found.notRunBecause = reason;
  for (const part of options.split(';').map((text) => text.trim()).filter((text) => text !== '')) {
    const file = /^file (\S+)$/.exec(part);
    if (file !== null) found.fileName = file[1];
    else if (part === 'given kafka') found.givenKafka = true;
    else throw new Error(`${readme}:${line}: unknown readme-test directive "${part}"`);
  }
  return found;
}
