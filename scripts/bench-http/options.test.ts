import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseOptions } from "./options";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the bench:http command line", () => {
  it("runs the full issue #11 set by default: 16 connections, 10 s after 3 s, 100,000 people and users", () => {
    vi.stubEnv("BENCH_DATABASE_URL", "");
    const options = parseOptions([])!;
    expect(options).toMatchObject({ mode: "full", connections: 16, durationSeconds: 10, warmupSeconds: 3, people: 2000, sizes: [100_000], databaseUrl: undefined });
    expect(options.sync).toEqual({ users: 100_000, groups: 1_000, concurrency: 16, memberBatch: 100 });
    expect(parseOptions(["--large"])!.sizes).toEqual([100_000, 1_000_000]);
  });

  it("counts requests in smoke mode and uses the test suite's PostgreSQL there only", () => {
    vi.stubEnv("BENCH_DATABASE_URL", "");
    vi.stubEnv("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");
    expect(parseOptions(["--smoke"])).toMatchObject({ mode: "smoke", amount: 200, sizes: [], databaseUrl: "postgres://postgres@127.0.0.1:1/postgres" });
    expect(parseOptions([])!.databaseUrl).toBeUndefined();
    expect(parseOptions(["--database-url", "postgres://x@h/db", "--smoke"])!.databaseUrl).toBe("postgres://x@h/db");
  });

  it("measures this checkout's build unless --app-dir names another, made absolute", () => {
    expect(parseOptions([])!.appDir).toBe(process.cwd());
    expect(parseOptions(["--app-dir", "../wc-before"])!.appDir).toBe(path.resolve("../wc-before"));
  });

  it("profiles the server into --cpu-prof's directory, made absolute, only when asked", () => {
    expect(parseOptions(["--cpu-prof", "profiles"])!.cpuProfileDir).toBe(path.resolve("profiles"));
    expect(parseOptions([])!.cpuProfileDir).toBeUndefined();
  });

  it("runs the scenarios named, comma-separated", () => {
    expect(parseOptions(["--scenario", "post-user,patch-active, sync"])!.scenarios).toEqual(["post-user", "patch-active", "sync"]);
    expect(parseOptions([])!.scenarios).toBeUndefined();
  });

  it("refuses bad input with the usage instead of guessing", () => {
    expect(() => parseOptions(["--smoke", "--large"])).toThrow(/at most one of --smoke, --quick, --large/);
    expect(() => parseOptions(["--only", "mysql"])).toThrow(/--only/);
    expect(() => parseOptions(["--scenario", "everything"])).toThrow(/--scenario/);
    expect(() => parseOptions(["--scenario", "post-user,nothing"])).toThrow(/--scenario/);
    expect(() => parseOptions(["--connections", "0"])).toThrow(/--connections/);
    expect(() => parseOptions(["--database-url", "mysql://h/db"])).toThrow(/postgres:\/\/ URL/);
    expect(() => parseOptions(["--fast"])).toThrow(/Unknown option/);
    expect(() => parseOptions(["--app-dir", ""])).toThrow(/--appDir/);
  });
});
