import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const MESSAGE = '@kafka-assignors/core/testing needs fast-check, an optional peer dependency that is not installed: npm install --save-dev fast-check';

/**
 * An application with a copy of the built package and nothing else: a symbolic link would not do, since Node
 * resolves fast-check from the link's target, inside this repository.
 */
const application = mkdtempSync(join(tmpdir(), 'kafka-assignors-without-fast-check-'));
writeFileSync(join(application, 'package.json'), '{ "private": true }');
for (const file of ['package.json', 'dist']) {
  cpSync(join(packageRoot, file), join(application, 'node_modules/@kafka-assignors/core', file), { recursive: true });
}
afterAll(() => rmSync(application, { recursive: true, force: true }));

function node(cwd: string, args: string[]) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
}

describe('the built testing entry', () => {
  it.each([
    ['require', ['-e', "require('@kafka-assignors/core/testing')"]],
    ['a static import', ['--input-type=module', '-e', "import '@kafka-assignors/core/testing'"]],
    ['a dynamic import', ['--input-type=module', '-e', "await import('@kafka-assignors/core/testing')"]],
  ])('says how to install fast-check when it is missing, under %s', (_, args) => {
    const result = node(application, args);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`\nError: ${MESSAGE}\n`);
    expect(result.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
  });

  it('leaves the other entries loading without fast-check', () => {
    expect(node(application, ['-e', "console.log(typeof require('@kafka-assignors/core').kafkajsAssigner)"]).stdout).toBe('function\n');
    expect(node(application, ['--input-type=module', '-e', "import { GroupSimulator } from '@kafka-assignors/core/simulator'; console.log(typeof GroupSimulator)"]).stdout).toBe('function\n');
  });

  it("gives ESM users fast-check's ESM build, the instance of their own import, and CommonJS users theirs", () => {
    const esm = `import fc from 'fast-check'; import { clusterArbitrary } from '@kafka-assignors/core/testing';
      console.log(clusterArbitrary() instanceof fc.Arbitrary);`;
    const cjs = `const fc = require('fast-check'); const { clusterArbitrary } = require('@kafka-assignors/core/testing');
      console.log(clusterArbitrary() instanceof fc.Arbitrary);`;
    expect(node(repositoryRoot, ['--input-type=module', '-e', esm]).stdout).toBe('true\n');
    expect(node(repositoryRoot, ['-e', cjs]).stdout).toBe('true\n');
  });
});
