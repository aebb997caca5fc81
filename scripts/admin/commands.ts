import { memberRoles, type MemberRole } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { addMember } from "@/lib/members/add-member";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { createTenant } from "@/lib/tenants/create-tenant";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { apiKeyCommands } from "./api-key-commands";
import { webhookCommands } from "./webhook-commands";
import { CliError, type Command } from "./cli";
import { integrationCommands } from "./integration-commands";
import { personCommands } from "./person-commands";
import { retentionCommands } from "./retention-commands";

export const tenantCommands: Command[] = [
  {
    name: "tenant:create",
    summary: "Create a tenant (customer organisation).",
    options: [
      { flag: "slug", value: "slug", description: "Lowercase letters, digits and dashes; unique.", required: true },
      { flag: "name", value: "name", description: "The organisation's display name.", required: true },
    ],
    async run(db, options) {
      const tenant = await createTenant(db, { slug: options.require("slug"), name: options.require("name") });
      return {
        text: `Created tenant ${tenant.slug} (${tenant.name}), id ${tenant.id}`,
        data: { tenantId: tenant.id, slug: tenant.slug, name: tenant.name },
      };
    },
  },
  {
    name: "user:create",
    summary: "Create a console user with a role in a tenant, or platform support staff.",
    options: [
      { flag: "email", value: "email", description: "Sign-in email; unique.", required: true },
      { flag: "tenant", value: "slug", description: "The tenant to give a role in." },
      { flag: "role", value: memberRoles.join("|"), description: "The role in that tenant." },
      { flag: "name", value: "name", description: "Display name; defaults to the email's local part." },
      { flag: "staff", description: "Platform support staff: may open every tenant (audited)." },
    ],
    secret: {
      name: "password",
      stdinFlag: "password-stdin",
      env: "CONSOLE_PASSWORD",
      description: "Read the password (at least 12 characters) from standard input; without it, from CONSOLE_PASSWORD.",
    },
    async run(db, options) {
      const email = options.require("email");
      const slug = options.get("tenant");
      const role = options.get("role");
      if (Boolean(slug) !== Boolean(role)) throw new CliError("--tenant and --role go together");
      if (role && !memberRoles.includes(role as MemberRole)) {
        throw new CliError(`--role must be one of ${memberRoles.join(", ")}`);
      }
      const tenant = slug ? await findTenantBySlug(db, slug) : undefined;
      if (!tenant && !options.has("staff")) throw new CliError("give --tenant and --role, or --staff");
      const user = await createConsoleUser(db, {
        email,
        name: options.get("name") ?? email.split("@")[0],
        password: options.require("password"),
        isStaff: options.has("staff"),
        membership: tenant ? { tenantId: tenant.id, role: role as MemberRole } : undefined,
      });
      return {
        text: `Created console user ${user.email}${tenant ? ` (${role} of ${tenant.slug})` : ""}${user.isStaff ? " [staff]" : ""}`,
        data: { userId: user.id, email: user.email, tenant: tenant?.slug ?? null, role: role ?? null, staff: user.isStaff },
      };
    },
  },
  {
    name: "member:add",
    summary: "Give an existing console user a role in another tenant.",
    options: [
      { flag: "email", value: "email", description: "The console user's email.", required: true },
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "role", value: memberRoles.join("|"), description: "The role in that tenant.", required: true },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const email = options.require("email");
      const role = options.require("role");
      // Without a password addMember refuses anyone who has no account yet.
      const { userId } = await addMember(db, tenant.id, { email, name: email, role: role as MemberRole }, cliActor);
      return { text: `${email} is now ${role} of ${tenant.slug}`, data: { userId, tenant: tenant.slug, role } };
    },
  },
];

export const commands: Command[] = [...tenantCommands, ...integrationCommands, ...personCommands, ...retentionCommands, ...apiKeyCommands, ...webhookCommands];
