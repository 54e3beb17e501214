// An open-loop load: a request every 1000/rate ms whether or not the earlier ones came back (a
// closed loop would slow down exactly when something fails, and hide it). Each request's start,
// end and outcome is kept, so that failures can be put next to the moment something was killed.

export interface LoadRecord {
  started: number;
  ended: number | null;
  /** null: a whole, correct answer; else what was wrong. */
  problem: string | null;
}

export interface SteadyLoad {
  records: LoadRecord[];
  /** Requests sent and not answered yet. */
  inFlight(): number;
  /** Stops sending and waits for the requests under way. */
  stop(): Promise<void>;
}

/** `send` resolves null for a correct answer, or a description of what was wrong. */
export function steadyLoad(ratePerSecond: number, send: () => Promise<string | null>): SteadyLoad {
  const records: LoadRecord[] = [];
  const pending = new Set<Promise<void>>();
  const fire = () => {
    const record: LoadRecord = { started: Date.now(), ended: null, problem: null };
    records.push(record);
    const done = send()
      .catch((error: unknown) => `${(error as Error).message} ${String((error as Error).cause)}`)
      .then((problem) => {
        record.problem = problem;
        record.ended = Date.now();
        pending.delete(done);
      });
    pending.add(done);
  };
  const timer = setInterval(fire, 1000 / ratePerSecond);
  return {
    records,
    inFlight: () => pending.size,
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
    },
  };
}
