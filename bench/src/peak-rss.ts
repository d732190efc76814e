import { readFileSync, writeFileSync } from 'node:fs';

const KIB = 1024;

/**
 * Forgets the process' peak resident set size so far, where Linux allows it (writing 5 to /proc/self/clear_refs
 * resets VmHWM), so that the next `peakRssBytes` covers only what ran since. Returns false where it cannot.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak resident set size: since the last reset on Linux, else since the process started. */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) * KIB;
  } catch {
    // Not Linux: the peak since the start of the process is all there is.
  }
  return process.resourceUsage().maxRSS * KIB;
}
