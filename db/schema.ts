export * from "./schema/tenants";
export * from "./schema/integrations";
export * from "./schema/directory";
export * from "./schema/activity";
export * from "./schema/jobs";
export * from "./schema/health";
export * from "./schema/change-events";
export * from "./schema/webhooks";
