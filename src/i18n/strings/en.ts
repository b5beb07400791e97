import type { Strings } from './strings.js';

export const en: Strings = {
  question: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  summary: '{percent} of readers found this helpful',
  thanks: 'Thanks for your feedback!',
  rejected: 'Sorry, your vote could not be saved.',
  queued: 'It will be sent when the connection returns.',
};
