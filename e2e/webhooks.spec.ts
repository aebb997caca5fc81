import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver } from "../lib/webhooks/testing";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

let entra: Installed;
test.beforeAll(() => {
  // Written by e2e/start-server.ts once the seeded server's CLI calls have run.
  entra = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).acmeEntra;
});

test("an admin adds a webhook endpoint, a SCIM change arrives signed, and the log redelivers it", async ({ page, request }) => {
  const receiver = await startWebhookReceiver();
  try {
    await signInAs(page, users.owner);
    await page.goto("/settings/webhooks");
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Event types").fill("person.created");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const shown = page.getByRole("region", { name: `Endpoint ${receiver.url} added.` });
    await expect(shown).toBeVisible();
    const secret = ((await shown.getByTestId("once-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);

    const userName = `hook-${Date.now()}@acme.test`;
    const created = await request.post(`${new URL(entra.tenantUrl).pathname}/Users`, {
      headers: { authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" },
      data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName },
    });
    expect(created.status()).toBe(201);
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [arrived] = receiver.received;
    const headers = { "webhook-id": String(arrived.headers["webhook-id"]), "webhook-timestamp": String(arrived.headers["webhook-timestamp"]), "webhook-signature": String(arrived.headers["webhook-signature"]) };
    expect(new Webhook(secret).verify(arrived.body, headers)).toMatchObject({ type: "person.created", data: { resource: { userName } } });

    await page.getByRole("link", { name: receiver.url }).click();
    // The list's "Endpoint … added." notice names the URL too: wait for the endpoint's own page
    // before reloading, or the reload below would reload the list.
    await expect(page).toHaveURL(/\/settings\/webhooks\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: receiver.url, exact: true, level: 1 })).toBeVisible();
    const log = page.getByRole("table", { name: "Delivery log" });
    // The attempt is logged just after the receiver answered: reload until it shows.
    await expect(async () => {
      await page.reload();
      await expect(log.getByRole("row", { name: /person\.created/ }).getByText("HTTP 204")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/Delivered: HTTP 204/)).toBeVisible();
    await expect(log.getByRole("row", { name: /webhook\.test/ })).toBeVisible();
    await log.getByRole("row", { name: /person\.created/ }).getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => receiver.received.map((r) => r.headers["webhook-id"])).toEqual([headers["webhook-id"], expect.stringMatching(/^test_/), headers["webhook-id"]]);

    await page.goto("/settings/webhooks");
    const row = page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row", { name: new RegExp(receiver.url.replace(/[.:/]/g, "\\$&")) });
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("only admins see Settings > Webhooks", async ({ page }) => {
  await signInAs(page, users.viewer);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  const response = await page.goto("/settings/webhooks");
  expect(response?.status()).toBe(403);
});
