/**
 * Ordered, once-only shutdown for worker processes. A process hosts one worker
 * (tests, `node --import tsx workers/<name>.ts`) or several (`npm start` runs
 * the light workers together, see scripts/stack/worker-processes.ts), so each
 * worker has its own lifecycle: its closers run newest-first, and the workers of
 * one process close side by side, so a host of six stops as fast as one.
 *
 * On SIGTERM/SIGINT, or when any worker of the process fails, every worker
 * closes and the process exits (a failure exits non-zero: the supervisor
 * restarts the process). A hard deadline keeps the supervisor's 10 s stop
 * budget even if a close hangs.
 */
type Closer = () => Promise<unknown>;

export interface Lifecycle {
  readonly name: string;
  /** Runs at shutdown, after the closers registered later than it (newest first). */
  onShutdown(close: Closer): void;
  /** Stops the whole process: every worker in it closes, then it exits with `code` (a failure: 1). */
  shutdown(code?: number, reason?: unknown): Promise<never>;
}

const lifecycles = new Map<string, Closer[]>();
let stopping = false;
let installed = false;

/** The lifecycle of worker `name` in this process (the same object for the same name); installs the signal handlers once. */
export function workerLifecycle(name: string): Lifecycle {
  if (!installed) {
    installed = true;
    process.once('SIGTERM', () => void shutdownProcess(name));
    process.once('SIGINT', () => void shutdownProcess(name));
    process.on('unhandledRejection', (e) => void shutdownProcess(name, 1, e));
    process.on('uncaughtException', (e) => void shutdownProcess(name, 1, e));
  }
  let closers = lifecycles.get(name);
  if (!closers) lifecycles.set(name, (closers = []));
  const own = closers;
  return {
    name,
    onShutdown: (close) => void own.push(close),
    shutdown: (code = 0, reason?: unknown) => shutdownProcess(name, code, reason),
  };
}

async function shutdownProcess(name: string, code = 0, reason?: unknown): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (reason) console.error(`[${name}] stopping: ${reason instanceof Error ? reason.stack : String(reason)}`);
    setTimeout(() => process.exit(code || 1), 8_000).unref();
    await Promise.all([...lifecycles].map(async ([worker, closers]) => {
      for (const close of [...closers].reverse()) {
        await close().catch((e) => console.error(`[${worker}] error while closing: ${(e as Error).message}`));
      }
      console.log(`[${worker}] stopped`);
    }));
    process.exit(code);
  }
  return new Promise<never>(() => {});
}
