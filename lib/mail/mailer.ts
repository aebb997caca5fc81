import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type MailMessage = { to: string; subject: string; text: string };

/** Sends one plain-text email; rejects when the mail server does not take it. */
export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * An SMTP mailer. The timeouts are short because an admin waits for the form: a mail server
 * that does not answer fails the email, never the action that sent it.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail(message);
    },
  };
}

let configured: Mailer | null | undefined;

/** The mailer SMTP_URL names, or null when the console sends no email. */
export function configuredMailer(): Mailer | null {
  if (configured !== undefined) return configured;
  const { SMTP_URL, SMTP_FROM, APP_URL } = env();
  configured = SMTP_URL ? smtpMailer(SMTP_URL, SMTP_FROM ?? `SCIM Console <no-reply@${new URL(APP_URL).hostname}>`) : null;
  return configured;
}
