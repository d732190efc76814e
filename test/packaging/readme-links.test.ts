import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const markdownFiles = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter((file) => file !== '');

/** Links outside code: `[text](target)`, the target up to a space or the closing parenthesis. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^([ \t]*)```[\s\S]*?^\1```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const prose = markdown.replace(/^([ \t]*)```[\s\S]*?^\1```/gm, '');
  for (const [, heading] of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading!
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = base;
    for (let repeat = 1; anchors.has(anchor); repeat++) anchor = `${base}-${repeat}`;
    anchors.add(anchor);
  }
  return anchors;
}

describe('links in the Markdown files', () => {
  it('are found', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'docs/scenario-format.md', 'packages/core/README.md']));
  });

  it.each(markdownFiles)('%s: every relative link stays in the repository and reaches a file, and its anchor a heading', (file) => {
    const broken: string[] = [];
    for (const target of links(readFileSync(resolve(root, file), 'utf8'))) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? resolve(root, file) : resolve(root, dirname(file), decodeURIComponent(path));
      const inside = relative(root, resolved);
      if (inside.startsWith('..')) broken.push(`${target}: leaves the repository`);
      else if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor !== undefined) {
        const markdown = statSync(resolved).isDirectory() ? resolve(resolved, 'README.md') : resolved;
        if (!markdown.endsWith('.md') || !existsSync(markdown)) broken.push(`${target}: an anchor into something that is not Markdown`);
        else if (!headingAnchors(readFileSync(markdown, 'utf8')).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${relative(root, markdown)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
