/**
 * proxy.ts sets this request header to the page's path on every page request, replacing
 * whatever a client sent, so server code can name the page it renders (for the audit log).
 */
export const REQUEST_PATH_HEADER = "x-console-path";
