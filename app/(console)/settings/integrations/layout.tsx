import { SecretHandoffProvider } from "./_components/secret-handoff";

export default function IntegrationsLayout({ children }: { children: React.ReactNode }) {
  return <SecretHandoffProvider>{children}</SecretHandoffProvider>;
}
