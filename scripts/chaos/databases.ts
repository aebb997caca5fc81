/**
 * The two databases the app runs on, each behind one interface: a temp DATA_DIR with the
 * embedded PGlite, and a throwaway database on PostgreSQL (CHAOS_DATABASE_URL, or a private
 * cluster this script starts with initdb + pg_ctl and stops again).
 */
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { connectPostgres, databaseOnServer } from "@/db/postgres-url";
import { onCleanup } from "./cleanup";

export type Row = Record<string, unknown>;

export type Target = {
  kind: "pglite" | "postgres";
  /** What the summary calls this database. */
  label: string;
  /** The server's DATA_DIR (the embedded database lives below it on PGlite). */
  dataDir: string;
  databaseUrl?: string;
  /** PGlite has one owner process: the server must be stopped while this script reads it. */
  readsNeedServerStopped: boolean;
  query(sql: string): Promise<Row[]>;
  /** pg_database_size on PostgreSQL; the DATA_DIR folder's size on PGlite. */
  sizeBytes(): Promise<number>;
  /** `pg_ctl restart -m fast` of a private cluster; absent when the server is not ours. */
  restartDatabase?: () => Promise<number>;
  dispose(): Promise<void>;
};

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `chaos-${prefix}-`));
  onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function pgliteTarget(): Target {
  const dataDir = makeTempDir("pglite");
  return {
    kind: "pglite",
    label: "PGlite",
    dataDir,
    readsNeedServerStopped: true,
    async query(sql) {
      const db = new PGlite(path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
      try {
        return (await db.query<Row>(sql)).rows;
      } finally {
        await db.close();
      }
    },
    sizeBytes: async () => folderSize(dataDir),
    dispose: async () => {},
  };
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderSize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** A PostgreSQL target, or the reason there is none. */
export async function postgresTarget(port: number, given = process.env.CHAOS_DATABASE_URL): Promise<Target | string> {
  if (given) return throwawayDatabase(given, undefined);
  const cluster = startPrivateCluster(port);
  if (typeof cluster === "string") return cluster;
  return throwawayDatabase(cluster.url, cluster.restart);
}

async function throwawayDatabase(serverUrl: string, restart: (() => Promise<number>) | undefined): Promise<Target> {
  const name = `chaos_${Date.now().toString(36)}_${process.pid}`;
  const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = databaseOnServer(serverUrl, name);
  const sql = connectPostgres(url, { max: 2, onnotice: () => {}, connect_timeout: 10 });
  const drop = onCleanup(`drop database ${name}`, () => {
    if (!restart) dropDatabaseSync(serverUrl, name);
  });
  return {
    kind: "postgres",
    label: "PostgreSQL",
    dataDir: makeTempDir("pg-app"),
    databaseUrl: url,
    readsNeedServerStopped: false,
    query: (text) => sql.unsafe(text) as Promise<Row[]>,
    async sizeBytes() {
      const [row] = await sql`select pg_database_size(current_database())::bigint as size`;
      return Number(row.size);
    },
    restartDatabase: restart,
    async dispose() {
      await sql.end({ timeout: 5 });
      drop();
    },
  };
}

/** psql drops the throwaway database; synchronous, so it also runs from an exit handler. */
function dropDatabaseSync(serverUrl: string, name: string): void {
  execFileSync("psql", [serverUrl, "-q", "-c", `drop database if exists ${name} with (force)`], { stdio: "ignore", timeout: 30_000 });
}

type Cluster = { url: string; restart: () => Promise<number> };

/**
 * initdb + pg_ctl from /usr/lib/postgresql/<version>/bin on a private port, run as the
 * `postgres` user when this script runs as root (PostgreSQL refuses to run as root).
 */
function startPrivateCluster(port: number): Cluster | string {
  const bin = newestPostgresBin();
  if (!bin) return "no PostgreSQL: set CHAOS_DATABASE_URL, or install the server (initdb, pg_ctl)";
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds("postgres") : undefined;
  if (asRoot && !owner) return "no PostgreSQL: running as root but there is no `postgres` user to run the server as";
  const dir = makeTempDir("pg-cluster");
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(dataDir, owner.uid, owner.gid);
  }
  const run = (tool: string, args: string[], timeout = 120_000) =>
    execFileSync(path.join(bin, tool), args, { uid: owner?.uid, gid: owner?.gid, cwd: dir, stdio: "pipe", timeout });
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`;
  run("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  onCleanup(`stop PostgreSQL in ${dataDir}`, () => {
    if (existsSync(path.join(dataDir, "postmaster.pid"))) run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], 30_000);
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Asynchronous: the write load keeps running while PostgreSQL restarts. -l again, or the
    // new postmaster would inherit (and hold open) this process's pipes.
    async restart() {
      const started = performance.now();
      const args = ["-D", dataDir, "-l", path.join(dir, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"];
      const child = spawn(path.join(bin, "pg_ctl"), args, { uid: owner?.uid, gid: owner?.gid, cwd: dir, stdio: "ignore" });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      if (code !== 0) throw new Error(`pg_ctl restart exited with ${code}`);
      return performance.now() - started;
    },
  };
}

function newestPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", name]).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}
