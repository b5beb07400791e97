// `tsc` on Preact's JSX: the tag with its attributes and a listener, and what the declarations refuse.
import type {} from 'was-this-helpful-widget/preact-jsx';

export const good = (
  <was-this-helpful
    endpoint="/api/votes"
    item-id="preact-item"
    min-votes={2}
    loading="lazy"
    onhelpful-vote={(event) => event.detail.vote === 'yes'}
  />
);
// @ts-expect-error: loading is 'lazy' or 'eager'
export const wrongLoading = <was-this-helpful loading="sometimes" />;
// @ts-expect-error: the vote event has no `votes`
export const wrongDetail = <was-this-helpful onhelpful-vote={(event) => event.detail.votes} />;
