/** Named test users: each spec signs in as the person whose rights it is about. */
export const password = "correct horse battery staple";

export const users = {
  owner: "owner@acme.test", // admin of Acme, viewer of Globex
  viewer: "viewer@acme.test", // viewer of Acme only
  globexAdmin: "admin@globex.test", // admin of Globex only
  staff: "staff@platform.test", // platform support staff, no membership
};

export const seedCommands = [
  ["tenant:create", "--slug", "acme", "--name", "Acme Corp"],
  ["tenant:create", "--slug", "globex", "--name", "Globex"],
  ["user:create", "--email", users.owner, "--name", "Olivia Owner", "--password", password, "--tenant", "acme", "--role", "admin"],
  ["user:create", "--email", users.viewer, "--name", "Victor Viewer", "--password", password, "--tenant", "acme", "--role", "viewer"],
  ["user:create", "--email", users.globexAdmin, "--name", "Gina Globex", "--password", password, "--tenant", "globex", "--role", "admin"],
  ["member:add", "--email", users.owner, "--tenant", "globex", "--role", "viewer"],
  ["user:create", "--email", users.staff, "--name", "Sam Staff", "--password", password, "--staff"],
];
