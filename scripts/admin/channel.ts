/**
 * How the admin CLI works beside a running app on the embedded database. Only the process
 * holding the folder's lock may open it, so the app listens on a Unix socket in DATA_DIR
 * (a 0700 folder, so only the app's OS user can connect) and runs the command in its own
 * process, on its own database handle: PGlite's transactions stay serialised as usual.
 * One request per connection: a JSON line in, a JSON line out.
 */
import { chmodSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/db/client";
import { commands } from "./commands";
import { CliError, describeError, runCommand, type CommandResult, type Values } from "./cli";

const maxRequestBytes = 64 * 1024;
// Linux refuses socket paths over 107 bytes.
const maxSocketPathBytes = 107;

const requestSchema = z.object({
  command: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
});
export type AdminRequest = { command: string; values: Values };

const replySchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), text: z.string(), data: z.unknown() }),
  z.object({ ok: z.literal(false), message: z.string(), exitCode: z.number().int() }),
]);
type Reply = z.infer<typeof replySchema>;

export function adminSocketPath(dataDir: string): string {
  let folder = path.resolve(dataDir);
  try {
    folder = realpathSync(folder);
  } catch {
    // Not created yet: the app creates it before it listens.
  }
  return path.join(folder, "admin", "cli.sock");
}

async function answer(line: string, db: Db): Promise<Reply> {
  try {
    let body: unknown;
    try {
      body = JSON.parse(line);
    } catch {
      throw new CliError("the admin request is not JSON");
    }
    const request = requestSchema.safeParse(body);
    if (!request.success) throw new CliError("the admin request is malformed");
    return { ok: true, ...(await runCommand(db, commands, request.data.command, request.data.values)) };
  } catch (error) {
    const { message, exitCode } = describeError(error);
    if (exitCode === 1) console.error("An admin CLI command failed", error);
    return { ok: false, message, exitCode };
  }
}

function serve(socket: net.Socket, db: Db): void {
  let received = "";
  socket.setEncoding("utf8");
  socket.on("error", () => socket.destroy());
  const onData = (chunk: string) => {
    received += chunk;
    const end = received.indexOf("\n");
    if (end === -1 && received.length <= maxRequestBytes) return;
    socket.off("data", onData);
    const reply: Promise<Reply> =
      end === -1 ? Promise.resolve({ ok: false, message: "the admin request is too large", exitCode: 2 }) : answer(received.slice(0, end), db);
    void reply.then((r) => socket.end(`${JSON.stringify(r)}\n`));
  };
  socket.on("data", onData);
}

/** Listens for the CLI; the caller must hold the embedded folder's lock (a socket file left here is then stale). */
export async function serveAdminChannel(db: Db, dataDir: string): Promise<net.Server> {
  const socketPath = adminSocketPath(dataDir);
  if (Buffer.byteLength(socketPath) > maxSocketPathBytes) {
    throw new Error(`the admin socket path ${socketPath} is longer than ${maxSocketPathBytes} bytes; use a shorter DATA_DIR`);
  }
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(socketPath), 0o700);
  rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => serve(socket, db));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  // The channel never keeps the process alive on its own.
  server.unref();
  return server;
}

/** Sends one command to the app holding the embedded database and returns its result. */
export function askOwner(dataDir: string, request: AdminRequest, timeoutMs = 120_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(adminSocketPath(dataDir));
    let received = "";
    socket.setEncoding("utf8");
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new CliError(`the app holding the embedded database did not answer within ${timeoutMs / 1000} s`, 1));
    });
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") {
        reject(
          new CliError("the embedded database is open in a process that takes no admin commands (another CLI, a migration, or the app still starting); try again shortly"),
        );
      } else reject(error);
    });
    socket.on("end", () => {
      let reply: Reply;
      try {
        reply = replySchema.parse(JSON.parse(received));
      } catch {
        return reject(new CliError("the app sent an unreadable answer to the admin request", 1));
      }
      if (reply.ok) resolve({ text: reply.text, data: reply.data });
      else reject(new CliError(reply.message, reply.exitCode));
    });
  });
}
