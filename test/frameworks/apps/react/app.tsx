// The app of the React tests (18 and 19 alike): the wrapper with properties and an event handler, and the
// plain tag with attributes (and, on React 19, a listener prop). Each handler writes into the log.
import { useState, version } from 'react';
import { WasThisHelpful } from 'was-this-helpful-widget/react';
import type {} from 'was-this-helpful-widget/react-jsx';

/** React 19 attaches `on` + name props of a custom element as listeners; React 18 does not. */
const major = version.split('.')[0];
const listenerProps = Number(major) >= 19;

export function App() {
  const [log, setLog] = useState<string[]>([]);
  const add = (entry: string) => setLog((entries) => [...entries, entry]);
  return (
    <main>
      <WasThisHelpful
        id="wrapper"
        endpoint="/api/votes"
        itemId={`react${major}-wrapper`}
        minVotes={2}
        question="Did the wrapper help?"
        loading="eager"
        onHelpfulVote={(event) => add(`wrapper:${event.detail.itemId}:${event.detail.vote}`)}
        onHelpfulCounts={(event) => event.detail.yes + event.detail.no > 0 && add(`counts:${event.detail.yes}`)}
      >
        <a href="/feedback">Tell us whether this page was helpful</a>
      </WasThisHelpful>
      <was-this-helpful
        id="tag"
        endpoint="/api/votes"
        item-id={`react${major}-tag`}
        yes-label="Yep"
        min-votes={1}
        hide-summary={false}
        loading="eager"
        {...(listenerProps ? { 'onhelpful-vote': (event) => add(`tag:${event.detail.vote}`) } : {})}
      />
      <output id="log">{log.join(' ')}</output>
      <p id="react-version">{version}</p>
    </main>
  );
}

// What the declarations refuse: each line below must be a type error, or tsc fails on the unused directive.
// @ts-expect-error: min-votes is a number, not an object
export const wrongAttribute = <was-this-helpful min-votes={{ two: 2 }} />;
// @ts-expect-error: loading is 'lazy' or 'eager'
export const wrongLoading = <was-this-helpful loading="sometimes" />;
// @ts-expect-error: the wrapper's vote event has no `votes`
export const wrongDetail = <WasThisHelpful onHelpfulVote={(event) => event.detail.votes} />;
