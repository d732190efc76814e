import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs a script in a plain Node process, which resolves the package through its built "exports". */
function node(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${result.stderr}\n(did "npm run build" run? npm test builds first)`);
  return result.stdout.trim();
}

const probe = `const c = CORE; const t = TESTING;
console.log([typeof c.kafkajsAssigner, typeof c.encodeSubscription, typeof c.validateAssignment,
  c.decodeSubscription(c.encodeSubscription({ topics: ['t'], userData: null, ownedPartitions: [], generationId: -1, rackId: null })).version,
  Object.keys(t).length > 0].join(' '));`;

describe('the built @kafka-assignors/core package', () => {
  it('loads with require() (CommonJS), testing entry included', () => {
    const script = probe.replace('CORE', "require('@kafka-assignors/core')").replace('TESTING', "require('@kafka-assignors/core/testing')");
    expect(node(['-e', script])).toBe('function function function 3 true');
  });

  it('loads with import (ESM), testing entry included', () => {
    const script = probe
      .replace('CORE', "await import('@kafka-assignors/core')")
      .replace('TESTING', "await import('@kafka-assignors/core/testing')");
    expect(node(['--input-type=module', '-e', script])).toBe('function function function 3 true');
  });

  it('has a simulator entry that loads both ways without fast-check, which only the testing entry needs', () => {
    const script = (load: string) => `const s = ${load}; console.log(typeof s.GroupSimulator, typeof s.partitionMovement);`;
    expect(node(['-e', script("require('@kafka-assignors/core/simulator')")])).toBe('function function');
    expect(node(['--input-type=module', '-e', script("await import('@kafka-assignors/core/simulator')")])).toBe('function function');
    for (const file of ['index.js', 'index.cjs']) {
      const built = readFileSync(fileURLToPath(new URL(`../dist/simulator/${file}`, import.meta.url)), 'utf8');
      expect(built, file).not.toMatch(/fast-check/);
    }
  });
});
