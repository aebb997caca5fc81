import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Issue #13's People and person pages, on people the seeded server's SCIM API provisioned:
 * type-to-filter, natural sort, filters, CSV export, the manager by name, History to the
 * second and the raw SCIM resource.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const role = `Reviewers ${run}`;
const ids: Record<string, string> = {};
let entra: Installed;

async function scim(request: APIRequestContext, method: "POST" | "PATCH", path: string, data: unknown) {
  const response = await request.fetch(`${new URL(entra.tenantUrl).pathname}${path}`, {
    method,
    headers: { authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" },
    data,
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.status() === 204 ? null : await response.json();
}

const user = (key: string, displayName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
  userName: `${key}-${run}@acme.test`,
  displayName,
  emails: [{ value: `${key}-${run}@acme.test`, type: "work", primary: true }],
  ...extra,
});

test.beforeAll(async ({ request }) => {
  entra = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).acmeEntra;
  for (const [key, n, department] of [["nat10", 10, "Research"], ["nat2", 2, "Research"], ["nat1", 1, "Sales"]] as const) {
    ids[key] = (await scim(request, "POST", "/Users", user(key, `Nat${run} ${n}`, { [ENTERPRISE]: { department } }))).id;
  }
  ids.grace = (await scim(request, "POST", "/Users", user("grace", `Grace ${run}`))).id;
  // Entra sends the manager as a bare id and addresses by their parts.
  ids.ada = (
    await scim(
      request,
      "POST",
      "/Users",
      user("ada", `Ada ${run}`, {
        addresses: [{ type: "work", streetAddress: "1 Microsoft Way", locality: "Redmond", postalCode: "98052", country: "US" }],
        [ENTERPRISE]: { department: `Lab ${run}`, manager: ids.grace },
      }),
    )
  ).id;
  await scim(request, "PATCH", `/Users/${ids.ada}`, {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "Replace", path: `${ENTERPRISE}:manager`, value: ids.nat1 }],
  });
  ids.role = (await scim(request, "POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: role, members: [{ value: ids.nat2 }, { value: ids.nat10 }] })).id;
});

const names = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "People" }).getByRole("row").locator("td a");

test("People filters as you type, sorts names naturally, and Back skips the keystrokes", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto("/roles");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page).toHaveTitle("People · SCIM Console");

  await page.getByLabel("Search people").pressSequentially(`nat${run}`, { delay: 20 });
  // The URL the form would open on Enter, the status choice included.
  const typed = new RegExp(`/people\\?q=nat${run}&status=current$`);
  await expect(page).toHaveURL(typed);
  await expect(names(page)).toHaveText([`Nat${run} 1`, `Nat${run} 2`, `Nat${run} 10`]);
  await expect(page.getByLabel("Search people")).toBeFocused();

  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(names(page)).toHaveText([`Nat${run} 10`, `Nat${run} 2`, `Nat${run} 1`]);

  // The sort was a navigation, the keystrokes were not (each replaced the entry): Back undoes
  // the sort, then goes where the user was before People.
  await page.goBack();
  await expect(page).toHaveURL(typed);
  await expect(page.getByLabel("Search people")).toHaveValue(`nat${run}`);
  await expect(names(page)).toHaveText([`Nat${run} 1`, `Nat${run} 2`, `Nat${run} 10`]);
  await page.goBack();
  await expect(page).toHaveURL(/\/roles$/);
});

test("People filters by department, role and region, finds a department by search, and exports the filter as CSV", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto(`/people?q=nat${run}`);
  await expect(names(page)).toHaveCount(3);
  await page.getByLabel("Department").selectOption("Research");
  await expect(page).toHaveURL(/department=Research/);
  await expect(names(page)).toHaveText([`Nat${run} 2`, `Nat${run} 10`]);
  await page.getByLabel("Department").selectOption("");
  await page.getByLabel("Role").selectOption({ label: role });
  await expect(page).toHaveURL(/role=/);
  await expect(names(page)).toHaveText([`Nat${run} 2`, `Nat${run} 10`]);
  await page.getByLabel("Region").selectOption("HQ");
  await expect(page).toHaveURL(/region=HQ/);
  await expect(names(page)).toHaveText([`Nat${run} 2`, `Nat${run} 10`]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const rows = parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.name, r.department, r.region, r.email])).toEqual([
    [`Nat${run} 2`, "Research", "HQ", `nat2-${run}@acme.test`],
    [`Nat${run} 10`, "Research", "HQ", `nat10-${run}@acme.test`],
  ]);

  await page.goto(`/people?q=${encodeURIComponent(`lab ${run}`)}`);
  await expect(names(page)).toHaveText([`Ada ${run}`]);
});

test("a person's page names the manager, shows the address, History to the second and the raw resource", async ({ page, browser }) => {
  await signInAs(page, users.owner);
  await page.goto(`/people/${ids.ada}`);
  await expect(page).toHaveTitle(`Ada ${run} · People · SCIM Console`);
  await expect(page.getByText("1 Microsoft Way, Redmond, 98052, US")).toBeVisible();
  await page.getByRole("link", { name: `Nat${run} 1` }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${ids.nat1}$`));

  await page.goto(`/people/${ids.ada}?tab=history`);
  const change = page.getByRole("list", { name: "History" }).getByRole("listitem").filter({ hasText: "was updated" });
  await expect(change.getByRole("link", { name: `Grace ${run}` })).toHaveAttribute("href", `/people/${ids.grace}`);
  await expect(change.getByRole("link", { name: `Nat${run} 1` })).toHaveAttribute("href", `/people/${ids.nat1}`);
  const time = change.locator("time");
  await expect(time).toHaveText(/\d{2}:\d{2}:\d{2} UTC$/);
  await expect(time).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

  await page.getByRole("navigation", { name: "Person" }).getByRole("link", { name: "Raw SCIM" }).click();
  await expect(page).toHaveURL(/tab=raw/);
  await expect(page.locator("pre")).toContainText(`"userName": "ada-${run}@acme.test"`);
  await expect(page.getByRole("button", { name: "Copy the SCIM resource" })).toBeVisible();

  // Whoever may see the person may see the raw resource: a viewer too.
  const viewer = await (await browser.newContext()).newPage();
  await signInAs(viewer, users.viewer);
  await viewer.goto(`/people/${ids.ada}?tab=raw`);
  await expect(viewer.locator("pre")).toContainText(`"locality": "Redmond"`);
  await viewer.context().close();
});
