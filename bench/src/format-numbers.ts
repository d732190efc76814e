/** Milliseconds with three significant digits, thousands separated: `0.0123`, `12.3`, `3,012`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return Math.round(ms).toLocaleString('en-US');
  return Number(ms.toPrecision(3)).toString();
}

/** A ratio with two significant digits: `0.081`, `1.5`, `12`. */
export function formatRatio(ratio: number): string {
  return Number(ratio.toPrecision(2)).toString();
}

/** A count in short form for axes: `100`, `5k`, `1M`. */
export function formatCount(count: number): string {
  if (count >= 1e6) return `${Number((count / 1e6).toPrecision(3))}M`;
  if (count >= 1e3) return `${Number((count / 1e3).toPrecision(3))}k`;
  return String(count);
}

/** A duration for axes: `0.1 ms`, `10 ms`, `1 s`. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toPrecision(3))} s` : `${Number(ms.toPrecision(3))} ms`;
}

export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MiB`;
}
