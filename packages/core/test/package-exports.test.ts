import { spawnSync } from 'node:child_process';
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
});
