/**
 * The embedded database's own thread: PGlite runs here, so its queries (WebAssembly, run
 * synchronously) never hold the server's event loop, which keeps accepting connections and
 * parsing requests meanwhile. db/pglite-thread.ts is the other end. Tests and scripts load
 * this file as it is; `next build` bundles it into a chunk of its own, which the server runs,
 * so a change here reaches a server only through a new build.
 *
 * Messages in: { id, op: "query", sql, params, rowMode, rawTypes, tx? }, { id, op: "begin" },
 * { id, op: "commit" | "rollback", tx }, { id, op: "close" }. Each is answered once with
 * { id, ok: true, value } or { id, ok: false, error }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, parse, protocol } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** @type {import("node:worker_threads").MessagePort} */
const port = /** @type {never} */ (parentPort);
// pgliteOptions (db/client.ts): its start parameters arrive with the folder; its extensions,
// which cannot be sent to a thread, are imported here.
const pg = new PGlite({ dataDir: workerData.dataDir, extensions: { pg_trgm }, startParams: workerData.startParams });

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
function queryOptions(message) {
  return { rowMode: message.rowMode, parsers: Object.fromEntries(message.rawTypes.map((type) => [type, keepText])) };
}

/**
 * Statements with parameters, parsed once as named prepared statements, by their text: the
 * app sends the same few (drizzle's prepared queries) for every request, and PGlite's
 * query() parses, analyses and plans each one again, which was about half of a write's time
 * in this thread. The least recently used is closed past MAX_PREPARED.
 */
const MAX_PREPARED = 256;
const prepared = new Map();
let preparedCount = 0;
/** SQLSTATE 0A000 "cached plan must not change result type": a migration changed a table under a statement. */
const PLAN_CHANGED = "0A000";

function concat(messages) {
  const all = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let offset = 0;
  for (const m of messages) {
    all.set(m, offset);
    offset += m.length;
  }
  return all;
}

/** Frees a prepared statement's plan in the database. */
function closeStatement(name) {
  return pg.execProtocol(concat([protocol.serialize.close({ type: "S", name }), protocol.serialize.sync()]), { syncToFs: false });
}

async function prepare(text) {
  const name = `pglite_worker_${preparedCount++}`;
  const { messages } = await pg.execProtocol(concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: "S", name }), protocol.serialize.sync()]), {
    syncToFs: false,
  });
  const types = parse.parseDescribeStatementResults(messages);
  const statement = { name, types };
  prepared.set(text, statement);
  if (prepared.size > MAX_PREPARED) {
    const [oldestText, oldest] = prepared.entries().next().value;
    prepared.delete(oldestText);
    await closeStatement(oldest.name);
  }
  return statement;
}

/** Bind and execute a prepared statement: the parameters serialised by their types, as query() does. */
async function executePrepared(statement, params, options) {
  const values = params.map((value, index) => {
    if (value === null || value === undefined) return null;
    const serialize = pg.serializers[statement.types[index]];
    return serialize ? serialize(value) : value.toString();
  });
  const { messages } = await pg.execProtocol(
    concat([
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: "P" }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]),
    { syncToFs: false },
  );
  return parse.parseResults(messages, pg.parsers, options)[0];
}

/** `inTransaction`: a failed statement has aborted it, so a changed plan is not tried again there. */
async function runPrepared(text, params, options, inTransaction) {
  let statement = prepared.get(text);
  if (statement) {
    // Most recently used last: the Map's order is the eviction order.
    prepared.delete(text);
    prepared.set(text, statement);
  } else {
    statement = await prepare(text);
  }
  try {
    return await executePrepared(statement, params, options);
  } catch (error) {
    if (error?.code !== PLAN_CHANGED) throw error;
    prepared.delete(text);
    await closeStatement(statement.name);
    if (inTransaction) throw error;
    return await executePrepared(await prepare(text), params, options);
  }
}

/**
 * One query, in the transaction `tx` when given. A query with parameters runs as a prepared
 * statement, under the same locks PGlite's query() takes: outside a transaction it waits for
 * any open one, then the data reaches the folder as after query(). The transaction lock has
 * no public name (`_runExclusiveTransaction`, what query() and transaction() call): should
 * an upgrade rename it, every query with parameters fails, first in db/pglite-thread.test.ts.
 */
function query(message) {
  const options = queryOptions(message);
  const params = message.params ?? [];
  if (message.tx !== undefined) {
    const held = open.get(message.tx);
    if (!held?.tx) return Promise.reject(new Error(`transaction ${message.tx} is not open`));
    if (params.length === 0) return held.tx.query(message.sql, params, options);
    return pg.runExclusive(() => runPrepared(message.sql, params, options, true));
  }
  if (params.length === 0) return pg.query(message.sql, params, options);
  return pg._runExclusiveTransaction(() =>
    pg.runExclusive(async () => {
      const result = await runPrepared(message.sql, params, options, false);
      await pg.syncToFs();
      return result;
    }),
  );
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
    case "query":
      return reply(message.id, query(message));
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
