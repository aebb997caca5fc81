import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { EmbeddedDatabaseHeld, lockEmbeddedFolder } from "./embedded-lock";

const root = mkdtempSync(path.join(tmpdir(), "scim-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => path.join(root, `db${++folders}`);

/** A child process that takes the lock and then waits to be killed. */
async function spawnHolder(folder: string, abstract: boolean) {
  const lockModule = fileURLToPath(new URL("./embedded-lock.ts", import.meta.url));
  const script = `const { lockEmbeddedFolder } = await import(${JSON.stringify(lockModule)});
await lockEmbeddedFolder(${JSON.stringify(folder)}, { abstract: ${abstract} });
process.stdout.write("locked\\n");
setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code} before locking`)));
  });
  return child;
}

describe.each([
  ["an abstract socket (Linux)", true],
  ["a socket file (other platforms)", false],
])("the embedded folder's lock as %s", (_, abstract) => {
  it("refuses a second holder until the first releases it", async () => {
    const folder = newFolder();
    const first = await lockEmbeddedFolder(folder, { abstract });
    await expect(lockEmbeddedFolder(folder, { abstract })).rejects.toThrow(EmbeddedDatabaseHeld);
    await first.release();
    const again = await lockEmbeddedFolder(folder, { abstract });
    await again.release();
  });

  it("is one lock whatever path names the folder", async () => {
    const folder = newFolder();
    const first = await lockEmbeddedFolder(folder, { abstract });
    const alias = path.join(root, `alias${folders}`);
    symlinkSync(folder, alias);
    try {
      await expect(lockEmbeddedFolder(alias, { abstract })).rejects.toThrow(/already open in another process/);
      await expect(lockEmbeddedFolder(`${folder}/../${path.basename(folder)}`, { abstract })).rejects.toThrow(EmbeddedDatabaseHeld);
    } finally {
      await first.release();
    }
  });

  it("is freed by the kernel when its holder is killed with SIGKILL", async () => {
    const folder = newFolder();
    const holder = await spawnHolder(folder, abstract);
    await expect(lockEmbeddedFolder(folder, { abstract })).rejects.toThrow(EmbeddedDatabaseHeld);
    const exited = once(holder, "exit");
    holder.kill("SIGKILL");
    await exited;
    const lock = await lockEmbeddedFolder(folder, { abstract });
    await lock.release();
  }, 60_000);
});

describe("opening the embedded database", () => {
  it("refuses a second open of one folder, and close gives the lock back", async () => {
    const folder = newFolder();
    const database = await openDatabase({ dataDir: folder });
    await expect(openDatabase({ dataDir: folder })).rejects.toThrow(EmbeddedDatabaseHeld);
    await database.close();
    const lock = await lockEmbeddedFolder(folder);
    await lock.release();
  }, 120_000);
});
