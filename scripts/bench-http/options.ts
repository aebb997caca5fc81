/** The command line of `npm run bench:http`, parsed once with zod, and what each mode sizes. */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { scenarioNames } from "./scenarios";

export const usage = `usage: npm run bench:http -- [--smoke | --quick | --large] [--only postgres|pglite] [--scenario NAME[,NAME...]]
                           [--duration S] [--warmup S] [--connections N] [--sync-concurrency N]
                           [--sync-users N] [--member-batch N] [--database-url URL] [--app-dir DIR]
                           [--cpu-prof DIR]
  (default)     full run: 2,000 people, lookups again at 100,000, Entra-style initial sync of
                100,000 users, 1,000 groups and 100,000 memberships
  --smoke       a few hundred requests per scenario, 2,000 people, a small sync; fails on any
                unexpected status (part of npm test)
  --quick       the full set of scenarios, shorter: 5 s runs, the sync scaled down to 10,000 users
  --large       the full run, plus the lookups at 1,000,000 people (seeding takes minutes)
  --only        one database (default both; PostgreSQL is skipped when none can be had)
  --scenario    only these scenarios, comma-separated: ${scenarioNames.join(", ")}, sync
  --duration    seconds measured per scenario (default 10), after --warmup seconds (default 3)
  --connections concurrent connections of the load generator (default 16)
  --sync-concurrency   requests in flight during the initial sync (default 16)
  --sync-users  users of the initial sync (groups are 1 per 100 users, one membership per user)
  --member-batch       members per group PATCH of the initial sync (default 100)
  --database-url       a PostgreSQL server to create a throwaway database in (else
                BENCH_DATABASE_URL; in --smoke also TEST_DATABASE_URL; else a private cluster
                started with initdb/pg_ctl when the binaries are installed)
  --app-dir     the checkout whose production build is measured (default this one), e.g. a
                \`git worktree\` of an older commit, built there, with node_modules: its \`next
                start\` runs there and its migrations make the schema; this checkout's load
                generator and setup services (tenants, integrations) drive it
  --cpu-prof    write V8 CPU profiles of the server to DIR (node --cpu-prof) when it stops: one
                file per thread (PGlite's database worker has its own) covering every scenario
                run on that database, so name one with --scenario to profile it alone
CPU ms/req: CPU time per request over each measured run, from /proc: "app" is the process
  listening on the server's port and its descendants; "db" the PostgreSQL server listening on
  the database's port (postmaster and backends; a shared server's other work included) when
  it runs on this machine. PGlite runs inside the app, so its work is in "app".
Environment: BENCH_PORT_BASE (default 4400; ports base..base+2 are used).
Needs a production build: run \`npx next build\` first. Results go to bench-results/.
`;

const optionsSchema = z
  .object({
    smoke: z.boolean().default(false),
    quick: z.boolean().default(false),
    large: z.boolean().default(false),
    only: z.enum(["postgres", "pglite"]).optional(),
    scenario: z
      .string()
      .transform((list) => list.split(",").map((name) => name.trim()))
      .pipe(z.array(z.enum([...scenarioNames, "sync"])).min(1))
      .optional(),
    duration: z.coerce.number().int().min(1).max(600).optional(),
    warmup: z.coerce.number().int().min(0).max(120).optional(),
    connections: z.coerce.number().int().min(1).max(1000).default(16),
    syncConcurrency: z.coerce.number().int().min(1).max(256).default(16),
    syncUsers: z.coerce.number().int().min(100).max(1_000_000).optional(),
    memberBatch: z.coerce.number().int().min(1).max(1000).default(100),
    databaseUrl: z.string().startsWith("postgres", { error: "must be a postgres:// URL" }).optional(),
    portBase: z.coerce.number().int().min(1024).max(65_000).default(4400),
    appDir: z.string().min(1).optional(),
    cpuProf: z.string().min(1).optional(),
  })
  .refine((o) => [o.smoke, o.quick, o.large].filter(Boolean).length <= 1, { error: "choose at most one of --smoke, --quick, --large" });

export type Mode = "smoke" | "quick" | "full" | "large";

export type Options = {
  mode: Mode;
  only?: "postgres" | "pglite";
  /** Only these scenarios ("sync" among them for the initial sync); all when absent. */
  scenarios?: string[];
  connections: number;
  /** Measured seconds per scenario; in smoke mode requests are counted instead. */
  durationSeconds: number;
  warmupSeconds: number;
  /** Smoke mode: requests per scenario instead of a duration. */
  amount?: number;
  people: number;
  /** The people counts the lookups are repeated at. */
  sizes: number[];
  sync: { users: number; groups: number; concurrency: number; memberBatch: number };
  databaseUrl?: string;
  portBase: number;
  /** Absolute path of the checkout whose build is measured. */
  appDir: string;
  /** Absolute path of the directory the server's CPU profiles go to, when asked for. */
  cpuProfileDir?: string;
};

const flags = ["only", "scenario", "duration", "warmup", "connections", "sync-concurrency", "sync-users", "member-batch", "database-url", "app-dir", "cpu-prof"];

/** The options, or undefined when --help was asked for. Bad input throws with the usage. */
export function parseOptions(argv: string[] = process.argv.slice(2)): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(flags.map((name) => [name, { type: "string" as const }])),
      smoke: { type: "boolean" },
      quick: { type: "boolean" },
      large: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return undefined;
  const camel = Object.fromEntries(Object.entries(values).map(([key, value]) => [key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), value]));
  const parsed = optionsSchema.safeParse({ ...camel, portBase: process.env.BENCH_PORT_BASE || undefined });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("; ")}\n${usage}`);
  }
  const o = parsed.data;
  const mode: Mode = o.smoke ? "smoke" : o.quick ? "quick" : o.large ? "large" : "full";
  const syncUsers = o.syncUsers ?? { smoke: 100, quick: 10_000, full: 100_000, large: 100_000 }[mode];
  const databaseUrl = o.databaseUrl ?? (process.env.BENCH_DATABASE_URL || (mode === "smoke" ? process.env.TEST_DATABASE_URL : undefined) || undefined);
  return {
    mode,
    only: o.only,
    scenarios: o.scenario,
    connections: o.connections,
    durationSeconds: o.duration ?? (mode === "quick" ? 5 : 10),
    warmupSeconds: o.warmup ?? (mode === "quick" ? 2 : 3),
    amount: mode === "smoke" ? 200 : undefined,
    people: 2_000,
    sizes: { smoke: [], quick: [100_000], full: [100_000], large: [100_000, 1_000_000] }[mode],
    // One group per 100 users and one membership per user: Entra's 100,000 / 1,000 / 100,000.
    sync: { users: syncUsers, groups: Math.max(1, Math.round(syncUsers / 100)), concurrency: o.syncConcurrency, memberBatch: o.memberBatch },
    databaseUrl,
    portBase: o.portBase,
    appDir: path.resolve(o.appDir ?? process.cwd()),
    cpuProfileDir: o.cpuProf === undefined ? undefined : path.resolve(o.cpuProf),
  };
}
