import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a run was measured on. */
export interface MachineInfo {
  readonly cpuModel: string;
  /** Processors this process may use (what `nproc` prints). */
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
}

const GIB = 1024 ** 3;

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cpus: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / GIB) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** The first `model name` of /proc/cpuinfo, else what Node reports. */
function cpuModel(): string {
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (model !== undefined) return model.trim();
  } catch {
    // Not Linux.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}
