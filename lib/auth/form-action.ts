import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Permission } from "./permissions";
import { requireConsole, type ConsoleContext } from "./console-context";
import { currentConsoleRequest } from "./current-console-request";

/** What a form shows after its server action ran: messages per field, or one for the form. */
export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  success?: string;
  /** What the person typed, so a refused form keeps it (never passwords). */
  values?: Record<string, string>;
  /** A value shown exactly once, such as a new secret token. */
  reveal?: Record<string, string>;
};

/** React's own fields (`$ACTION_…`) ride along without JavaScript; strict schemas must not see them. */
function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...formData].filter(([key]) => !key.startsWith("$ACTION")));
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password|secret|token/i.test(key)) values[key] = value;
  }
  return values;
}

function failure(error: unknown, values: Record<string, string>): FormState {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return error.field ? { fieldErrors: { [error.field]: error.message }, values } : { error: error.message, values };
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[form ${reference}]`, error);
  return { error: `Something went wrong on our side (reference ${reference}). Nothing was changed.`, values };
}

/**
 * A public form's action (setup, sign-in): the service's own input schema first, so every
 * field's message shows at once, then the handler (where the service checks it again).
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = typedValues(formData);
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return { fieldErrors, values };
    }
    try {
      return (await handler(parsed.data)) ?? {};
    } catch (error) {
      return failure(error, values);
    }
  };
}

/**
 * Platform staff acting in a tenant leave an entry before the action runs, whatever it does
 * next (a service that changes something audits the change itself as well).
 */
async function auditStaffAction(context: ConsoleContext) {
  const { path } = await currentConsoleRequest();
  await recordAudit(await getDb(), {
    tenantId: context.tenant.id,
    actor: context.actor,
    action: "staff.action_submitted",
    detail: { path: path ?? "an unknown page" },
  });
}

/**
 * A console form's action: the signed-in user, their tenant and the permission, checked here.
 * This is where role checks live (lib/auth/README.md): services check the tenant, never the
 * role, so every console action that changes data goes through this wrapper with the
 * permission its change needs, and the service's exported input schema.
 */
export function consoleAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (data: z.infer<S>, context: ConsoleContext) => Promise<FormState | void>,
) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const context = await requireConsole(permission);
    if (context.tenant.viaStaff) await auditStaffAction(context);
    return validatedAction(schema, (data) => handler(data, context))(previous, formData);
  };
}
