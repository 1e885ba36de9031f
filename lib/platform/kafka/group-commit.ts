/**
 * Group commit: callers that hand over work at about the same time share one
 * call of `apply`. The consumer reads several partitions at once, and each
 * partition's batch alone is often one or two events; a database transaction
 * per batch would cost more than the events themselves. Work handed over while
 * a call is running waits for the next one, so under load the groups grow by
 * themselves; when it is quiet a caller waits at most `windowMs`.
 *
 * If `apply` fails, every caller of that group gets the error and decides
 * itself what to do (retry, or apply its own items alone).
 */
export function groupCommit<T>(apply: (items: T[]) => Promise<void>, windowMs = 2): (items: T[]) => Promise<void> {
  type Waiting = { items: T[]; resolve: () => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const flush = async () => {
    timer = null;
    running = true;
    const group = queue;
    queue = [];
    try {
      await apply(group.flatMap((w) => w.items));
      for (const w of group) w.resolve();
    } catch (e) {
      for (const w of group) w.reject(e);
    } finally {
      running = false;
      schedule();
    }
  };
  const schedule = () => {
    if (timer || running || queue.length === 0) return;
    timer = setTimeout(() => void flush(), windowMs);
  };

  return (items) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ items, resolve, reject });
      schedule();
    });
}
