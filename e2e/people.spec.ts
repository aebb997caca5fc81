import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * People, Roles and Activity as an admin sees them after a real identity-provider run: the
 * people, the group and the failure are made through the seeded server's SCIM API.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const ada = { userName: `ada-${run}@acme.test`, givenName: "Ada", familyName: `Lovelace${run}` };
const linus = { userName: `linus-${run}@acme.test`, givenName: "Linus", familyName: `Torvalds${run}` };
const roleName = `Analysts ${run}`;
const ids: { ada?: string; linus?: string; role?: string; request?: string } = {};
let entra: Installed;

const headers = () => ({ authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" });
const base = () => new URL(entra.tenantUrl).pathname;

async function createUser(request: APIRequestContext, person: typeof ada) {
  return request.post(`${base()}/Users`, {
    headers: headers(),
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      userName: person.userName,
      active: true,
      name: { givenName: person.givenName, familyName: person.familyName },
      emails: [{ value: person.userName.toUpperCase(), type: "work", primary: true }],
      title: "Analyst",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Research" },
    },
  });
}

test.beforeAll(async ({ request }) => {
  // Written by e2e/start-server.ts once the seeded server's CLI calls have run.
  const seeded = JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>;
  entra = seeded.acmeEntra;
  for (const [key, person] of [["ada", ada], ["linus", linus]] as const) {
    const created = await createUser(request, person);
    expect(created.status()).toBe(201);
    ids[key] = (await created.json()).id;
  }
  const group = await request.post(`${base()}/Groups`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: roleName, members: [{ value: ids.ada }, { value: ids.linus }] },
  });
  expect(group.status()).toBe(201);
  ids.role = (await group.json()).id;
  const deactivated = await request.patch(`${base()}/Users/${ids.linus}`, {
    headers: headers(),
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect(deactivated.status()).toBe(204);
  // A deliberate failure: the same userName again is a 409 for the Activity page to show.
  expect((await createUser(request, ada)).status()).toBe(409);
});

test("an admin opens People from the navigation, searches it and filters it by status", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();

  await page.getByLabel("Search people").fill(run);
  await page.getByLabel("Search people").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByRole("row")).toHaveCount(3);
  const linusRow = table.getByRole("row").filter({ hasText: linus.userName });
  await expect(linusRow.getByText("Inactive", { exact: true })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: ada.userName }).getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByText("Showing 1–2 of 2 people")).toBeVisible();

  await page.getByLabel("Status").selectOption("inactive");
  await expect(page).toHaveURL(/status=inactive/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link", { name: `Linus ${linus.familyName}` })).toBeVisible();

  // Case-insensitive: the stored primary email is upper case.
  await page.goto(`/people?q=${encodeURIComponent(`ADA-${run}@ACME`)}`);
  await expect(table.getByRole("link", { name: `Ada ${ada.familyName}` })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.goto(`/people?q=nobody-${run}`);
  await expect(page.getByText("No people match these filters")).toBeVisible();
  // A hand-edited URL is clamped, never an error page.
  const odd = await page.goto(`/people?q=${run}&status=bogus&sort=nope&page=-4`);
  expect(odd?.status()).toBe(200);
  await expect(table.getByRole("row")).toHaveCount(3);
});

test("the person page shows the profile, the role and the deactivation in History by the integration", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto(`/people?q=${run}`);
  await page.getByRole("link", { name: `Linus ${linus.familyName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${ids.linus}$`));
  await expect(page.getByRole("heading", { name: `Linus ${linus.familyName}` })).toBeVisible();
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();
  await expect(page.getByText("Research")).toBeVisible();
  await expect(page.getByText("HQ", { exact: true })).toBeVisible();

  const tabs = page.getByRole("navigation", { name: "Person" });
  await tabs.getByRole("link", { name: /^Roles/ }).click();
  await expect(page.getByRole("list", { name: "Roles" }).getByRole("link", { name: roleName })).toBeVisible();

  await tabs.getByRole("link", { name: /^History/ }).click();
  const history = page.getByRole("list", { name: "History" });
  const deactivation = history.getByRole("listitem").filter({ hasText: `Linus ${linus.familyName} was deactivated` });
  await expect(deactivation).toBeVisible();
  await expect(deactivation.getByText("Microsoft Entra ID", { exact: true })).toBeVisible();
  await expect(deactivation.getByRole("term")).toHaveText("active");
  await expect(deactivation.getByRole("definition")).toHaveText("before: true→after: false");
  await expect(history.getByText(`Linus ${linus.familyName} joined the role ${roleName}`)).toBeVisible();
  await expect(history.getByText(`Linus ${linus.familyName} was provisioned`)).toBeVisible();
  // Newest first: the deactivation came after the role and the creation.
  await expect(history.locator("> li").first()).toContainText("was deactivated");

  // The request id opens that very request in Activity.
  await deactivation.getByRole("link").click();
  await expect(page).toHaveURL(/\/activity\?request=/);
  const requests = page.getByRole("table", { name: "SCIM requests" }).getByRole("row");
  await expect(requests).toHaveCount(2);
  await expect(requests.nth(1)).toContainText(`PATCH/Users/${ids.linus}`);
});

test("the role page lists its members, linking to them, and its History", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto(`/roles?q=${encodeURIComponent(roleName)}`);
  const row = page.getByRole("table", { name: "Roles" }).getByRole("row").filter({ hasText: roleName });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  await row.getByRole("link", { name: roleName }).click();
  await expect(page.getByRole("heading", { name: roleName })).toBeVisible();
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("row")).toHaveCount(3);
  await members.getByRole("link", { name: `Ada ${ada.familyName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${ids.ada}$`));

  await page.goto(`/roles/${ids.role}?tab=history`);
  // History names the member as recorded at the time: Entra sent no displayName, so the userName.
  await expect(page.getByText(`${ada.userName} was added to ${roleName}`)).toBeVisible();
  await expect(page.getByText(`${roleName} was provisioned`)).toBeVisible();
});

test("Activity shows the requests, and the failed duplicate with its detail and redacted body", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  const table = page.getByRole("table", { name: "SCIM requests" });
  await expect(table.getByRole("row").filter({ hasText: "PATCH" }).filter({ hasText: `/Users/${ids.linus}` })).toBeVisible();

  await page.getByLabel("Outcome").selectOption("failures");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=failures/);
  const failure = table.getByRole("row").filter({ hasText: "409" }).first();
  await expect(failure).toContainText("uniqueness");
  await page.getByLabel("Method").selectOption("POST");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/method=POST/);
  await failure.getByRole("link", { name: /^POST / }).click();

  await expect(page.getByRole("heading", { name: /POST .*\/Users/ })).toBeVisible();
  ids.request = new URL(page.url()).pathname.split("/").pop();
  const error = page.getByRole("main").getByRole("alert");
  await expect(error).toContainText("409 uniqueness");
  await expect(error).toContainText(ada.userName);
  await expect(page.locator("pre")).toContainText(`"userName": "${ada.userName}"`);
  await page.getByRole("link", { name: "← Activity" }).click();
  await expect(page).toHaveURL(/outcome=failures/);
});

test("Globex's admin gets 404 for Acme's person, role and request", async ({ page }) => {
  await signInAs(page, users.globexAdmin);
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByText(ada.userName)).toHaveCount(0);
  for (const path of [`/people/${ids.linus}`, `/roles/${ids.role}`, `/activity/${ids.request}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
  expect((await page.goto(`/people?q=${run}&status=all`))?.status()).toBe(200);
  await expect(page.getByText("No people match these filters")).toBeVisible();
});
