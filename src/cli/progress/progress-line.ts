import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';

// Progress of a long command (import, seed, migrate), always on stderr so that it never mixes
// into a command's output. On a terminal: one live line redrawn in place by cli-progress (bar,
// percent, rows, rows/s, time left). Anywhere else (CI, pipes, --json): a plain line at most
// every `intervalMs`, and a last one when work that printed any is finished (work shorter than
// the interval prints nothing).

export interface ProgressState {
  /** Rows (or records) done so far. */
  rows: number;
  /** Share of the work done, 0 to 1, when the total is known (bytes of a file, planned rows). */
  fraction?: number;
}

export interface ProgressLine {
  update(state: ProgressState): void;
  /** The last state: the live line stays on screen as it ends, the plain mode prints it. */
  finish(state: ProgressState): void;
  /** Takes the live line off the screen before something else is printed; the next redraw puts it back. */
  clear(): void;
  /** Stops without a last line (the command failed); releases the redraw timer. */
  abandon(): void;
}

export interface ProgressOutput {
  /** The terminal for the live line; undefined: plain lines through `line`. */
  terminal?: NodeJS.WriteStream;
  /** Writes one plain line (no newline given) to stderr. */
  line(text: string): void;
  intervalMs: number;
}

const RATE_UNITS = 'rows/s';
/** Redraws of the live line per second. */
const LIVE_FPS = 5;
const grouped = new Intl.NumberFormat('en-US');

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

interface Figures {
  rows: string;
  rate: string;
  percent: string | null;
  left: string | null;
}

function figures(state: ProgressState, elapsedSeconds: number): Figures {
  const rate = elapsedSeconds > 0 ? Math.round(state.rows / elapsedSeconds) : 0;
  const fraction = state.fraction === undefined ? null : Math.min(1, Math.max(0, state.fraction));
  const left =
    fraction !== null && fraction > 0 && fraction < 1
      ? duration((elapsedSeconds * (1 - fraction)) / fraction)
      : null;
  return {
    rows: grouped.format(state.rows),
    rate: grouped.format(rate),
    percent: fraction === null ? null : `${Math.floor(fraction * 100)} %`,
    left,
  };
}

/** `import usage.csv: 40,000 rows, 35,120 rows/s, 42 %, about 3 s left` */
export function describeProgress(label: string, state: ProgressState, seconds: number): string {
  const f = figures(state, seconds);
  const parts = [`${f.rows} rows`, `${f.rate} ${RATE_UNITS}`];
  if (f.percent !== null) parts.push(f.percent);
  if (f.left !== null) parts.push(`about ${f.left} left`);
  return `${label}: ${parts.join(', ')}`;
}

/** `import usage.csv: finished, 40,000 rows in 1.2 s (33,333 rows/s)` */
export function describeDone(label: string, state: ProgressState, seconds: number): string {
  const f = figures(state, seconds);
  return `${label}: finished, ${f.rows} rows in ${seconds.toFixed(1)} s (${f.rate} ${RATE_UNITS})`;
}

function plainLine(label: string, output: ProgressOutput): ProgressLine {
  const started = performance.now();
  let lastLine = started;
  let printed = false;
  const seconds = () => (performance.now() - started) / 1000;
  return {
    update(state) {
      const now = performance.now();
      if (now - lastLine < output.intervalMs) return;
      lastLine = now;
      printed = true;
      output.line(describeProgress(label, state, seconds()));
    },
    finish(state) {
      if (printed) output.line(describeDone(label, state, seconds()));
    },
    clear() {},
    abandon() {},
  };
}

function liveLine(label: string, terminal: NodeJS.WriteStream, known: boolean): ProgressLine {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const format = known
    ? '{label} {bar} {percentage}% | {rows} rows | {rate} rows/s | {left}'
    : '{label} {rows} rows | {rate} rows/s | {elapsed}';
  // MultiBar, although one bar: SingleBar saves and restores the cursor's place on the screen,
  // which puts it back above the lines the command printed meanwhile.
  const bars = new cliProgress.MultiBar(
    {
      stream: terminal,
      format,
      barsize: 12,
      fps: LIVE_FPS,
      hideCursor: true,
      clearOnComplete: false,
      // Redraw even when nothing changed: a line printed by the command may have cleared it.
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (state: ProgressState) => {
    const f = figures(state, seconds());
    return {
      label,
      rows: f.rows,
      rate: f.rate,
      left: f.left === null ? '' : `${f.left} left`,
      elapsed: duration(seconds()),
    };
  };
  const value = (state: ProgressState) => Math.round((state.fraction ?? 0) * 1000);
  let active = true;
  const bar = bars.create(1000, 0, payload({ rows: 0, fraction: known ? 0 : undefined }));
  return {
    update(state) {
      if (active) bar.update(value(state), payload(state));
    },
    finish(state) {
      if (!active) return;
      active = false;
      bar.update(known ? 1000 : value(state), { ...payload(state), left: 'done' });
      bars.stop();
    },
    clear() {
      // Carriage return and ANSI "erase line": whatever the command prints next starts clean.
      if (active) terminal.write('\r\u001b[2K');
    },
    abandon() {
      if (!active) return;
      active = false;
      bars.stop();
    },
  };
}

/**
 * A progress line for one piece of work. `known`: a total exists and updates carry `fraction`
 * (then the live line has a bar, percent and time left).
 */
export function createProgressLine(
  label: string,
  output: ProgressOutput,
  options: { known: boolean },
): ProgressLine {
  return output.terminal === undefined
    ? plainLine(label, output)
    : liveLine(label, output.terminal, options.known);
}
