import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireConsole } from "@/lib/auth/console-context";
import { ApiKeys } from "./_components/api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { tenant } = await requireConsole("api_keys:manage");
  const keys = await listApiKeys(await getDb(), tenant.id);
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys your application uses to read ${tenant.name}'s change events, people and roles from /api/v1. Each key is shown once.`}
      />
      <ApiKeys keys={keys} />
    </>
  );
}
