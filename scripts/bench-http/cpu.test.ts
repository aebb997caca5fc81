import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clockTicks, CpuMeter, listeningPid, localDatabasePort, parseStat, readStat, snapshotTree, treeTicks, type ProcStat } from "./cpu";

/** Burns `ms` milliseconds of this process's CPU time (not wall time: the machine is shared). */
function spin(ms: number): void {
  const start = process.cpuUsage();
  let x = 0;
  for (let used = 0; used < ms * 1000; ) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + 1);
    const usage = process.cpuUsage(start);
    used = usage.user + usage.system;
  }
  expect(x).toBeGreaterThan(0);
}

describe("parseStat", () => {
  it("reads this process's own /proc/self/stat", () => {
    spin(50);
    const stat = parseStat(readFileSync("/proc/self/stat", "utf8"));
    expect(stat.pid).toBe(process.pid);
    expect(stat.ppid).toBe(process.ppid);
    const usage = process.cpuUsage();
    const ticksMs = ((stat.utime + stat.stime) * 1000) / clockTicks();
    // The kernel's ticks and libuv's getrusage count the same CPU time, to a few ticks.
    expect(Math.abs(ticksMs - (usage.user + usage.system) / 1000)).toBeLessThan(50 + (usage.user + usage.system) / 1000 / 10);
    expect(stat.cutime).toBeGreaterThanOrEqual(0);
  });

  it("counts the fields after the last parenthesis, whatever the command name holds", () => {
    const real = readFileSync("/proc/self/stat", "utf8");
    const plain = parseStat(real);
    const renamed = `${real.slice(0, real.indexOf("("))}(a) b (c d)${real.slice(real.lastIndexOf(")") + 1)}`;
    expect(parseStat(renamed)).toEqual({ ...plain, comm: "a) b (c d" });
  });

  it("refuses a line that is not a stat line", () => {
    expect(() => parseStat("hello")).toThrow(/not a \/proc\/<pid>\/stat line/);
    expect(() => parseStat("1 (x) S 0 1")).toThrow(/fields after the command name/);
  });

  it("gives undefined for a process that does not exist", () => {
    expect(readStat(2 ** 30)).toBeUndefined();
  });
});

describe("a tree's ticks between two snapshots", () => {
  const stat = (pid: number, ppid: number, utime: number, cutime = 0): ProcStat => ({ pid, ppid, comm: "p", utime, stime: 1, cutime, cstime: 0 });

  it("adds the living's differences and the newborn's whole time, and leaves out other trees", () => {
    const before = snapshotTree(10, [stat(10, 1, 100), stat(11, 10, 50), stat(12, 11, 5), stat(20, 1, 999)]);
    expect([...before.keys()].sort()).toEqual([10, 11, 12]);
    const after = snapshotTree(10, [stat(10, 1, 110), stat(11, 10, 70), stat(12, 11, 5), stat(13, 10, 7), stat(20, 1, 5000)]);
    expect(treeTicks(before, after)).toBe(10 + 20 + 0 + 8);
  });

  it("counts a child that ended only for what it spent inside the window", () => {
    const before = snapshotTree(10, [stat(10, 1, 100), stat(11, 10, 50)]);
    // 11 spent 30 more ticks, then exited: its parent's cutime took in all 81 of them.
    const after = snapshotTree(10, [stat(10, 1, 100, 81)]);
    expect(treeTicks(before, after)).toBe(30);
  });
});

describe("CpuMeter", () => {
  it("finds the listening process and measures the CPU it spends in a window", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      expect(listeningPid(port)).toBe(process.pid);
      const end = new CpuMeter(port, undefined).begin();
      expect(end).toBeDefined();
      spin(300);
      const spent = end!();
      // 300 ms spent, read in clock ticks (10 ms each) that may straddle the window's ends.
      expect(spent.appMs).toBeGreaterThanOrEqual(250);
      expect(spent.dbMs).toBeUndefined();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("finds no process on a port nobody listens on", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    expect(listeningPid(port)).toBeUndefined();
    expect(new CpuMeter(port, undefined).begin()).toBeUndefined();
  });
});

describe("localDatabasePort", () => {
  it("gives the port of a server on this machine only", () => {
    expect(localDatabasePort("postgres://postgres@127.0.0.1:55433/postgres")).toBe(55433);
    expect(localDatabasePort("postgres://u@localhost/db")).toBe(5432);
    expect(localDatabasePort("postgres://u@db.example.com:5432/db")).toBeUndefined();
    expect(localDatabasePort(undefined)).toBeUndefined();
  });
});
