import { createHash } from "node:crypto";
import { mkdirSync, realpathSync, rmSync } from "node:fs";
import net from "node:net";

/**
 * PGlite is Postgres inside one process: two processes on one folder each believe they own
 * it, and one's acknowledged writes vanish (or the folder is left unreadable). So whoever
 * opens the folder first holds an OS lock the kernel releases when the process dies, even
 * on SIGKILL; everyone else is refused at once.
 *
 * The lock is a listening Unix socket. On Linux it lives in the abstract namespace (a name
 * starting with NUL): binding is atomic, a second bind fails with EADDRINUSE, and nothing is
 * left on disk. Elsewhere it is a socket file beside the folder; a file left by a killed
 * process is recognised because nothing answers on it.
 */
export class EmbeddedDatabaseHeld extends Error {
  constructor(readonly folder: string) {
    super(`the embedded database in ${folder} is already open in another process (the app, the admin CLI or a migration)`);
    this.name = "EmbeddedDatabaseHeld";
  }
}

export type EmbeddedLock = { release: () => Promise<void> };

type LockOptions = { abstract?: boolean };

function lockAddress(realFolder: string, abstract: boolean): string {
  if (!abstract) return `${realFolder}.lock.sock`;
  // Abstract names are limited to 107 bytes, so the folder is named by its hash.
  return `\0scim-console-db:${createHash("sha256").update(realFolder).digest("hex").slice(0, 40)}`;
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(address, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function isAnswering(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "EADDRINUSE";
}

/** Takes the folder's lock or throws EmbeddedDatabaseHeld; creates the folder if needed. */
export async function lockEmbeddedFolder(folder: string, options: LockOptions = {}): Promise<EmbeddedLock> {
  mkdirSync(folder, { recursive: true });
  const realFolder = realpathSync(folder);
  const abstract = options.abstract ?? process.platform === "linux";
  const address = lockAddress(realFolder, abstract);
  // Nobody is meant to talk to the lock: a connection is closed at once.
  const server = net.createServer((socket) => socket.destroy());
  try {
    await listen(server, address);
  } catch (error) {
    if (!isAddressInUse(error) || abstract || (await isAnswering(address))) {
      throw isAddressInUse(error) ? new EmbeddedDatabaseHeld(realFolder) : error;
    }
    rmSync(address, { force: true });
    await listen(server, address).catch((again: unknown) => {
      throw isAddressInUse(again) ? new EmbeddedDatabaseHeld(realFolder) : again;
    });
  }
  // The lock never keeps a finished CLI or migration alive.
  server.unref();
  return { release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** By name, since a bundler may load this module twice (the server's instrumentation and its routes). */
export function isEmbeddedDatabaseHeld(error: unknown): error is EmbeddedDatabaseHeld {
  return error instanceof Error && error.name === "EmbeddedDatabaseHeld";
}
