import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./client";
import { connectPostgres, databaseOnServer } from "./postgres-url";
import { createTestDb } from "./testing";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe("connectPostgres", () => {
  it("reads the URL's host parameter as libpq does: a folder names the server's Unix socket", async () => {
    const socket = connectPostgres("postgres://app@localhost:5433/scim?host=/var/run/postgresql&application_name=x");
    expect(socket.options.path).toBe("/var/run/postgresql/.s.PGSQL.5433");
    expect(socket.options.connection).not.toHaveProperty("host");
    expect(socket.options.connection).toHaveProperty("application_name", "x");
    const named = connectPostgres("postgres://app@localhost:5433/scim?host=db.internal");
    expect(named.options.host).toEqual(["db.internal"]);
    expect(named.options.path).toBeFalsy();
    const plain = connectPostgres("postgres://app@db.internal:5433/scim");
    expect(plain.options.host).toEqual(["db.internal"]);
    await Promise.all([socket.end(), named.end(), plain.end()]);
  });

  it("names another database on the same server by the same host, socket and settings", () => {
    expect(databaseOnServer("postgres://app:pw@localhost:5433/postgres?host=/run/pg&sslmode=disable", "chaos_1")).toBe(
      "postgres://app:pw@localhost:5433/chaos_1?host=/run/pg&sslmode=disable",
    );
  });

  it("serves the app over the server's Unix socket when the URL names its folder", async () => {
    if (database.kind !== "postgres") return;
    const [setting] = (await database.db.execute(
      sql`select split_part(current_setting('unix_socket_directories'), ',', 1) as folder, current_setting('port') as port, current_database() as name`,
    )) as unknown as { folder: string; port: string; name: string }[];
    const url = new URL(databaseOnServer(process.env.TEST_DATABASE_URL!, setting.name));
    url.port = setting.port;
    url.searchParams.set("host", setting.folder);
    const overSocket = await openDatabase({ url: url.toString() });
    try {
      const [row] = (await overSocket.db.execute(sql`select inet_server_addr() as address, current_database() as name`)) as unknown as { address: string | null; name: string }[];
      // A Unix socket connection has no server address; a TCP one always does.
      expect(row).toEqual({ address: null, name: setting.name });
    } finally {
      await overSocket.close();
    }
  });
});
