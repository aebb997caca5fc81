import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Issue #7 item 6: every response carries the security headers, every page works under its
 * strict nonce-based CSP, and no other origin can frame the signed-in console.
 */
// Many page loads per test, on a machine that may be busy with more than this suite.

const run = Date.now().toString(36);
let entra: Installed;
const ids: { person?: string; role?: string } = {};

test.beforeAll(async ({ request }) => {
  const seeded = JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>;
  entra = seeded.acmeEntra;
  const base = new URL(entra.tenantUrl).pathname;
  const headers = { authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" };
  const person = await request.post(`${base}/Users`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `csp-${run}@acme.test`, name: { givenName: "Cora", familyName: `Csp${run}` } },
  });
  expect(person.status()).toBe(201);
  ids.person = (await person.json()).id;
  const role = await request.post(`${base}/Groups`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `CSP ${run}`, members: [{ value: ids.person }] },
  });
  expect(role.status()).toBe(201);
  ids.role = (await role.json()).id;
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // The test servers are plain http: HSTS would be wrong there (lib/http tests the https case).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Checks a page's strict policy and returns its nonce. */
function expectPagePolicy(response: APIResponse): string {
  expectCommonHeaders(response);
  const policy = directives(response.headers()["content-security-policy"] ?? "");
  const scripts = policy.get("script-src") ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"));
  expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  return nonce!.slice("'nonce-".length, -1);
}

test("each security header is on pages, redirects, API answers and static files", async ({ page, request }) => {
  const signIn = await request.get("/sign-in");
  expect(signIn.status()).toBe(200);
  const nonce = expectPagePolicy(signIn);
  // Every script Next rendered carries this response's nonce, and the next response has another.
  const scriptTags = (await signIn.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  expect(expectPagePolicy(await request.get("/sign-in"))).not.toBe(nonce);

  for (const path of ["/people", "/setup", "/no-access"]) {
    const redirect = await request.get(path, { maxRedirects: 0 });
    expect(redirect.status(), path).toBeGreaterThanOrEqual(300);
    expect(redirect.status(), path).toBeLessThan(400);
    expectPagePolicy(redirect);
  }

  await signInAs(page, users.owner);
  const signedIn = page.context().request;
  for (const path of ["/settings/members", "/no-such-page"]) expectPagePolicy(await signedIn.get(path));

  for (const [path, status] of [["/api/health", 200], ["/api/scim/v2/Users", 401]] as const) {
    const api = await request.get(path);
    expect(api.status(), path).toBe(status);
    expectCommonHeaders(api);
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  }

  const stylesheet = (await signIn.text()).match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(stylesheet).toBeDefined();
  expectCommonHeaders(await request.get(stylesheet!));
});

/** Collects CSP violations two ways: Chromium's console report and the DOM event. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...reported, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

/** Next's client runtime sets window.next once its scripts ran: proof they were not blocked. */
async function expectHydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
}

test("the sign-in page and every console page load with no CSP violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await expectHydrated(page);
  expect(await violations()).toEqual([]);

  await signInAs(page, users.owner);
  const pages = [
    "/people",
    `/people/${ids.person}`,
    "/roles",
    `/roles/${ids.role}`,
    "/activity",
    "/settings/integrations",
    "/settings/integrations/marketplace",
    `/settings/integrations/${entra.integrationId}`,
    "/settings/members",
    "/settings/audit-log",
    "/profile",
    "/no-such-page",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expectHydrated(page);
    expect(await violations(), path).toEqual([]);
  }
});

test("forms, copy buttons, dialogs and tables still work under the policy", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const violations = await watchViolations(page);
  await signInAs(page, users.owner);

  await page.goto(`/settings/integrations/${entra.integrationId}`);
  await page.getByRole("button", { name: "Copy Tenant URL" }).click();
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(entra.tenantUrl);

  await page.getByRole("button", { name: "Disable integration" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // A click anywhere on a table row opens it: the table's client code, not a plain link.
  await page.goto(`/people?q=csp-${run}`);
  const row = page.getByRole("table", { name: "People" }).getByRole("row").filter({ hasText: `Csp${run}` });
  await row.getByRole("cell").nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/people/${ids.person}$`));

  // A server action's answer renders: the invitation form refuses an address that is none.
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(`csp-${run}`);
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  expect(await violations()).toEqual([]);
});

test.describe("framing", () => {
  let framer: Server;
  const framerPort = Number(process.env.E2E_PORT_BASE ?? 3101) + 50;

  test.beforeAll(async ({ baseURL }) => {
    framer = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(`<!doctype html><title>Another site</title><iframe src="${baseURL}/settings/members" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(framerPort, "127.0.0.1", resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => framer.close(() => resolve())));

  test("a page on another local origin cannot frame the signed-in console", async ({ page }) => {
    await signInAs(page, users.owner);
    await page.goto("/settings/members");
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();

    const refused = page.waitForEvent("console", (message) => /frame-ancestors|X-Frame-Options/.test(message.text()));
    await page.goto(`http://localhost:${framerPort}/`);
    await refused;
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed).toBeDefined();
    await expect(framed!.getByRole("heading", { name: "Members" })).toHaveCount(0);
  });
});
