/** Named test users: each spec signs in as the person whose rights it is about. */
export const password = "correct horse battery staple";

export const users = {
  owner: "owner@acme.test", // admin of Acme, viewer of Globex
  viewer: "viewer@acme.test", // viewer of Acme only
  support: "support@acme.test", // support of Acme only: people actions
  globexAdmin: "admin@globex.test", // admin of Globex only
  staff: "staff@platform.test", // platform support staff, no membership
  sessions: "sessions@acme.test", // viewer of Acme whose sessions and password the sessions spec changes
};

/**
 * CLI calls run before the seeded server starts; a named call's --json output is kept.
 * user:create reads the password from CONSOLE_PASSWORD, never from argv.
 */
export const seedCommands: { name?: string; args: string[] }[] = [
  { args: ["tenant:create", "--slug", "acme", "--name", "Acme Corp"] },
  { args: ["tenant:create", "--slug", "globex", "--name", "Globex"] },
  { args: ["user:create", "--email", users.owner, "--name", "Olivia Owner", "--tenant", "acme", "--role", "admin"] },
  { args: ["user:create", "--email", users.viewer, "--name", "Victor Viewer", "--tenant", "acme", "--role", "viewer"] },
  { args: ["user:create", "--email", users.support, "--name", "Susan Support", "--tenant", "acme", "--role", "support"] },
  { args: ["user:create", "--email", users.globexAdmin, "--name", "Gina Globex", "--tenant", "globex", "--role", "admin"] },
  { args: ["member:add", "--email", users.owner, "--tenant", "globex", "--role", "viewer"] },
  { args: ["user:create", "--email", users.sessions, "--name", "Sid Sessions", "--tenant", "acme", "--role", "viewer"] },
  { args: ["user:create", "--email", users.staff, "--name", "Sam Staff", "--staff"] },
  { name: "acmeEntra", args: ["integration:create", "--tenant", "acme", "--provider", "entra"] },
  { name: "globexOkta", args: ["integration:create", "--tenant", "globex", "--provider", "okta", "--no-groups"] },
];

export type Installed = { integrationId: string; tenantUrl: string; appKey: string; token: string };
