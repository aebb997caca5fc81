import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { exportPeopleCsv } from "./export-people-csv";

/** The People list as CSV: the filter's rows, streamed in batches, formulas defused, audited. */

let h: ScimHarness;
let tenantId: string;
let integrationId: string;
const MANY = 1_200;
const actor = { userId: null, label: "Olivia Owner" };

beforeAll(async () => {
  h = await createScimHarness();
  const { tenant, entra } = await h.makeTenant("export");
  tenantId = tenant.id;
  integrationId = entra.integration.id;
  // Many people at once through SQL: the SCIM API would take minutes for this many.
  await h.db.insert(people).values(
    Array.from({ length: MANY }, (_, i) => ({
      tenantId,
      integrationId,
      userName: `bulk${i + 1}@acme.test`,
      displayName: `Bulk ${i + 1}`,
      primaryEmail: `bulk${i + 1}@acme.test`,
      region: "HQ",
      resource: { schemas: [USER_SCHEMA], userName: `bulk${i + 1}@acme.test` },
    })),
  );
  const formula = await h.scim("POST", `${entra.integration.appKey}/Users`, {
    as: entra,
    body: {
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
      userName: "eve@acme.test",
      displayName: "=HYPERLINK(\"http://evil.test\")",
      [ENTERPRISE_USER_SCHEMA]: { department: "Research", employeeNumber: "E-7" },
    },
  });
  expect(formula.status).toBe(201);
});
afterAll(() => h.close());

async function readAll(stream: ReadableStream<Uint8Array>, afterFirstChunk?: () => Promise<void>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks += 1;
    text += decoder.decode(value, { stream: true });
    if (chunks === 1 && afterFirstChunk) await afterFirstChunk();
  }
}

const records = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe("exportPeopleCsv", () => {
  it("streams every match in chunks, reading later batches only as the reader gets there", async () => {
    const stream = await exportPeopleCsv(h.db, tenantId, { region: "HQ" }, actor, { batchSize: 100 });
    // Someone who sorts last, added once the first chunk is out: a stream that had loaded
    // everything up front would not contain them.
    const { text, chunks } = await readAll(stream, async () => {
      await h.db.insert(people).values({ tenantId, integrationId, userName: "zz@acme.test", displayName: "Zz Last", region: "HQ", resource: { schemas: [USER_SCHEMA] } });
    });
    const rows = records(text);
    expect(chunks).toBeGreaterThan(1);
    expect(rows).toHaveLength(MANY + 2);
    expect(rows.filter((r) => r.name.startsWith("Bulk")).slice(0, 3).map((r) => r.name)).toEqual(["Bulk 1", "Bulk 2", "Bulk 3"]);
    expect(rows.at(-1)?.name).toBe("Zz Last");
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("exports only the filter's people, with their columns, and defuses formulas", async () => {
    const { text } = await readAll(await exportPeopleCsv(h.db, tenantId, { search: "research" }, actor));
    expect(records(text)).toEqual([
      expect.objectContaining({
        userName: "eve@acme.test",
        name: "'=HYPERLINK(\"http://evil.test\")",
        department: "Research",
        employeeNumber: "E-7",
        status: "active",
        region: "HQ",
      }),
    ]);
  });

  it("exports no one of another tenant and records the export in the audit log", async () => {
    const { text } = await readAll(await exportPeopleCsv(h.db, h.b.tenant.id, { search: "bulk" }, actor));
    expect(records(text)).toEqual([]);
    const audited = await h.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "people.exported")));
    expect(audited.map((a) => a.detail)).toEqual(expect.arrayContaining([{ filter: "region=HQ" }, { filter: "search=research" }]));
    expect(audited).toHaveLength(2);
  });
});
