import { redirect } from "next/navigation";
import { requireConsole } from "@/lib/auth/console-context";
import { navigation } from "./_components/navigation";

/** The console's home is the first tenant page the signed-in role may open. */
export default async function Home() {
  const { can } = await requireConsole();
  const first = navigation.flatMap((s) => s.items).find((item) => !item.staffOnly && can(item.permission));
  redirect(first?.href ?? "/profile");
}
