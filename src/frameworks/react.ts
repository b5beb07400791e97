/**
 * `was-this-helpful-widget/react`: `<WasThisHelpful>`, the element as a React component (React 18 and 19),
 * made by `@lit/react`: props are set as the element's properties (`itemId`, `minVotes`, …) and events come
 * as `onHelpfulVote`, `onHelpfulCounts`, `onHelpfulError` and `onHelpfulFeedback`. Importing it registers the element. On the
 * server it renders the tag and its children, the fallback shown until the element loads.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../define.js';
import { WasThisHelpfulElement } from '../element/was-this-helpful-element.js';
import type { HelpfulEventDetails } from '../element/events.js';

const event = <Name extends keyof HelpfulEventDetails>(name: Name) =>
  name as EventName<CustomEvent<HelpfulEventDetails[Name]>>;

/** `<was-this-helpful>` as a React component. */
export const WasThisHelpful = createComponent({
  tagName: 'was-this-helpful',
  elementClass: WasThisHelpfulElement,
  react: React,
  events: {
    onHelpfulVote: event('helpful-vote'),
    onHelpfulCounts: event('helpful-counts'),
    onHelpfulError: event('helpful-error'),
    onHelpfulFeedback: event('helpful-feedback'),
  },
  displayName: 'WasThisHelpful',
});
