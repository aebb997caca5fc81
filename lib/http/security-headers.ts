/**
 * The browser-facing security headers of every response. Static ones are set for all paths in
 * next.config.ts; the page Content-Security-Policy carries a fresh nonce per request and is
 * set by proxy.ts, which Next reads back to put that nonce on its own scripts.
 */

export type Header = { key: string; value: string };

/** Sent with every response, pages, API routes and static files alike. */
export const staticSecurityHeaders: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
  },
];

/** API routes answer JSON only: nothing in them may load anything or be framed. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Browsers that saw the console over https keep to https for a year. */
export const strictTransportSecurity = "max-age=31536000";

/** 128 random bits, base64: unguessable, and fresh for every page request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * A strict policy: only scripts carrying this response's nonce run, and what they load
 * ('strict-dynamic', which is how Next's chunks load). No inline event handlers, no plugins,
 * no <base> rewriting, forms post only here, and no other site may frame a page.
 * `next dev` needs eval for its error overlay; a production build never does.
 */
export function pageContentSecurityPolicy(nonce: string, options: { https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
