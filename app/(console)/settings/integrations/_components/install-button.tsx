"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { Provider } from "@/db/schema";
import { installIntegrationAction } from "../actions";
import { integrationPage, useSecretHandoff } from "./secret-handoff";

/** Install now: creates the integration, then opens its page with the first secret shown once. */
export function InstallButton({ provider, name }: { provider: Provider; name: string }) {
  const router = useRouter();
  const { handOff } = useSecretHandoff();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  function install() {
    startTransition(async () => {
      const form = new FormData();
      form.set("provider", provider);
      const result = await installIntegrationAction({}, form);
      const reveal = result.reveal;
      if (reveal?.integrationId && reveal.secret) {
        handOff({ integrationId: reveal.integrationId, secret: reveal.secret });
        router.push(integrationPage(reveal.integrationId));
      } else {
        setError(result.error ?? Object.values(result.fieldErrors ?? {})[0] ?? "The app could not be installed.");
      }
    });
  }
  return (
    <div>
      <Button type="button" onClick={install} disabled={pending} aria-label={`Install ${name} now`} className="w-full">
        {pending ? "Installing…" : "Install now"}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
