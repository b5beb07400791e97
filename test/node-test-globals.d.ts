// What the end-to-end and package tests keep on the page's window between their steps (checkJs reads it).
export {};

declare global {
  interface Window {
    /** Content-Security-Policy violations reported on the page (test/e2e/csp.test.mjs). */
    violations: string[];
    /** Layout shifts seen on the page (test/e2e/layout-shift.test.mjs). */
    __shifts: Array<{ value: number; at: number; input: boolean; sources: unknown[] }>;
    /** Whether the bundler build's import gave the registered class (test/package/package.test.mjs). */
    imported: boolean;
    /** Set only if a comment's markup ran on the report page (test/e2e/report-page.test.mjs): it must not. */
    injected?: boolean;
    /** axe-core, injected by the report page's test (test/e2e/report-page.test.mjs). */
    axe: { run(context: Node): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
  }
}
