"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useState } from "react";

type Handoff = { integrationId: string; secret: string };

const HandoffContext = createContext<{ handoff: Handoff | null; handOff: (value: Handoff) => void }>({
  handoff: null,
  handOff: () => {},
});

const pageOf = (integrationId: string) => `/settings/integrations/${integrationId}`;

/**
 * Carries the first token's secret from Install now to the new integration's page, in memory
 * only: never a URL, a cookie or storage. Leaving that page drops it, so it is shown once.
 */
export function SecretHandoffProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const [path, setPath] = useState(pathname);
  if (pathname !== path) {
    setPath(pathname);
    if (handoff && pathname !== pageOf(handoff.integrationId)) setHandoff(null);
  }
  return <HandoffContext value={{ handoff, handOff: setHandoff }}>{children}</HandoffContext>;
}

export function useSecretHandoff() {
  return useContext(HandoffContext);
}

/** The handed-off secret, if it belongs to this integration. */
export function useHandedOffSecret(integrationId: string): string | null {
  const { handoff } = useSecretHandoff();
  return handoff?.integrationId === integrationId ? handoff.secret : null;
}

export { pageOf as integrationPage };
