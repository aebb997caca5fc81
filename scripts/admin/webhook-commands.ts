import { cliActor } from "@/lib/audit/record-audit";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import type { Command } from "./cli";

export const webhookCommands: Command[] = [
  {
    name: "webhook:create",
    summary: "Add a webhook endpoint to a tenant; its signing secret is shown once.",
    options: [
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "url", value: "url", description: "Where events are POSTed (http or https).", required: true },
      { flag: "events", value: "types", description: "Comma-separated event types, e.g. person.deactivated,person.deleted; all when left out." },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const { endpoint, secret } = await createWebhookEndpoint(db, tenant.id, { url: options.require("url"), eventTypes: options.get("events") }, cliActor);
      return {
        text: `Webhook endpoint ${endpoint.id} for ${tenant.slug} (${endpoint.eventTypes?.join(", ") ?? "all events"}):\n  secret ${secret}\nThe secret is shown once.`,
        data: { id: endpoint.id, secret },
      };
    },
  },
  {
    name: "webhook:list",
    summary: "List a tenant's webhook endpoints and their state.",
    options: [{ flag: "tenant", value: "slug", description: "The tenant.", required: true }],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const endpoints = await listWebhookEndpoints(db, tenant.id);
      const lines = endpoints.map((e) => `${e.id}  ${e.enabled ? (e.failingSince ? "failing" : "enabled") : "disabled"}  ${e.url}`);
      return { text: lines.length ? lines.join("\n") : `No webhook endpoints for ${tenant.slug}`, data: endpoints };
    },
  },
  {
    name: "webhook:delete",
    summary: "Delete one of a tenant's webhook endpoints by id.",
    options: [
      { flag: "tenant", value: "slug", description: "The tenant.", required: true },
      { flag: "id", value: "id", description: "The endpoint's id.", required: true },
    ],
    async run(db, options) {
      const tenant = await findTenantBySlug(db, options.require("tenant"));
      const deleted = await deleteWebhookEndpoint(db, tenant.id, { endpointId: options.require("id") }, cliActor);
      return { text: `Deleted webhook endpoint ${deleted.id} (${deleted.url})`, data: deleted };
    },
  },
];
