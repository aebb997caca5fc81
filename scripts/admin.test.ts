import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "scim-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real CLI in a child process on its own embedded database. */
function admin(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync("npx", ["tsx", "scripts/admin.ts", ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("admin CLI", () => {
  it("lists its commands with --help", () => {
    const { code, stdout } = admin("--help");
    expect(code).toBe(0);
    for (const command of ["tenant:create", "user:create", "member:add", "integration:create", "integration:disable", "integration:enable", "integration:list", "token:create", "token:revoke"]) {
      expect(stdout).toContain(command);
    }
  });

  it("creates a tenant, a user and an Entra integration, printing JSON with --json", () => {
    const tenant = admin("tenant:create", "--slug", "acme", "--name", "Acme Corp", "--json");
    expect(tenant.code).toBe(0);
    expect(JSON.parse(tenant.stdout)).toMatchObject({ slug: "acme", name: "Acme Corp" });

    const user = admin("user:create", "--email", "ops@acme.test", "--password", "correct horse battery", "--tenant", "acme", "--role", "admin", "--json");
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: "ops@acme.test", tenant: "acme", role: "admin", staff: false });

    const installed = admin("integration:create", "--tenant", "acme", "--provider", "entra", "--json");
    expect(installed.code).toBe(0);
    const out = JSON.parse(installed.stdout);
    expect(Object.keys(out).sort()).toEqual(["appKey", "integrationId", "tenantUrl", "token"]);
    expect(out.tenantUrl).toBe(`http://localhost:3000/api/scim/v2/${out.appKey}?aadOptscim062020`);
    expect(out.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);

    const disabled = admin("integration:disable", "--integration", out.appKey, "--json");
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout)).toEqual({ integrationId: out.integrationId, status: "disabled" });
    expect(admin("integration:enable", "--integration", out.integrationId).stdout).toMatch(/is now active/);

    const minted = admin("token:create", "--integration", out.integrationId, "--description", "second", "--json");
    expect(minted.code).toBe(0);
    const { hint } = JSON.parse(minted.stdout);
    const revoked = admin("token:revoke", "--token-hint", hint, "--json");
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout).hint).toBe(hint);
  });

  it.each([
    [["tenant:create", "--slug", "acme", "--name", "Again"], /already exists/],
    [["user:create", "--email", "ops@acme.test", "--password", "correct horse battery", "--tenant", "acme", "--role", "admin"], /already exists/],
    [["user:create", "--email", "x@acme.test", "--password", "short", "--tenant", "acme", "--role", "admin"], /password: Use at least 12 characters/],
    [["user:create", "--email", "x@acme.test", "--password", "correct horse battery", "--tenant", "acme", "--role", "boss"], /--role must be one of/],
    [["integration:create", "--tenant", "acme", "--provider", "azure"], /--provider must be one of/],
    [["tenant:create", "--slug", "Bad Slug!", "--name", "x"], /Slug: /],
    [["tenant:create", "--name", "x"], /--slug is required/],
    [["tenant:create", "--slug", "x1", "--name", "x", "--colour", "red"], /unknown option --colour/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["token:revoke", "--token-hint", "zzzzzz"], /No live token matches/],
  ])("refuses %j with one clear line and a non-zero exit", (args, message) => {
    const { code, stderr, stdout } = admin(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toMatch(message);
  });

});
