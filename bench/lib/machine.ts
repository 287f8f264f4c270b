import * as os from 'node:os';

export interface MachineInfo {
  cpus: { model: string; count: number };
  memory: { totalBytes: number; freeBytes: number };
  node: string;
  os: { platform: string; release: string; arch: string };
  /** 1, 5 and 15 minute load averages when the benchmark started: the machine is shared. */
  loadAverageAtStart: number[];
}

/** The figures that explain why two results of the same code differ. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: { model: cpus[0]?.model.trim() ?? 'unknown', count: cpus.length },
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
    node: process.version,
    os: { platform: os.platform(), release: os.release(), arch: os.arch() },
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
