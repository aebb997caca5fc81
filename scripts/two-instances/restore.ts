/**
 * The backup and restore the README gives, run for real: pg_dump of the live database in
 * custom format, pg_restore into a new database, which a fresh instance then serves.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { onCleanup } from "../chaos/cleanup";

/** Dumps `databaseUrl` to a file in `dir` and restores it as a new database; returns the new database's URL. */
export function dumpAndRestore(databaseUrl: string, dir: string): string {
  const source = new URL(databaseUrl);
  const name = `${source.pathname.slice(1)}_restored`;
  const target = new URL(databaseUrl);
  target.pathname = `/${name}`;
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  const dump = path.join(dir, "backup.dump");
  const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });

  run("pg_dump", ["--format=custom", "--file", dump, databaseUrl]);
  run("psql", [maintenance.toString(), "-q", "-c", `create database ${name}`]);
  onCleanup(`drop database ${name}`, () => run("psql", [maintenance.toString(), "-q", "-c", `drop database if exists ${name} with (force)`]));
  run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", target.toString(), dump]);
  return target.toString();
}
