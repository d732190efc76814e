import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './published-packages.js';
import { readmeCodeBlocks } from './readme-code-blocks.js';
import { readmeExamples, STRICT_OPTIONS, writeReadmeExamples } from './readme-examples.js';

// The READMEs of what is not published (dev tooling: the Java reference, the local broker, benchmarks, chaos):
// their examples type-check against the workspace's sources, as this repository's own code does.

const root = fileURLToPath(new URL('../..', import.meta.url));
const published = new Set(['README.md', ...publishedPackages(root).map(({ directory }) => `${directory}/README.md`)]);
const allReadmes = execFileSync('git', ['ls-files', 'README.md', '*/README.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter((file) => file !== '' && !file.startsWith('.'));
const readmes = allReadmes.filter((readme) => !published.has(readme));
const blocks = readmes.flatMap((readme) => readmeCodeBlocks(root, readme));

describe('the READMEs of the private workspaces', () => {
  it('are every README that the packaging test does not install', () => {
    expect(readmes).toEqual(expect.arrayContaining(['packages/java-reference/README.md', 'packages/local-kafka/README.md', 'bench/README.md', 'chaos/README.md']));
    expect([...published].filter((readme) => !allReadmes.includes(readme))).toEqual([]);
  });

  it('say of each shell block why nothing runs it: they are commands of the repository that take minutes or a broker', () => {
    const unmarked = blocks.filter(({ language, notRunBecause }) => language === 'sh' && notRunBecause === undefined);
    expect(unmarked.map(({ readme, line }) => `${readme}:${line}`)).toEqual([]);
  });

  it('have TypeScript examples that type-check, strict, against the workspace sources', () => {
    // Inside the repository, so that our packages resolve to the workspace (its source condition) and others to node_modules.
    const directory = join(root, 'node_modules/.cache/readme-workspace');
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    const examples = readmeExamples(blocks);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    writeReadmeExamples(directory, examples);
    const compilerOptions = { ...STRICT_OPTIONS, module: 'nodenext', moduleResolution: 'nodenext', customConditions: ['kafka-assignors-source'], skipLibCheck: true, noEmit: true };
    writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['esm/*.ts', 'cjs/*.ts'] }));
    const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', directory], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  });
});
