"use client";

import { OnceSecret } from "@/components/ui/once-secret";
import type { Provider } from "@/db/schema";
import { PasteHint } from "./paste-hint";
import { useHandedOffSecret } from "./secret-handoff";

/** Right after Install now: the first token's secret, until this page is left. */
export function InstalledSecret({ integrationId, provider }: { integrationId: string; provider: Provider }) {
  const secret = useHandedOffSecret(integrationId);
  if (!secret) return null;
  return (
    <div className="mb-6">
      <OnceSecret title="Installed. Here is your Secret Token" label="secret token" secret={secret}>
        <PasteHint provider={provider} />
      </OnceSecret>
    </div>
  );
}
