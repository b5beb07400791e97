import type { Strings } from './strings.js';

export default {
  question: 'Czy to było pomocne?',
  yes: 'Tak',
  no: 'Nie',
  summary: '{percent} czytelników uznało to za pomocne',
  thanks: 'Dziękujemy za opinię!',
  rejected: 'Niestety nie udało się zapisać głosu.',
  queued: 'Zostanie wysłany po przywróceniu połączenia.',
} satisfies Strings;
