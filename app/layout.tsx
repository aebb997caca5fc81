import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SCIM Console", template: "%s · SCIM Console" },
  description: "Provisioning from Microsoft Entra ID and Okta, installed and watched in one place.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
