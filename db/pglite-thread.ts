/**
 * PGlite in a worker thread, behind the part of its interface drizzle's pglite driver uses
 * (query, transaction, close). PGlite runs its WebAssembly synchronously: in the server's
 * thread, a stream of queries kept the event loop from turning, and under 64 connections new
 * connections sat in the kernel's accept queue for seconds. Here the server's thread only
 * passes messages; the worker (db/pglite-worker.mjs) runs the queries in arrival order.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";

/** The interface drizzle's pglite driver calls (drizzle-orm/pglite/session). */
export type PgliteQueries = Pick<PGlite, "query">;
export type PgliteThread = PgliteQueries & {
  transaction<T>(work: (tx: PgliteQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

type Parser = (text: string, typeId: number) => unknown;
type Reply = { id: number | "ready"; ok: true; value: unknown } | { id: number | "ready"; ok: false; error: Record<string, unknown> & { message: string } };

/**
 * Next to the migrations, found the same way (the working directory is the app's) when this
 * module runs unbundled, in tests and scripts. In the production build, `next build` bundles
 * the worker and points this module's `new Worker` at that chunk instead.
 */
export const pgliteWorkerFile = path.join(process.cwd(), "db", "pglite-worker.mjs");

/** The worker's error again, with PostgreSQL's fields (code 23505, constraint, detail…) as own properties. */
function revive(plain: Record<string, unknown> & { message: string }): Error {
  const { message, stack, ...fields } = plain;
  const error = Object.assign(new Error(message), fields);
  if (typeof stack === "string") error.stack = stack;
  return error;
}

/** Applies the caller's parsers to the columns the worker left as text (functions cannot be sent). */
function parsed<T>(result: Results<T>, options: QueryOptions | undefined): Results<T> {
  const parsers = options?.parsers;
  if (!parsers) return result;
  const columns = result.fields.flatMap((field, index) => {
    const parse = (parsers as Record<number, Parser | undefined>)[field.dataTypeID];
    return parse ? [{ key: options.rowMode === "array" ? index : field.name, parse, type: field.dataTypeID }] : [];
  });
  if (columns.length === 0) return result;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { key, parse, type } of columns) {
      if (row[key] !== null && row[key] !== undefined) row[key] = parse(row[key] as string, type);
    }
  }
  return result;
}

/**
 * Starts PGlite on `dataDir` (in memory without one) in a worker thread, with PostgreSQL's
 * `startParams`; resolves once it is ready.
 */
export async function startPgliteThread(dataDir: string | undefined, startParams: string[]): Promise<PgliteThread> {
  const worker = new Worker(pgliteWorkerFile, { workerData: { dataDir, startParams } });
  const pending = new Map<number | "ready", { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  // An idle worker does not keep the process alive (PGlite in one thread did not); one with a call in flight does.
  worker.unref();
  const settle = (error: Error) => {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) call.resolve(reply.value);
    else call.reject(revive(reply.error));
  });
  worker.on("error", (error) => settle(error));
  worker.on("exit", (code) => settle(new Error(`the embedded database's thread exited (code ${code})`)));

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  };
  const queries = (tx: number | undefined): PgliteQueries => ({
    query: async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
      if (options?.serializers || options?.blob || options?.onNotice || options?.paramTypes) {
        throw new Error("the embedded database's thread takes a query's rowMode and parsers only");
      }
      const rawTypes = Object.keys(options?.parsers ?? {}).map(Number);
      const result = await call<Results<T>>({ op: "query", sql, params, rowMode: options?.rowMode, rawTypes, tx });
      return parsed(result, options);
    },
  });

  const ready = new Promise((resolve, reject) => pending.set("ready", { resolve, reject }));
  worker.ref();
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    ...queries(undefined),
    async transaction<T>(work: (tx: PgliteQueries) => Promise<T>): Promise<T> {
      const tx = await call<number>({ op: "begin" });
      let result: T;
      try {
        result = await work(queries(tx));
      } catch (error) {
        await call({ op: "rollback", tx }).catch(() => {});
        throw error;
      }
      await call({ op: "commit", tx });
      return result;
    },
    async close() {
      if (!failure) await call({ op: "close" });
      await worker.terminate();
    },
  };
}
