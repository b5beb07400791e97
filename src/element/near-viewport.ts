/** How far outside the viewport an element counts as near: counts arrive before the reader gets there. */
const NEAR_MARGIN = '400px';

/** Calls `callback` once, when `element` comes within a few hundred pixels of the viewport; returns a cancel. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  // Every engine the widget supports has IntersectionObserver (Safari since 12.1): no fallback to carry.
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      callback();
    },
    { rootMargin: NEAR_MARGIN },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
