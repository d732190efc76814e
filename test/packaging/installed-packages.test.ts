import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, packPackages, type PackedPackage } from './published-packages.js';
import { readmeCodeBlocks, type ReadmeCodeBlock } from './readme-code-blocks.js';
import { readmeExamples, STRICT_OPTIONS, writeReadmeExamples } from './readme-examples.js';
import { installScratchApp } from './scratch-app.js';

// What a user gets: every published package packed, the tarballs installed into an app outside the workspace,
// and there the README examples compiled and run, the entries loaded both ways, the CLI run from its bin.

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kafka-assignors-packaging-'));
const app = join(work, 'app');
const examplesDirectory = join(app, 'readme');
const packages = publishedPackages(root);
const readmes = ['README.md', ...packages.map(({ directory }) => `${directory}/README.md`)];
const blocks = readmes.flatMap((readme) => readmeCodeBlocks(root, readme));
const examples = readmeExamples(blocks);
let packed: PackedPackage[] = [];

function run(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

function where(block: ReadmeCodeBlock): string {
  return `${block.readme}:${block.line}`;
}

beforeAll(() => {
  packed = packPackages(root, packages, work);
  installScratchApp(root, app, packed);
  writeReadmeExamples(examplesDirectory, examples);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published packages, packed', () => {
  it('are the six packages, each with its built entries, README and LICENSE, and none of its sources', () => {
    expect(packages.map(({ name }) => name).sort()).toEqual(
      ['assignor-active-standby', 'assignor-range', 'assignor-roundrobin', 'assignor-sticky', 'cli', 'core'].map((name) => `@kafka-assignors/${name}`),
    );
    for (const { name, files } of packed) {
      expect(files, name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js']));
      expect(files.filter((file) => !/^(bin\/|dist\/|examples\/|LICENSE$|README\.md$|package\.json$)/.test(file)), name).toEqual([]);
    }
  });

  it('say where they come from and publish as public', () => {
    for (const { name, directory } of packages) {
      const manifest = JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as {
        bugs?: { url?: string };
        homepage?: string;
        keywords?: string[];
      };
      expect(manifest, name).toMatchObject({ license: 'Apache-2.0', repository: { type: 'git', directory }, publishConfig: { access: 'public' } });
      expect([manifest.bugs?.url, manifest.homepage], name).toEqual([expect.stringMatching(/^https:\/\//), expect.stringMatching(/^https:\/\//)]);
      expect(manifest.keywords, name).toContain('kafka');
    }
  });
});

describe('the README examples, in the installed app', () => {
  it('are found: the TypeScript blocks of every published README, the shell blocks marked or run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const block of blocks.filter(({ language }) => language !== 'ts' && language !== 'sh')) {
      expect(['', 'json'], `${where(block)} has a code block in ${block.language}, which nothing here tests`).toContain(block.language);
    }
  });

  const settings = [
    { name: 'node16', module: 'node16', moduleResolution: 'node16', formats: ['esm', 'cjs'] },
    { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext', formats: ['esm', 'cjs'] },
    { name: 'bundler', module: 'preserve', moduleResolution: 'bundler', formats: ['esm'] },
    // An app that sets the common "source" condition for its own packages must still get our built declarations.
    { name: 'bundler with customConditions ["source"]', module: 'preserve', moduleResolution: 'bundler', formats: ['esm'], customConditions: ['source'] },
  ];
  it.each(settings)('type-check under strict TypeScript, module resolution $name', ({ name, formats, ...compilerOptions }) => {
    const config = join(examplesDirectory, `tsconfig.${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...STRICT_OPTIONS, ...compilerOptions, noEmit: true }, include: formats.map((format) => `${format}/*.ts`) }));
    const { status, output } = run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', config], examplesDirectory);
    expect(output, `tsc (${name}) in the installed app`).toBe('');
    expect(status).toBe(0);
  });

  it('run under ESM and under CommonJS, except those the README marks compile-only', () => {
    const config = join(examplesDirectory, 'tsconfig.emit.json');
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...STRICT_OPTIONS, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' }, include: ['esm/*.ts', 'cjs/*.ts'] }));
    const compiled = run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', config], examplesDirectory);
    expect(compiled.output).toBe('');
    for (const format of ['esm', 'cjs']) copyFileSync(join(examplesDirectory, format, 'package.json'), join(examplesDirectory, 'out', format, 'package.json'));
    const runnable = examples.filter(({ block }) => block.notRunBecause === undefined);
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    for (const { block, fileName, esmOnly } of runnable) {
      for (const format of esmOnly ? ['esm'] : ['esm', 'cjs']) {
        const { status, output } = run(process.execPath, [join(examplesDirectory, 'out', format, fileName.replace(/\.ts$/, '.js'))], app);
        expect(status, `${where(block)} as ${format}: ${output}`).toBe(0);
      }
    }
  });

  it('in shell run from the installed bin, in the app, with the files their README shows', () => {
    for (const { fileName, code } of blocks.filter(({ language, fileName }) => language !== 'ts' && fileName !== undefined)) {
      writeFileSync(join(app, fileName!), code);
    }
    const shellBlocks = blocks.filter(({ language, readme, notRunBecause }) => language === 'sh' && readme !== 'README.md' && notRunBecause === undefined);
    expect(shellBlocks.length).toBeGreaterThanOrEqual(2);
    for (const block of shellBlocks) {
      const { status, output } = run('bash', ['-euo', 'pipefail', '-c', block.code], app);
      expect(status, `${where(block)}: ${output}`).toBe(0);
    }
  });
});

describe('the installed entries', () => {
  const probe = (load: (entry: string) => string) => `
    const core = ${load('@kafka-assignors/core')};
    const simulatorEntry = ${load('@kafka-assignors/core/simulator')};
    const testing = ${load('@kafka-assignors/core/testing')};
    const internal = ${load('@kafka-assignors/core/internal')};
    const scenario = ${load('@kafka-assignors/core/scenario')};
    const sticky = ${load('@kafka-assignors/assignor-sticky')};
    const badAssignor = { name: 'bad', rebalanceProtocols: ['eager'], assign: (group) => new Map(group.members.map((m) => [m.memberId, { partitions: [{ topic: 'nowhere', partitions: [0] }], userData: null }])) };
    const simulator = new simulatorEntry.GroupSimulator({ createAssignor: () => badAssignor, topics: [['t', { partitionCount: 1 }]], throwOnViolation: true });
    let thrown;
    try { simulator.join('a', { topics: ['t'] }); simulator.rebalance(); } catch (error) { thrown = error; }
    let decodeError;
    try { core.decodeSubscription(new Uint8Array([0, 9])); } catch (error) { decodeError = error; }
    console.log(JSON.stringify({
      simulatorThrewRootClass: thrown instanceof core.InvalidAssignmentError,
      decodeErrorIsRootClass: decodeError instanceof core.ConsumerProtocolError,
      testingSharesSimulator: testing.GroupSimulator === simulatorEntry.GroupSimulator,
      internalSharesCache: internal.singlePartition(3) === internal.singlePartition(3),
      scenarioErrorIsError: new scenario.ScenarioError('x', 'y') instanceof Error,
      stickyName: sticky.stickyAssignor().name,
      rootHasNoInternals: ['compareStrings', 'singlePartition', 'subscriberPositions', 'RackIds', 'parseScenario'].filter((name) => name in core),
    }));`;
  const expected = {
    simulatorThrewRootClass: true,
    decodeErrorIsRootClass: true,
    testingSharesSimulator: true,
    internalSharesCache: true,
    scenarioErrorIsError: true,
    stickyName: 'sticky',
    rootHasNoInternals: [],
  };

  it.each([
    ['CommonJS (require)', ['-e', probe((entry) => `require('${entry}')`)]],
    ['ESM (import)', ['--input-type=module', '-e', probe((entry) => `await import('${entry}')`)]],
  ])('hold one copy of each class across entries under %s', (_format, args) => {
    const { status, output } = run(process.execPath, args, app);
    expect(status, output).toBe(0);
    expect(JSON.parse(output)).toEqual(expected);
  });
});

describe('the installed command line', () => {
  it('runs from its bin: --version, and a scenario that ships with the package', () => {
    const cli = join(app, 'node_modules/.bin/kafka-assignors');
    const version = (JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
    expect(run(cli, ['--version'], app)).toEqual({ status: 0, output: version });
    const assigned = run(cli, ['assign', '--assignor', 'range', 'node_modules/@kafka-assignors/cli/examples/mixed-subscriptions.json'], app);
    expect(assigned.status, assigned.output).toBe(0);
    expect(Object.keys((JSON.parse(assigned.output) as { assignment: object }).assignment).length).toBeGreaterThan(1);
  });
});

describe('the root README, in a clone', () => {
  it('runs its shell blocks with npx from the repository, after npm ci', () => {
    // A folder inside the repository, so that npx finds the workspace's bin, with the clone's paths in reach.
    const clone = join(root, 'node_modules/.cache/readme-shell');
    rmSync(clone, { recursive: true, force: true });
    mkdirSync(clone, { recursive: true });
    symlinkSync(join(root, 'packages'), join(clone, 'packages'));
    const shellBlocks = blocks.filter(({ language, readme, notRunBecause }) => language === 'sh' && readme === 'README.md' && notRunBecause === undefined);
    expect(shellBlocks.length).toBeGreaterThanOrEqual(1);
    for (const block of shellBlocks) {
      const { status, output } = run('bash', ['-euo', 'pipefail', '-c', block.code], clone);
      expect(status, `${where(block)}: ${output}`).toBe(0);
    }
    expect(existsSync(join(clone, 'lab.html'))).toBe(true);
  });
});
