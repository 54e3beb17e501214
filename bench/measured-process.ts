import { spawn } from 'node:child_process';
import fs from 'node:fs';

// Runs a command as its own process and measures its wall time and peak resident set size, so
// that a benchmark reports the memory of the command a user runs, not of the benchmark around it.
// The peak is Linux's VmHWM ("high water mark"), which only grows: read until the process exits,
// the last reading is the peak within one polling interval.

export interface MeasuredRun {
  code: number | null;
  seconds: number;
  /** Null where /proc is not available. */
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

function highWaterMarkKb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function runMeasured(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let peakKb: number | null = null;
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const poll = setInterval(() => {
      const kb = child.pid === undefined ? null : highWaterMarkKb(child.pid);
      if (kb !== null) peakKb = Math.max(peakKb ?? 0, kb);
    }, 20);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({
        code,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024),
        stdout,
        stderr,
      });
    });
  });
}
