import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { integrations } from "@/db/schema";
import { serveAdminChannel } from "./admin/channel";

/**
 * Smoke tests of the real CLI in a child process; its parsing and commands are tested in
 * process (scripts/admin/*.test.ts). A first run on a new folder creates and migrates the
 * database, which takes a while on a busy machine: the timeouts are generous on purpose.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "scim-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function admin(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...options.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { env });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? "");
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}

describe("admin CLI, spawned", () => {
  it("creates a tenant and a user whose password comes from standard input", async () => {
    const tenant = await admin(["tenant:create", "--slug", "acme", "--name", "Acme Corp", "--json"]);
    expect(tenant.stderr).toBe("");
    expect(JSON.parse(tenant.stdout)).toMatchObject({ slug: "acme" });

    const user = await admin(["user:create", "--email", "ops@acme.test", "--tenant", "acme", "--role", "admin", "--password-stdin"], {
      stdin: "correct horse battery\n",
    });
    expect(user).toMatchObject({ code: 0, stdout: "Created console user ops@acme.test (admin of acme)\n" });

    const refused = await admin(["user:create", "--email", "x@acme.test", "--password", "correct horse battery", "--staff"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^error: --password is not taken on the command line .*\n$/);
  }, 360_000);

  it("hands its command to the process holding the folder, as it does beside the running app", async () => {
    const owner = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    const channel = await serveAdminChannel(owner.db, dataDir);
    try {
      const installed = await admin(["integration:create", "--tenant", "acme", "--provider", "okta", "--json"]);
      expect(installed).toMatchObject({ code: 0, stderr: "" });
      const { appKey } = JSON.parse(installed.stdout) as { appKey: string };
      const [row] = await owner.db.select().from(integrations).where(eq(integrations.appKey, appKey));
      expect(row.provider).toBe("okta");
    } finally {
      await new Promise((resolve) => channel.close(resolve));
      await owner.close();
    }
  }, 240_000);
});
