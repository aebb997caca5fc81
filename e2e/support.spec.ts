import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./replay-action";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Support staff act on a person the test provisions through the SCIM API: deactivate and
 * reactivate (SCIM shows it at once), export, then permanently delete (SCIM 404, nothing of
 * them left on any page). A viewer sees no action, and the server refuses one replayed.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const grace = { userName: `grace-${run}@acme.test`, givenName: "Grace", familyName: `Hopper${run}`, email: `g.hopper-${run}@acme.test` };
const name = `Grace ${grace.familyName}`;
const roleName = `Compilers ${run}`;
let entra: Installed;
let graceId = "";
let roleId = "";
let createRequestId = "";

const headers = () => ({ authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" });
const base = () => new URL(entra.tenantUrl).pathname;

test.beforeAll(async ({ request }) => {
  entra = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).acmeEntra;
  const created = await request.post(`${base()}/Users`, {
    headers: headers(),
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: grace.userName,
      name: { givenName: grace.givenName, familyName: grace.familyName },
      emails: [{ value: grace.email, type: "work", primary: true }],
    },
  });
  expect(created.status()).toBe(201);
  graceId = (await created.json()).id;
  createRequestId = created.headers()["x-request-id"];
  const group = await request.post(`${base()}/Groups`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: roleName, members: [{ value: graceId }] },
  });
  expect(group.status()).toBe(201);
  roleId = (await group.json()).id;
});

async function scimActive(page: Page) {
  const res = await page.request.get(`${base()}/Users/${graceId}`, { headers: headers() });
  expect(res.status()).toBe(200);
  return (await res.json()).active;
}

test("a viewer sees no action on a person, and the server refuses one the viewer replays", async ({ page, browser }) => {
  // Support's Deactivate request, captured and never delivered, is what the viewer replays.
  await signInAs(page, users.support);
  await page.goto(`/people/${graceId}`);
  await page.getByRole("button", { name: "Deactivate" }).click();
  const action = await captureAction(page, `**/people/${graceId}`, () =>
    page.getByRole("dialog", { name: /Deactivate/ }).getByRole("button", { name: "Deactivate" }).click(),
  );

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, users.viewer);
  await viewer.goto(`/people/${graceId}`);
  await expect(viewer.getByRole("heading", { name })).toBeVisible();
  await expect(viewer.getByRole("group", { name: "Actions" })).toHaveCount(0);
  for (const control of ["Deactivate", "Delete permanently"]) await expect(viewer.getByRole("button", { name: control })).toHaveCount(0);
  expect((await viewer.request.get(`/people/${graceId}/export`)).status()).toBe(403);
  expect(await replayAction(viewer, action)).toBe(403);
  await viewerContext.close();
  expect(await scimActive(page)).toBe(true);
});

test("support deactivates and reactivates a person, SCIM shows it at once, History says who and why", async ({ page }) => {
  await signInAs(page, users.support);
  await page.goto(`/people?q=${run}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${name}?` });
  await expect(dialog).toContainText("Microsoft Entra ID manages");
  await dialog.getByLabel("Reason").fill("Ticket 4711: laptop stolen");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} was deactivated`);
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();
  expect(await scimActive(page)).toBe(false);

  await page.getByRole("button", { name: "Reactivate" }).click();
  await page.getByRole("dialog", { name: `Reactivate ${name}?` }).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} was reactivated`);
  expect(await scimActive(page)).toBe(true);

  await page.getByRole("navigation", { name: "Person" }).getByRole("link", { name: /^History/ }).click();
  const deactivation = page.getByRole("list", { name: "History" }).getByRole("listitem").filter({ hasText: `${name} was deactivated` });
  await expect(deactivation).toContainText(users.support);
  await expect(deactivation).toContainText("Reason: Ticket 4711: laptop stolen");
});

test("a replayed action is refused once the person has changed", async ({ page }) => {
  await signInAs(page, users.support);
  await page.goto(`/people/${graceId}`);
  await page.getByRole("button", { name: "Deactivate" }).click();
  let replay: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) replay = { url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
  });
  await page.getByRole("dialog", { name: /Deactivate/ }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status")).toContainText("was deactivated");
  await page.getByRole("button", { name: "Reactivate" }).click();
  await page.getByRole("dialog", { name: /Reactivate/ }).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status")).toContainText("was reactivated");

  expect(replay).toBeDefined();
  const again = await page.request.post(replay!.url, {
    headers: { "next-action": replay!.headers["next-action"], "content-type": replay!.headers["content-type"], accept: "text/x-component" },
    data: replay!.body,
  });
  expect(await again.text()).toContain("This person changed since the page was opened");
  expect(await scimActive(page)).toBe(true);
});

test("support exports a person's data, then deletes them permanently: SCIM 404 and no trace left", async ({ page }) => {
  await signInAs(page, users.support);
  await page.goto(`/people/${graceId}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export data" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.person.userName).toBe(grace.userName);
  expect(exported.roles.map((r: { displayName: string }) => r.displayName)).toEqual([roleName]);
  expect(exported.history.map((e: { action: string }) => e.action)).toContain("deactivated");

  await page.getByRole("button", { name: "Delete permanently" }).click();
  const dialog = page.getByRole("dialog", { name: `Permanently delete ${name}?` });
  await dialog.getByLabel(`Type ${grace.userName} to confirm`).fill("not-grace");
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(dialog.getByText("Type the person's userName exactly to confirm.")).toBeVisible();
  await dialog.getByLabel(`Type ${grace.userName} to confirm`).fill(grace.userName);
  await dialog.getByLabel("Reason").fill("Data-subject erasure request 99");
  await dialog.getByRole("button", { name: "Delete permanently" }).click();

  await expect(page.getByRole("heading", { name: "Permanently deleted person" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`by ${users.support}`);
  await expect(page.getByRole("main")).toContainText("Reason: Data-subject erasure request 99");
  expect((await page.request.get(`${base()}/Users/${graceId}`, { headers: headers() })).status()).toBe(404);

  const traces = [grace.userName, grace.familyName, grace.email];
  const pages = [`/people?q=${run}&status=all`, `/roles/${roleId}`, `/roles/${roleId}?tab=history`, `/activity`, `/activity?request=${createRequestId}`];
  for (const path of pages) {
    await page.goto(path);
    const text = (await page.content()).toLowerCase();
    for (const trace of traces) expect(text, `${trace} on ${path}`).not.toContain(trace.toLowerCase());
  }
  await page.goto(`/roles/${roleId}?tab=history`);
  await expect(page.getByText(`a permanently deleted person was removed from ${roleName}`)).toBeVisible();
  // The request that created them is still in Activity, without its body; it links to the tombstone.
  await page.goto(`/activity?request=${createRequestId}`);
  await page.getByRole("table", { name: "SCIM requests" }).getByRole("row").nth(1).getByRole("link").click();
  await expect(page.locator("pre")).toContainText("removed: named a permanently deleted person");

  const again = await page.request.post(`${base()}/Users`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: grace.userName },
  });
  expect(again.status()).toBe(201);
  expect((await again.json()).id).not.toBe(graceId);
});

test("support deletes selected people, then everyone matching the filter, confirming the count", async ({ page }) => {
  const tag = `bulk${run}`;
  for (const n of [1, 2, 3]) {
    const res = await page.request.post(`${base()}/Users`, {
      headers: headers(),
      data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `${tag}-${n}@acme.test` },
    });
    expect(res.status()).toBe(201);
  }
  await signInAs(page, users.support);
  await page.goto(`/people?q=${tag}`);
  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await page.getByLabel(`Select ${tag}-1@acme.test`).check();
  await page.getByLabel(`Select ${tag}-2@acme.test`).check();
  await page.getByRole("button", { name: "Delete selected permanently" }).click();
  const selected = page.getByRole("dialog", { name: "Permanently delete 2 people?" });
  await selected.getByLabel("Type 2 to confirm").fill("2");
  await selected.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByRole("status")).toContainText("2 people were permanently deleted.");
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.getByRole("button", { name: "Delete all 1 matching permanently" }).click();
  const matching = page.getByRole("dialog", { name: "Permanently delete all 1 person matching this filter?" });
  await matching.getByLabel("Type 1 to confirm").fill("1");
  await matching.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByRole("status")).toContainText("1 person was permanently deleted.");
  await expect(page.getByText("No people match these filters")).toBeVisible();
});
