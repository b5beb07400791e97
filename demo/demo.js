// The demo uses the reference endpoint when the page is served by `was-this-helpful serve`, and
// local-only mode when it is opened from any other static server. The mode is chosen before the widget
// script loads, so no widget ever starts in the wrong mode.
const mode = document.getElementById('mode');
const live = await fetch('/healthz', { cache: 'no-store' }).then(
  (health) => health.ok,
  () => false,
);
if (live) {
  for (const widget of document.querySelectorAll('was-this-helpful')) widget.setAttribute('endpoint', '/api/votes');
}
if (mode)
  mode.textContent = live
    ? 'Live: votes go to the reference endpoint (/api/votes) and are shared by every reader; after No, the widget asks why.'
    : 'Local-only mode: no endpoint here, so votes and tallies stay in this browser.';
await import('./was-this-helpful.bundle.js');
