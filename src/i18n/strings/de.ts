import type { Strings } from './strings.js';

export default {
  question: 'War das hilfreich?',
  yes: 'Ja',
  no: 'Nein',
  summary: '{percent} der Leserinnen und Leser fanden das hilfreich',
  thanks: 'Danke für Ihr Feedback!',
  rejected: 'Ihre Stimme konnte leider nicht gespeichert werden.',
  queued: 'Sie wird gesendet, sobald die Verbindung wieder steht.',
} satisfies Strings;
