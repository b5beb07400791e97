import type { Strings } from './strings.js';

export default {
  question: 'Ti è stato utile?',
  yes: 'Sì',
  no: 'No',
  summary: 'Utile per il {percent} dei lettori',
  thanks: 'Grazie per il tuo feedback!',
  rejected: 'Spiacenti, non è stato possibile salvare il tuo voto.',
  queued: 'Verrà inviato quando tornerà la connessione.',
  followUp: {
    noReasons:
      'inaccurate=Contiene informazioni sbagliate|confusing=È difficile da capire|missing=Non c’è quello che cercavo|outdated=Non è aggiornato|other=Altro',
    yesReasons: 'accurate=È accurato|clear=È facile da capire|complete=C’era quello che cercavo|other=Altro',
    noQuestion: 'Che cosa non andava?',
    yesQuestion: 'Che cosa ti è piaciuto?',
    comment: 'Vuoi aggiungere altro? (facoltativo)',
    hint: 'Non inserire dati personali come il tuo nome, il tuo indirizzo email o il tuo numero di telefono.',
    left: 'Restano {n} caratteri',
    send: 'Invia',
    noThanks: 'No, grazie',
    tellUsMore: 'Dicci di più',
    edit: 'Modifica il tuo commento',
    sent: 'Grazie, leggiamo ogni commento.',
    empty: 'Scegli un motivo o scrivi un commento.',
    other: 'Spiegaci meglio nel commento.',
    length: 'Accorcia il commento a 1000 caratteri.',
    characters: 'Rimuovi i caratteri di controllo dal commento.',
  },
} satisfies Strings;
