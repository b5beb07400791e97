/**
 * The Content-Security-Policy the demo is served with (`npm start` and the end-to-end tests): only the
 * site's own files, no inline code, no eval, and Trusted Types enforced. It shows the widget works on the
 * strictest pages; test/e2e/csp.test.mjs checks that every demo page reports no violation under it.
 */
export const DEMO_CSP = "default-src 'self'; require-trusted-types-for 'script'";
