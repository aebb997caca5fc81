import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

/** Where the current request comes from: its address (see `clientAddress`) and user agent. */
export async function requestOrigin(): Promise<{ sourceAddress: string | null; userAgent: string | null }> {
  const list = await headers();
  return { sourceAddress: clientAddress(list, env().TRUST_PROXY), userAgent: list.get("user-agent") };
}
