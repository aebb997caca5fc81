/** What every scenario gets (one database, its server, the installed integrations) and returns. */
import type { Target } from "./databases";
import type { Server } from "./server";
import type { Installation } from "./setup";

export type Options = {
  db: "pglite" | "postgres" | "both";
  /** Length of each load phase (kill -9 rounds, database restart, flood). */
  seconds: number;
  only?: ScenarioName;
  /** Fuzz cases to send. */
  cases: number;
  /** Seed of the fuzz corpus, printed so a run can be replayed. */
  seed: number;
  /** kill -9 rounds. */
  kills: number;
  portBase: number;
  out?: string;
};

export const scenarioNames = ["fuzz", "kill9", "db-restart", "flood"] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export type Context = {
  target: Target;
  server: Server;
  installed: Installation;
  options: Options;
  log: (line: string) => void;
};

/** The numbers security issue #7 asks for; a scenario fills the ones it measures. */
export type Figures = {
  /** Requests sent (fuzz cases, load requests, flood requests). */
  requests?: number;
  "5xx"?: number;
  refusedRowsChanged?: number;
  acknowledged?: number;
  lost?: number;
  /** Time until the next 2xx after the server or the database came back. */
  recoveryMs?: number;
  growthBytes?: number;
  logRowsAdded?: number;
};

export type ScenarioResult = {
  scenario: ScenarioName;
  db: string;
  status: "ok" | "skipped" | "failed";
  /** The headline numbers the summary table shows. */
  figures: Figures;
  /** One line of figures, printed when the scenario ends. */
  line: string;
  /** Lines printed under it: the distinct 5xx, the lost writes. */
  notes?: string[];
  /** Everything else worth reading: the distinct 5xx, the lost writes, the changed rows. */
  details: Record<string, unknown>;
  reason?: string;
};

/**
 * Runs `read` against the database. PGlite has one owner process, so the server is stopped
 * (gracefully) for the read and started again after.
 */
export async function inspect<T>(context: Context, read: () => Promise<T>): Promise<T> {
  if (!context.target.readsNeedServerStopped || !context.server.running) return read();
  await context.server.stop();
  try {
    return await read();
  } finally {
    await context.server.start();
  }
}
