import type { Pod } from './start-pod.js';

/** The demo's view of the pods: one line each with its role, what it processed, and its last role change. */
export function podTable(pods: readonly Pod[], produced: number): string {
  const rows = pods.map((pod) => {
    const lastChange = pod.events.filter((event) => event.event === 'role').at(-1);
    const exited = pod.exitedBy();
    const role = exited === 'killed' ? 'KILLED' : exited === 'stopped' ? 'left' : pod.role() === 'active' ? 'ACTIVE' : 'standby';
    const change = lastChange === undefined ? '' : `${lastChange.reason} (generation ${lastChange.generationId})`;
    return `  ${pod.name.padEnd(7)} ${String(pod.pid).padStart(7)}   ${role.padEnd(9)} ${pod.processedKeys().length.toLocaleString('en').padStart(9)}   ${change}`;
  });
  return [
    `  ${'pod'.padEnd(7)} ${'pid'.padStart(7)}   ${'role'.padEnd(9)} ${'processed'.padStart(9)}   last role change`,
    ...rows,
    `  messages produced so far: ${produced.toLocaleString('en')}`,
  ].join('\n');
}
