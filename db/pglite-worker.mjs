/**
 * The embedded database's own thread: PGlite runs here, so its queries (WebAssembly, run
 * synchronously) never hold the server's event loop, which keeps accepting connections and
 * parsing requests meanwhile. db/pglite-thread.ts is the other end; plain JavaScript because
 * `next start` loads it with Node as it is, outside the bundle.
 *
 * Messages in: { id, op: "query", sql, params, rowMode, rawTypes, tx? }, { id, op: "begin" },
 * { id, op: "commit" | "rollback", tx }, { id, op: "close" }. Each is answered once with
 * { id, ok: true, value } or { id, ok: false, error }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** @type {import("node:worker_threads").MessagePort} */
const port = /** @type {never} */ (parentPort);
const pg = new PGlite({ dataDir: workerData.dataDir, extensions: { pg_trgm } });

/** Open transactions by id: the PGlite transaction and how its callback ends. */
const open = new Map();
const ROLLBACK = Symbol("rollback");
const keepText = (value) => value;

/** A database error as plain data: the SQLSTATE `code` and PostgreSQL's fields survive the copy. */
function plainError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

function reply(id, work) {
  work.then(
    (value) => port.postMessage({ id, ok: true, value }),
    (error) => port.postMessage({ id, ok: false, error: plainError(error) }),
  );
}

/** The types the caller parses itself arrive as PostgreSQL's text (functions cannot cross threads). */
function query(target, message) {
  const parsers = Object.fromEntries(message.rawTypes.map((type) => [type, keepText]));
  return target.query(message.sql, message.params, { rowMode: message.rowMode, parsers });
}

/**
 * Starts a PGlite transaction and holds it open until commit or rollback arrives: PGlite
 * serialises transactions, so every other query waits for it exactly as in one thread.
 * Answers `begin` once BEGIN has run, and `commit`/`rollback` once PGlite has ended it.
 */
function begin(id) {
  const held = {};
  open.set(id, held);
  let started;
  const ready = new Promise((resolve) => (started = resolve));
  held.done = pg.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        Object.assign(held, { tx, resolve, reject });
        started();
      }),
  );
  // A BEGIN that fails rejects `done` before the callback ran: that is the answer to `begin`.
  held.done.catch(() => open.delete(id));
  reply(id, Promise.race([ready, held.done]).then(() => id));
}

function end(id, tx, commit) {
  const held = open.get(tx);
  if (!held?.tx) return reply(id, Promise.reject(new Error(`transaction ${tx} is not open`)));
  open.delete(tx);
  if (commit) held.resolve();
  else held.reject(ROLLBACK);
  reply(
    id,
    held.done.then(
      () => undefined,
      (error) => {
        if (error !== ROLLBACK) throw error;
      },
    ),
  );
}

port.on("message", (message) => {
  switch (message.op) {
    case "query": {
      const target = message.tx === undefined ? pg : open.get(message.tx)?.tx;
      if (!target) return reply(message.id, Promise.reject(new Error(`transaction ${message.tx} is not open`)));
      return reply(message.id, query(target, message));
    }
    case "begin":
      return begin(message.id);
    case "commit":
    case "rollback":
      return end(message.id, message.tx, message.op === "commit");
    case "close":
      return reply(message.id, pg.close());
  }
});

reply("ready", pg.waitReady);
