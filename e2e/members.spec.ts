import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./replay-action";
import { password, users } from "./seed";
import { signInAs } from "./sign-in";

// Each journey drives two or three browsers and creates accounts (memory-hard hashing): more than the default time.

const fresh = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

/** Invites from Settings > Members; returns what the page said and the link it showed once. */
async function invite(page: Page, email: string, role: "admin" | "support" | "viewer") {
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Invite member" }).click();
  const shown = page.getByRole("region", { name: `Invitation for ${email} created.`, exact: false });
  await expect(shown).toBeVisible();
  return { message: (await shown.getByRole("heading").textContent()) ?? "", link: (await shown.getByTestId("once-secret").textContent()) ?? "" };
}

/** Opens the link in a browser of its own and creates the account it is for. */
async function acceptAsNewcomer(browser: Browser, link: string, name: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).not.toHaveURL(/\/invitations\//);
  return page;
}

const members = (page: Page) => page.getByRole("table", { name: "Members" });
const pending = (page: Page) => page.getByRole("table", { name: "Pending invitations" });

test("inviting an address with an account answers as for a new one, and makes nobody a member", async ({ page, browser }) => {
  await signInAs(page, users.owner);
  const newcomer = fresh("newcomer");
  const toExisting = await invite(page, users.globexAdmin, "admin");
  const toNewcomer = await invite(page, newcomer, "admin");
  expect(toExisting.message.replace(users.globexAdmin, "ADDRESS")).toBe(toNewcomer.message.replace(newcomer, "ADDRESS"));
  expect(toExisting.link).toMatch(/\/invitations\/[\w-]{43}$/);

  await page.goto("/settings/members");
  await expect(members(page).getByRole("cell", { name: users.globexAdmin, exact: true })).toHaveCount(0);
  await expect(pending(page).getByRole("cell", { name: users.globexAdmin, exact: true })).toBeVisible();
  await expect(pending(page).getByRole("cell", { name: newcomer, exact: true })).toBeVisible();

  // Whoever holds the link cannot set a password for the account that exists.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(toExisting.link);
  await expect(stranger.getByText(`Sign in as ${users.globexAdmin} with your own password`)).toBeVisible();
  await expect(stranger.getByLabel("Password")).toHaveCount(0);

  for (const email of [users.globexAdmin, newcomer]) {
    await pending(page).getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await expect(pending(page).getByRole("cell", { name: email, exact: true })).toHaveCount(0);
  }
  for (const link of [toExisting.link, toNewcomer.link]) {
    await stranger.goto(link);
    await expect(stranger.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  }
  await page.goto("/settings/members");
  await expect(members(page).getByRole("cell", { name: users.globexAdmin, exact: true })).toHaveCount(0);
});

test("a newcomer sets their own password through the link, which then works no more", async ({ page, browser }) => {
  await signInAs(page, users.owner);
  const email = fresh("sue");
  const { link } = await invite(page, email, "support");

  const sue = await (await browser.newContext()).newPage();
  await sue.goto(link);
  await expect(sue.getByText(`This invitation is for ${email}`)).toBeVisible();
  await sue.getByLabel("Your name").fill("Sue Support");
  await sue.getByLabel("Password", { exact: true }).fill("short");
  await sue.getByLabel("Password again").fill("short");
  await sue.getByRole("button", { name: "Create account and join" }).click();
  await expect(sue.getByText("Use at least 12 characters")).toBeVisible();
  await expect(sue.getByLabel("Your name")).toHaveValue("Sue Support");
  await sue.getByLabel("Password", { exact: true }).fill(password);
  await sue.getByLabel("Password again").fill(`${password}!`);
  await sue.getByRole("button", { name: "Create account and join" }).click();
  await expect(sue.getByText("The two passwords differ")).toBeVisible();
  await sue.getByLabel("Password", { exact: true }).fill(password);
  await sue.getByLabel("Password again").fill(password);
  await sue.getByRole("button", { name: "Create account and join" }).click();
  await expect(sue).toHaveURL(/:\d+\/$/);
  await expect(sue.getByRole("banner").getByRole("button", { name: email })).toBeVisible();

  await page.goto("/settings/members");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");
  await expect(pending(page).getByRole("cell", { name: email, exact: true })).toHaveCount(0);

  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await expect(again.getByLabel("Password")).toHaveCount(0);
});

test("an address with an account joins only by signing in as itself and accepting", async ({ page, browser }) => {
  // Someone Acme invited, who now has an account of their own.
  const acmeOwner = await (await browser.newContext()).newPage();
  await signInAs(acmeOwner, users.owner);
  const email = fresh("cfo");
  const cfo = await acceptAsNewcomer(browser, (await invite(acmeOwner, email, "viewer")).link, "Carl Finance");

  await signInAs(page, users.globexAdmin);
  const { link } = await invite(page, email, "support");
  await expect(members(page).getByRole("cell", { name: email, exact: true })).toHaveCount(0);

  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto(link);
  await expect(signedOut.getByText(`Sign in as ${email} with your own password`)).toBeVisible();
  await expect(signedOut.getByRole("button", { name: /Accept/ })).toHaveCount(0);

  await acmeOwner.goto(link);
  await expect(acmeOwner.getByText(`You are signed in as ${users.owner}, not ${email}`)).toBeVisible();
  await expect(acmeOwner.getByRole("button", { name: /Accept/ })).toHaveCount(0);

  await cfo.goto(link);
  await cfo.getByRole("button", { name: "Accept and open Globex" }).click();
  await expect(cfo.getByLabel("Tenant")).toHaveValue("globex");

  await page.goto("/settings/members");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");
  await cfo.goto(link);
  await expect(cfo.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
});

test("changing a role and removing a member ask first; the last admin stays", async ({ page, browser }) => {
  await signInAs(page, users.globexAdmin);
  await page.goto("/settings/members");
  const own = members(page).getByRole("row", { name: new RegExp(users.globexAdmin) });
  await page.getByLabel(`Role of ${users.globexAdmin}`).selectOption("viewer");
  await own.getByRole("button", { name: "Change" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
  await expect(own.getByText("A tenant needs at least one admin")).toBeVisible();
  await own.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(own.getByText("A tenant needs at least one admin")).toHaveCount(2);

  const email = fresh("vic");
  const vic = await acceptAsNewcomer(browser, (await invite(page, email, "viewer")).link, "Vic Viewer");
  await page.goto("/settings/members");
  const row = members(page).getByRole("row", { name: new RegExp(email) });
  await page.getByLabel(`Role of ${email}`).selectOption("support");
  await row.getByRole("button", { name: "Change" }).click();
  await expect(page.getByRole("dialog")).toContainText("As support, they can deactivate, reactivate and delete people.");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");
  await page.getByLabel(`Role of ${email}`).selectOption("support");
  await row.getByRole("button", { name: "Change" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");

  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(members(page).getByRole("cell", { name: email, exact: true })).toHaveCount(0);
  await vic.goto("/people");
  await expect(vic).toHaveURL(/\/no-access$/);
});

test("support sees no Members page, and the server refuses a role change support replays", async ({ page, browser }) => {
  // The owner's change of the viewer's role, captured and never delivered, is what support replays.
  await signInAs(page, users.owner);
  await page.goto("/settings/members");
  await page.getByLabel(`Role of ${users.viewer}`).selectOption("admin");
  await members(page).getByRole("row", { name: new RegExp(users.viewer) }).getByRole("button", { name: "Change" }).click();
  const action = await captureAction(page, "**/settings/members", () => page.getByRole("dialog").getByRole("button", { name: "Change role" }).click());

  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signInAs(support, users.support);
  expect((await support.goto("/settings/members"))?.status()).toBe(403);
  expect(await replayAction(support, action)).toBe(403);
  await supportContext.close();

  await page.unrouteAll();
  await page.reload();
  await expect(page.getByLabel(`Role of ${users.viewer}`)).toHaveValue("viewer");
});
