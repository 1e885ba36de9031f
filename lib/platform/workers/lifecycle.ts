/**
 * Ordered, once-only shutdown for worker processes: on SIGTERM/SIGINT (or a fatal
 * error) run the registered closers newest-first, then exit. A hard deadline
 * guarantees the supervisor's 10 s stop budget even if a close hangs.
 */
type Closer = () => Promise<unknown>;

const closers: Closer[] = [];
let stopping = false;

export function onShutdown(close: Closer): void {
  closers.push(close);
}

export async function shutdown(name: string, code = 0, reason?: unknown): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (reason) console.error(`[${name}] stopping: ${reason instanceof Error ? reason.stack : String(reason)}`);
    setTimeout(() => process.exit(code || 1), 8_000).unref();
    for (const close of closers.reverse()) {
      await close().catch((e) => console.error(`[${name}] error while closing: ${(e as Error).message}`));
    }
    console.log(`[${name}] stopped`);
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

export function installSignalHandlers(name: string): void {
  process.once('SIGTERM', () => void shutdown(name));
  process.once('SIGINT', () => void shutdown(name));
  process.on('unhandledRejection', (e) => void shutdown(name, 1, e));
  process.on('uncaughtException', (e) => void shutdown(name, 1, e));
}
