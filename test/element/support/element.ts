import type { WasThisHelpfulElement } from '../../../src/element/was-this-helpful-element.js';

const part = (el: WasThisHelpfulElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The element's inner parts, read the way a reader sees them. */
export function view(el: WasThisHelpfulElement) {
  return {
    yes: part(el, 'yes-button') as HTMLButtonElement,
    no: part(el, 'no-button') as HTMLButtonElement,
    question: part(el, 'question')?.textContent?.trim(),
    /** The summary a reader sees: '' while the line only holds its room (invisible, aria-hidden). */
    summary: part(el, 'summary')?.classList.contains('reserved') ? '' : part(el, 'summary')?.textContent?.trim(),
    hasSummary: part(el, 'summary') !== null,
    /** The visible thanks or error message. */
    message: (part(el, 'thanks') ?? part(el, 'error'))?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '',
    /** What the polite live region says. */
    announcement:
      part(el, 'status')
        ?.textContent?.replace(/[ \t\r\n]+/g, ' ')
        .trim() ?? '',
    pressed:
      (['yes', 'no'] as const).find((vote) => part(el, `${vote}-button`)?.getAttribute('aria-pressed') === 'true') ??
      null,
  };
}
