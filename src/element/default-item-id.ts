/** What a page is about when no `item-id` says so: its canonical URL, else its address without query or hash. */
export function defaultItemId(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical || location.origin + location.pathname;
}
