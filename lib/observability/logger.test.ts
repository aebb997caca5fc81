import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The real logger in a child process, writing to a pipe: what it buffers must still reach
 * stdout, on exit and while the process runs on quietly.
 */
function logFrom(script: string, until?: (stdout: string) => boolean) {
  const code = `const { logger } = await import("./lib/observability/logger.ts");\n${script}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", code], {
    env: { ...process.env, LOG_LEVEL: "info" },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (until?.(stdout)) child.kill("SIGKILL");
  });
  return new Promise<{ lines: { msg: string; n?: number }[]; stderr: string }>((resolve) =>
    child.on("close", () => resolve({ lines: stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line)), stderr })),
  );
}

describe("logger", () => {
  it("writes every buffered line when the process exits", async () => {
    const { lines, stderr } = await logFrom(`for (let n = 0; n < 100; n++) logger().info({ n }, "line"); process.exit(0);`);
    expect(stderr).toBe("");
    expect(lines.map((line) => line.n)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });

  it("writes a lone line while the process runs on, without waiting for more", async () => {
    const { lines } = await logFrom(`logger().info("lone"); setInterval(() => {}, 60_000);`, (stdout) => stdout.includes("\n"));
    expect(lines).toEqual([expect.objectContaining({ msg: "lone" })]);
  });
});
