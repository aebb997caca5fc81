import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SCIM Console", template: "%s · SCIM Console" },
  description: "Provisioning from Microsoft Entra ID and Okta, installed and watched in one place.",
};

// Every page is rendered per request, so Next can put that request's CSP nonce (proxy.ts) on
// its scripts; a page prerendered at build time would carry none and be blocked.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
