// Bounded load helpers for tests that drive real SDK clients against the fake.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs task(0..count-1) with at most `concurrency` in flight; every outcome is kept. */
export async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** Calls `task` until `ms` have passed or `maxIterations` ran, yielding to I/O between calls. */
export async function repeatFor<T>(ms: number, maxIterations: number, task: (iteration: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = [];
  const deadline = performance.now() + ms;
  for (let i = 0; i < maxIterations && performance.now() < deadline; i++) {
    try {
      results.push({ status: 'fulfilled', value: await task(i) });
    } catch (reason) {
      results.push({ status: 'rejected', reason });
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return results;
}

export function rejections<T>(results: PromiseSettledResult<T>[]): unknown[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
}

export function values<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value);
}

/** The AWS error code of an error or of its cause chain (`name`, `Code`, `code`). */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const e = error as Record<string, unknown>;
  const own = [e.name, e.Code, e.code].filter((v): v is string => typeof v === 'string');
  return [...own, ...errorCodes(e.cause, depth + 1)];
}
