"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { deactivatePerson, deactivatePersonInput } from "@/lib/people/deactivate-person";
import { personNameOf } from "@/lib/people/person-status";
import { purgePeople, purgePeopleInput } from "@/lib/people/purge-people";
import { purgePerson, purgePersonInput } from "@/lib/people/purge-person";
import { reactivatePerson, reactivatePersonInput } from "@/lib/people/reactivate-person";

export const deactivatePersonAction = consoleAction("people:manage", deactivatePersonInput, async (input, { tenant, actor }) => {
  const person = await deactivatePerson(await getDb(), tenant.id, input, actor);
  revalidatePath(`/people/${person.id}`);
  return { success: `${personNameOf(person)} was deactivated. SCIM now answers active: false.` };
});

export const reactivatePersonAction = consoleAction("people:manage", reactivatePersonInput, async (input, { tenant, actor }) => {
  const person = await reactivatePerson(await getDb(), tenant.id, input, actor);
  revalidatePath(`/people/${person.id}`);
  return { success: `${personNameOf(person)} was reactivated. SCIM now answers active: true.` };
});

export const purgePersonAction = consoleAction("people:manage", purgePersonInput, async (input, { tenant, actor }) => {
  await purgePerson(await getDb(), tenant.id, input, actor);
  revalidatePath(`/people/${input.personId}`);
  revalidatePath("/people");
  return { success: "The person was permanently deleted." };
});

export const purgePeopleAction = consoleAction("people:manage", purgePeopleInput, async (input, { tenant, actor }) => {
  const { purged } = await purgePeople(await getDb(), tenant.id, input, actor);
  revalidatePath("/people");
  return { success: `${purged} ${purged === 1 ? "person was" : "people were"} permanently deleted.` };
});
