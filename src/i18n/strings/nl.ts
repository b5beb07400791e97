import type { Strings } from './strings.js';

export default {
  question: 'Was dit nuttig?',
  yes: 'Ja',
  no: 'Nee',
  summary: '{percent} van de lezers vond dit nuttig',
  thanks: 'Bedankt voor je feedback!',
  rejected: 'Sorry, je stem kon niet worden opgeslagen.',
  queued: 'Hij wordt verstuurd zodra de verbinding terug is.',
} satisfies Strings;
