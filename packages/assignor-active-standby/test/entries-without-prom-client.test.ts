import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packagesRoot = fileURLToPath(new URL('../..', import.meta.url));

/** An application with copies of the built core and active-standby packages and nothing else: no prom-client. */
const application = mkdtempSync(join(tmpdir(), 'kafka-assignors-without-prom-client-'));
writeFileSync(join(application, 'package.json'), '{ "private": true }');
for (const directory of ['core', 'assignor-active-standby']) {
  for (const file of ['package.json', 'dist']) cpSync(join(packagesRoot, directory, file), join(application, 'node_modules/@kafka-assignors', directory, file), { recursive: true });
}
afterAll(() => rmSync(application, { recursive: true, force: true }));

const probe = (load: (entry: string) => string) =>
  `const core = ${load('@kafka-assignors/core')}; const activeStandby = ${load('@kafka-assignors/assignor-active-standby')};
   console.log(typeof core.kafkajsAssigner, typeof activeStandby.serveRole);`;

describe('the built root entries, without prom-client installed', () => {
  it.each([
    ['require', ['-e', probe((entry) => `require('${entry}')`)]],
    ['import', ['--input-type=module', '-e', probe((entry) => `await import('${entry}')`)]],
  ])('load under %s, role endpoint included', (_, args) => {
    const result = spawnSync(process.execPath, args, { cwd: application, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('function function\n');
  });

  it('leave the metrics entries to fail on the missing peer', () => {
    const result = spawnSync(process.execPath, ['-e', "require('@kafka-assignors/core/metrics')"], { cwd: application, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot find module 'prom-client'");
  });
});
