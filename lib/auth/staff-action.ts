import { redirect } from "next/navigation";
import type { z } from "zod";
import type { RequestOrigin, StaffMember } from "@/lib/staff/staff-actor";
import { currentConsoleRequest } from "./current-console-request";
import { validatedAction, type FormState } from "./form-action";
import { currentUser } from "./session";

export type StaffRequest = { staff: StaffMember; origin: RequestOrigin };

/**
 * A platform page's form action: signed in, zod first, then the handler with the console
 * user and where the request came from. It acts in no tenant, so unlike consoleAction it
 * audits nothing itself; the lib/staff services refuse anyone who is not staff, and audit
 * what they do in the tenant it lands in. `R` is what the form shows besides FormState.
 */
export function staffAction<S extends z.ZodType, R extends object = object>(
  schema: S,
  handler: (data: z.infer<S>, request: StaffRequest) => Promise<FormState & R>,
) {
  return async (previous: FormState & R, formData: FormData): Promise<FormState & R> => {
    const user = await currentUser();
    if (!user) redirect("/sign-in");
    const { sourceAddress, userAgent } = await currentConsoleRequest();
    const request = { staff: user, origin: { sourceAddress, userAgent } };
    // validatedAction hands the handler's result back as it is: R's fields come through.
    return (await validatedAction(schema, (data) => handler(data, request))(previous, formData)) as FormState & R;
  };
}
