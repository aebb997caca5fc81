import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { navigation } from "../app/(console)/_components/navigation";
import { acmeEntra, scimClient } from "./scim-fixtures";
import { users } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Every console page through axe-core, at desktop and phone widths, for each role: the pages
 * are the navigation's items (app/(console)/_components/navigation.ts, so pages added there
 * are covered) that the role's navigation shows, plus detail pages. Serious or critical
 * violations fail, listed with their rule, page and elements.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const details: string[] = [];
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

test.beforeAll(async ({ request }) => {
  const scim = scimClient(request);
  const created = await scim.createUser(`axe-${run}@acme.test`, "Axel", `Checker${run}`);
  expect(created.status()).toBe(201);
  const personId = (await created.json()).id as string;
  const roleId = await scim.createGroup(`Axe reviewers ${run}`);
  details.push(`/people/${personId}`, `/people/${personId}?tab=history`, `/roles/${roleId}`, `/settings/integrations/${acmeEntra().integrationId}`);
});

/** The navigation's pages this role sees, read from navigation.ts and checked against the rendered nav. */
async function navigationPages(page: Page): Promise<string[]> {
  const shown: string[] = [];
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of navigation.flatMap((section) => section.items)) {
    if ((await nav.locator(`a[href="${item.href}"]`).count()) > 0) shown.push(item.href);
  }
  return shown;
}

async function seriousViolations(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await expect(page.locator("#main")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${url} [${v.impact}] ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function activityEntry(page: Page): Promise<string | null> {
  await page.goto("/activity");
  const first = page.getByRole("table", { name: "SCIM requests" }).locator('a[href^="/activity/"]').first();
  return (await first.count()) ? ((await first.getAttribute("href")) ?? "").split("?")[0] : null;
}

const roles = [
  { who: "admin", email: users.owner, extra: ["/settings/integrations/marketplace", "/settings/integrations/marketplace/entra"] },
  { who: "support", email: users.support, extra: [] },
  { who: "viewer", email: users.viewer, extra: [] },
  { who: "platform staff", email: users.staff, extra: ["/staff/tenants/acme"] },
];

for (const role of roles) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${role.who}: every page has no serious or critical axe violation at ${width} width`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.setViewportSize(viewport);
      await signInAs(page, role.email);
      await page.setViewportSize(viewports.desktop);
      await page.goto("/profile");
      const pages = await navigationPages(page);
      await page.setViewportSize(viewport);
      const tenantPages = role.who === "platform staff" ? [] : details;
      const entry = role.who === "platform staff" ? null : await activityEntry(page);
      const urls = [...new Set([...pages, ...tenantPages, ...(entry ? [entry] : []), ...role.extra])];
      expect(urls.length).toBeGreaterThan(2);
      const found: string[] = [];
      for (const url of urls) found.push(...(await seriousViolations(page, url)));
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}
