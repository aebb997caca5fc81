import { mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { tenants } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { adminSocketPath, askOwner, serveAdminChannel } from "./channel";

const dataDir = mkdtempSync(path.join(tmpdir(), "scim-channel-"));
let database: Database;
let server: net.Server;
beforeAll(async () => {
  database = await createTestDb();
  server = await serveAdminChannel(database.db, dataDir);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw bytes, as any local process could, and returns the answer line. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(adminSocketPath(dataDir), () => socket.end(text));
    let received = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    socket.on("end", () => resolve(received)).on("error", reject);
  });
}

describe("the admin channel of the app holding the embedded database", () => {
  it("runs a command in the app's process, on its database", async () => {
    const slug = `acme-${uniqueSuffix()}`;
    const result = await askOwner(dataDir, { command: "tenant:create", values: { slug, name: "Acme" } });
    expect(result.text).toMatch(new RegExp(`^Created tenant ${slug} \\(Acme\\)`));
    const [row] = await database.db.select().from(tenants).where(eq(tenants.slug, slug));
    expect(row.name).toBe("Acme");
  });

  it("passes a refusal back as one line with its exit code", async () => {
    await expect(askOwner(dataDir, { command: "tenant:create", values: { name: "x" } })).rejects.toMatchObject({
      message: "--slug is required",
      exitCode: 2,
    });
    await expect(askOwner(dataDir, { command: "tenant:create", values: { slug: "x", name: "x", colour: "red" } })).rejects.toThrow(
      "unknown option --colour for tenant:create",
    );
  });

  it("answers malformed requests without running anything", async () => {
    expect(JSON.parse(await sendRaw("not json\n"))).toEqual({ ok: false, message: "the admin request is not JSON", exitCode: 2 });
    expect(JSON.parse(await sendRaw('{"command":1}\n'))).toEqual({ ok: false, message: "the admin request is malformed", exitCode: 2 });
    expect(JSON.parse(await sendRaw("x".repeat(70_000)))).toMatchObject({ message: "the admin request is too large" });
  });

  it("is reachable only by the app's OS user", () => {
    const socketPath = adminSocketPath(dataDir);
    expect(statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
  });

  it("says so when the holder of the folder takes no admin commands", async () => {
    const other = mkdtempSync(path.join(tmpdir(), "scim-channel-"));
    try {
      await expect(askOwner(other, { command: "tenant:create", values: {} })).rejects.toThrow(/open in a process that takes no admin commands/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
