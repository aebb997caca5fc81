import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * An admin sets a retention policy on an integration's page and sees, from the job's own
 * query, who it deletes next and when; the person's page says the same. Globex's Okta
 * integration, so Acme's people in the other specs are not scheduled.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
let okta: Installed;

const headers = () => ({ authorization: `Bearer ${okta.token}`, "content-type": "application/scim+json" });
const base = () => new URL(okta.tenantUrl).pathname;

async function provision(request: APIRequestContext, given: string) {
  const res = await request.post(`${base()}/Users`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `${given.toLowerCase()}-${run}@globex.test`, displayName: `${given} ${run}` },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

/** The day `days` after a change made between `before` and now, as the console writes it (either, across midnight UTC). */
function dayAfter(before: number, days: number): RegExp {
  const dates = [before, Date.now()].map((t) => day.format(new Date(t + days * 86_400_000)));
  return new RegExp([...new Set(dates)].join("|"));
}

let deletedId = "";
let deletedDay: RegExp;
let inactiveDay: RegExp;

test.beforeAll(async ({ request }) => {
  okta = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).globexOkta;
  deletedId = await provision(request, "Dora");
  const inactiveId = await provision(request, "Ivan");
  const before = Date.now();
  expect((await request.delete(`${base()}/Users/${deletedId}`, { headers: headers() })).status()).toBe(204);
  const patched = await request.patch(`${base()}/Users/${inactiveId}`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] },
  });
  expect(patched.status()).toBe(204);
  deletedDay = dayAfter(before, 30);
  inactiveDay = dayAfter(before, 90);
});

test("an admin sets a retention policy, sees who it deletes next, and the person's page shows the date", async ({ page }) => {
  await signInAs(page, users.globexAdmin);
  await page.goto(`/settings/integrations/${okta.integrationId}`);
  const preview = page.getByRole("region", { name: "Next to be permanently deleted" });
  await expect(preview).toContainText("No retention policy");

  await page.getByLabel("Days after deletion").fill("0");
  await page.getByRole("button", { name: "Save retention policy" }).click();
  await expect(page.getByText("Purge at least 1 day after deletion.")).toBeVisible();

  await page.getByLabel("Days after deletion").fill("30");
  await page.getByLabel("Days after deactivation").fill("90");
  await page.getByRole("button", { name: "Save retention policy" }).click();
  await expect(page.getByText("Retention policy saved.")).toBeVisible();
  await expect(preview).toContainText("0 people due now");
  const next = preview.getByRole("list", { name: "Next to be permanently deleted" });
  await expect(next.getByRole("listitem").filter({ hasText: `Dora ${run}` })).toContainText(deletedDay);
  await expect(next.getByRole("listitem").filter({ hasText: `Dora ${run}` })).toContainText("30 days after deletion");
  await expect(next.getByRole("listitem").filter({ hasText: `Ivan ${run}` })).toContainText(inactiveDay);
  await expect(next.getByRole("listitem").filter({ hasText: `Ivan ${run}` })).toContainText("90 days after deactivation");

  await next.getByRole("link", { name: `Dora ${run}` }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${deletedId}$`));
  await expect(page.getByText(/^Will be permanently deleted on /)).toContainText(deletedDay);
  await expect(page.getByText(/^Will be permanently deleted on /)).toContainText("(retention policy of Okta: 30 days after deletion)");

  // Turned off again: nobody is scheduled, and the person's page says nothing.
  await page.goto(`/settings/integrations/${okta.integrationId}`);
  await page.getByLabel("Days after deletion").fill("");
  await page.getByLabel("Days after deactivation").fill("");
  await page.getByRole("button", { name: "Save retention policy" }).click();
  await expect(page.getByText("Retention policy saved.")).toBeVisible();
  await expect(preview).toContainText("No retention policy");
  await page.goto(`/people/${deletedId}`);
  await expect(page.getByRole("heading", { name: `Dora ${run}` })).toBeVisible();
  await expect(page.getByText(/^Will be permanently deleted on /)).toHaveCount(0);
});
