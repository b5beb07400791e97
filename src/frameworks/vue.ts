/**
 * `<was-this-helpful>` in Vue 3 templates, for `vue-tsc` and Volar: its attributes and its events
 * (`@helpful-vote`). Types only: add `import type {} from 'was-this-helpful-widget/vue';` once, and tell Vue's
 * compiler the tag is a custom element (`compilerOptions.isCustomElement`, see docs/frameworks.md).
 */
import type { DefineComponent } from 'vue';
import type { WasThisHelpfulAttributes, WasThisHelpfulEventProps } from './attributes.js';

/** `item-id` → `itemId`: Vue matches a template's kebab-case attributes to camel-cased props. */
type CamelCase<Name extends string> = Name extends `${infer First}-${infer Rest}`
  ? `${First}${Capitalize<CamelCase<Rest>>}`
  : Name;

/** `<was-this-helpful>` as a Vue component: its attributes (camel-cased, as Vue's props are) and event handlers. */
export type WasThisHelpfulVueComponent = DefineComponent<
  {
    [Name in keyof WasThisHelpfulAttributes as CamelCase<Name>]: WasThisHelpfulAttributes[Name];
  } & WasThisHelpfulEventProps
>;

declare module 'vue' {
  interface GlobalComponents {
    'was-this-helpful': WasThisHelpfulVueComponent;
  }
}
