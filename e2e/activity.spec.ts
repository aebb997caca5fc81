import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { scimClient } from "./scim-fixtures";
import { users } from "./seed";
import { signInAs } from "./sign-in";

/** Activity after a real identity-provider run: failures apart from routine 404s, search, links. */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const grace = { userName: `grace-${run}@acme.test`, givenName: "Grace", familyName: `Hopper${run}` };
const name = `${grace.givenName} ${grace.familyName}`;
let graceId: string;

test.beforeAll(async ({ request }) => {
  const scim = scimClient(request);
  const created = await scim.createUser(grace.userName, grace.givenName, grace.familyName);
  expect(created.status()).toBe(201);
  graceId = (await created.json()).id;
  expect((await scim.get(`/Users/${graceId}`)).status()).toBe(200);
  // Entra checking that someone removed is gone: routine, not a failure.
  expect((await scim.get(`/Users/${randomUUID()}`)).status()).toBe(404);
  // A real failure: the same userName again.
  expect((await scim.createUser(grace.userName, grace.givenName, grace.familyName)).status()).toBe(409);
});

test("failures stand out, routine 404 lookups are apart, and Failures only leaves them out", async ({ page }) => {
  await signInAs(page, users.viewer);
  await page.goto("/activity");
  const table = page.getByRole("table", { name: "SCIM requests" });
  await expect(table.getByText("Not found (routine)").first()).toBeVisible();
  const failed = table.getByRole("row").filter({ hasText: "Failed 409" }).first();
  await expect(failed).toBeVisible();
  await expect(failed.getByText("uniqueness").filter({ visible: true })).toBeVisible();

  await page.getByLabel("Outcome").selectOption("failures");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=failures/);
  await expect(table.getByText("Failed 409").first()).toBeVisible();
  await expect(table.getByText("Not found (routine)")).toHaveCount(0);

  await page.goto("/activity?status=404");
  await expect(table.getByText("Not found (routine)").first()).toBeVisible();
  await expect(table.getByText(/^Failed/)).toHaveCount(0);
});

test("search by person finds their requests; the creation links to them by name", async ({ page }) => {
  await signInAs(page, users.viewer);
  await page.goto("/activity");
  await page.getByRole("searchbox", { name: "Person" }).fill(grace.userName.toUpperCase());
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/person=/);
  const rows = page.getByRole("table", { name: "SCIM requests" }).getByRole("row");
  // The header, the creation and the read by id; the 409 changed nobody and named no id.
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "GET" }).getByRole("link", { name })).toBeVisible();
  const creation = rows.filter({ hasText: "POST" });
  await expect(creation.getByText("Created").filter({ visible: true })).toBeVisible();
  await creation.getByRole("link", { name }).filter({ visible: true }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${graceId}`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page).toHaveTitle(/SCIM Console$/);
});

test("dates and status filter through the URL, and a bad value says why it was ignored", async ({ page }) => {
  await signInAs(page, users.viewer);
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/activity?from=${today}&to=${today}&status=2xx&person=${graceId}`);
  const table = page.getByRole("table", { name: "SCIM requests" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await page.goto("/activity?from=2026-02-30&status=abc");
  const alert = page.getByRole("alert").filter({ hasText: "Some filters were ignored" });
  await expect(alert).toContainText("From: not a real date");
  await expect(alert).toContainText("Status: a code such as 404, or a class such as 4xx");
  await page.goto("/activity?from=2099-01-01");
  await expect(page.getByText("No requests match these filters")).toBeVisible();
});
