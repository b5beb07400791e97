import { waitUntil } from '@open-wc/testing';
import type { WasThisHelpfulElement } from '../../../src/element/was-this-helpful-element.js';

/** A page view in an iframe of the same origin: same localStorage, a fresh copy of every module. */
export interface PageFrame {
  frame: HTMLIFrameElement;
  document: Document;
  window: Window & typeof globalThis;
  element(selector?: string): WasThisHelpfulElement;
  close(): void;
}

/**
 * Loads `body` with the element's script into a new same-origin iframe: the way to test what a reader
 * sees on a reload, a revisit or in a second tab.
 */
export async function openPage(body: string, { script = '/src/define.ts', head = '' } = {}): Promise<PageFrame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 600px; height: 400px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head>${head}</head><body>${body}<script type="module" src="${script}"></script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  if (!script.startsWith('data:'))
    await waitUntil(() => win.customElements.get('was-this-helpful'), 'the element was not defined in the frame', {
      timeout: 5000,
    });
  const elements = [...win.document.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
  await Promise.all(elements.map((el) => el.updateComplete));
  return {
    frame,
    document: win.document,
    window: win,
    element: (selector = 'was-this-helpful') => win.document.querySelector(selector) as WasThisHelpfulElement,
    close: () => frame.remove(),
  };
}
