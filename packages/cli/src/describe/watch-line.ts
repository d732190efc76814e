import type { WatchedState } from './watched-state.js';

/** One observation of `describe --watch`: the group as it is now, or why it could not be described. */
export type WatchObservation = { readonly kind: 'state'; readonly state: WatchedState } | { readonly kind: 'no-answer'; readonly problem: string };

export type WatchFormat = 'text' | 'json';

/**
 * One line of `describe --watch` output, ending in a newline. Text: the ISO 8601 time, then the group's state
 * and `protocol=`, `active=`, `members=` (comma-separated), `-` for none; or `no answer: PROBLEM`. JSON: one
 * object per line, `{timestamp, state, protocol, members, active}` or `{timestamp, error}`.
 */
export function watchLine(at: Date, observation: WatchObservation, format: WatchFormat): string {
  const timestamp = at.toISOString();
  if (format === 'json') {
    const fields = observation.kind === 'state' ? { timestamp, ...observation.state } : { timestamp, error: observation.problem };
    return `${JSON.stringify(fields)}\n`;
  }
  if (observation.kind === 'no-answer') return `${timestamp} no answer: ${observation.problem}\n`;
  const { state, protocol, members, active } = observation.state;
  return `${timestamp} ${state} protocol=${protocol || '-'} active=${active ?? '-'} members=${members.length === 0 ? '-' : members.join(',')}\n`;
}
