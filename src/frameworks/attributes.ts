import type { HelpfulEventDetails } from '../element/events.js';

/**
 * The attributes of `<was-this-helpful>` as markup writes them, for the JSX and template typings of each
 * framework. Numbers may be given as numbers or strings, as markup would.
 */
export interface WasThisHelpfulAttributes {
  /** URL of the votes API, resolved against the page; absent: local-only mode. */
  endpoint?: string;
  /** What is being rated; defaults to the canonical URL, else the page's origin and path. */
  'item-id'?: string;
  /** The prompt; defaults to "Was this helpful?" in the element's language. */
  question?: string;
  /** The positive button's label. */
  'yes-label'?: string;
  /** The negative button's label. */
  'no-label'?: string;
  /** The running-percentage line, with `{percent}`, `{yes}`, `{no}` and `{total}`. */
  summary?: string;
  /** The summary is hidden until yes + no reaches this number. */
  'min-votes'?: number | string;
  /** Never show the summary. */
  'hide-summary'?: boolean;
  /** Show only the summary line, no buttons. */
  'summary-only'?: boolean;
  /** Shown and announced after a vote in this page view. */
  thanks?: string;
  /** Language of the built-in strings and number formatting. */
  lang?: string;
  /** `lazy`: counts are fetched when the element nears the viewport; `eager`: at once. */
  loading?: 'lazy' | 'eager';
  /** Milliseconds before a request counts as failed. */
  timeout?: number | string;
  /** After which vote the follow-up form appears; never in local-only mode. */
  'follow-up'?: 'no' | 'yes' | 'both' | 'off';
  /** The reasons offered after No, as `code=Label|code=Label`. */
  'no-reasons'?: string;
  /** The reasons offered after Yes, as `code=Label|code=Label`. */
  'yes-reasons'?: string;
  /** Label of the follow-up's comment box. */
  'comment-label'?: string;
}

/** Each event's listener, as `on` + the event's name: React 19 and Preact attach these to the element. */
export type WasThisHelpfulEventListeners = {
  [Name in keyof HelpfulEventDetails as `on${Name}`]?: (event: CustomEvent<HelpfulEventDetails[Name]>) => void;
};

/** `helpful-vote` → `HelpfulVote`. */
type PascalCase<Name extends string> = Name extends `${infer First}-${infer Rest}`
  ? `${Capitalize<First>}${PascalCase<Rest>}`
  : Capitalize<Name>;

/** Each event's handler as a camel-cased prop (`onHelpfulVote`): the React wrapper's props and Vue's `@helpful-vote`. */
export type WasThisHelpfulEventProps = {
  [Name in keyof HelpfulEventDetails as `on${PascalCase<Name>}`]?: (
    event: CustomEvent<HelpfulEventDetails[Name]>,
  ) => void;
};
