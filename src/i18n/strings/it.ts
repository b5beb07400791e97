import type { Strings } from './strings.js';

export default {
  question: 'Ti è stato utile?',
  yes: 'Sì',
  no: 'No',
  summary: 'Utile per il {percent} dei lettori',
  thanks: 'Grazie per il tuo feedback!',
  rejected: 'Spiacenti, non è stato possibile salvare il tuo voto.',
  queued: 'Verrà inviato quando tornerà la connessione.',
} satisfies Strings;
