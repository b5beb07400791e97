import { fixture, waitUntil } from '@open-wc/testing';
import type { WasThisHelpfulElement } from '../../../src/element/was-this-helpful-element.js';
import { view } from './element.js';
import { mockEndpoint, uniqueId, type MockEndpoint } from './mock-endpoint.js';

/** The follow-up form's parts, read the way a reader sees them. */
export function formView(el: WasThisHelpfulElement) {
  const root = el.shadowRoot!;
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim();
  const reasons = [...root.querySelectorAll<HTMLInputElement>('input[name="reason"]')];
  const buttons = [
    ...root.querySelectorAll<HTMLButtonElement>('button:not([part~="yes-button"]):not([part~="no-button"])'),
  ];
  return {
    form: root.querySelector<HTMLFormElement>('[part~="follow-up"]'),
    group: root.querySelector('fieldset'),
    question: text(root.querySelector('legend')),
    reasons,
    labels: reasons.map((input) => text(input.closest('label'))),
    codes: reasons.map((input) => input.value),
    comment: root.querySelector('textarea'),
    commentLabel: text(root.querySelector('label[for="follow-up-comment"]')),
    hint: root.querySelector('#follow-up-hint'),
    left: text(root.querySelector('#follow-up-left')),
    error: root.querySelector<HTMLElement>('[part~="follow-up-error"]'),
    honeypot: root.querySelector<HTMLInputElement>('input[name="website"]'),
    thanks: root.querySelector<HTMLElement>('[part~="follow-up-thanks"]'),
    /** A button of the form (or of the way back to it) by its text. */
    button: (label: string) => buttons.find((button) => text(button) === label),
    buttons: buttons.map((button) => text(button)),
    focused: root.activeElement,
  };
}

/** Types into the comment box as a reader would (the box then fires `input`). */
export function typeComment(el: WasThisHelpfulElement, value: string): void {
  const box = formView(el).comment!;
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The POSTs the endpoint has seen, parsed. */
export const posts = async (endpoint: MockEndpoint) =>
  (await endpoint.requests())
    .filter((request) => request.method === 'POST')
    .map((request) => JSON.parse(request.body!) as Record<string, unknown>);

/** A widget on a fresh mock endpoint with `attributes` (counts loaded at once). */
export async function widget(attributes: Record<string, string> = {}, settings: Record<string, unknown> = {}) {
  const endpoint = await mockEndpoint(settings);
  const id = uniqueId();
  const all: Record<string, string> = { endpoint: endpoint.url, 'item-id': id, loading: 'eager', ...attributes };
  const markup = Object.entries(all)
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const el = await fixture<WasThisHelpfulElement>(`<was-this-helpful${markup}></was-this-helpful>`);
  return { el, endpoint, id };
}

/** Votes `vote` and waits until the vote is announced: by then the form is there if the vote asks for it. */
export async function voteAndSettle(el: WasThisHelpfulElement, vote: 'yes' | 'no'): Promise<void> {
  view(el)[vote].click();
  await waitUntil(() => view(el).announcement !== '', 'the vote was not announced', { timeout: 5000 });
  await el.updateComplete;
}

/** A widget whose reader voted `vote`, with the follow-up form open. */
export async function openForm(vote: 'yes' | 'no' = 'no', attributes: Record<string, string> = {}, settings = {}) {
  const made = await widget(attributes, settings);
  await voteAndSettle(made.el, vote);
  await waitUntil(() => formView(made.el).form, 'the follow-up form did not appear', { timeout: 5000 });
  return made;
}
