/**
 * Reads the scheduler's log lines ("job run started" / "job run finished", one JSON object a
 * line) of every instance and finds runs of one job that overlapped across instances: what
 * the lease in `scheduled_jobs` must prevent.
 */
import { readFileSync } from "node:fs";

type Run = { job: string; owner: string; start: number; end: number | undefined };
export type JobsReport = { runs: Record<string, number>; overlaps: string[] };

export function checkJobRuns(logFiles: string[]): JobsReport {
  const runs: Run[] = [];
  for (const file of logFiles) {
    const open = new Map<string, Run>();
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      let entry: { msg?: string; job?: string; owner?: string; time?: number };
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      if (!entry.job || !entry.owner || !entry.time) continue;
      const key = `${entry.job}|${entry.owner}`;
      if (entry.msg === "job run started") {
        const run = { job: entry.job, owner: entry.owner, start: entry.time, end: undefined };
        open.set(key, run);
        runs.push(run);
      } else if (entry.msg === "job run finished" && open.has(key)) {
        open.get(key)!.end = entry.time;
        open.delete(key);
      }
    }
  }
  const report: JobsReport = { runs: {}, overlaps: [] };
  const byJob = new Map<string, Run[]>();
  for (const run of runs) byJob.set(run.job, [...(byJob.get(run.job) ?? []), run]);
  for (const [job, list] of byJob) {
    report.runs[job] = list.length;
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1];
      // A run cut by SIGKILL has no end: its lease blocks the job until it lapses, checked by the next start.
      if (before.end !== undefined && list[i].start < before.end) {
        report.overlaps.push(`${job}: ${list[i].owner} started at ${list[i].start} while ${before.owner} ran (${before.start} to ${before.end})`);
      }
    }
  }
  return report;
}
