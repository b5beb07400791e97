import type { Strings } from './strings.js';

export default {
  question: 'Czy to było pomocne?',
  yes: 'Tak',
  no: 'Nie',
  summary: '{percent} czytelników uznało to za pomocne',
  thanks: 'Dziękujemy za opinię!',
  rejected: 'Niestety nie udało się zapisać głosu.',
  queued: 'Zostanie wysłany po przywróceniu połączenia.',
  followUp: {
    noReasons:
      'inaccurate=Zawiera błędne informacje|confusing=Jest trudne do zrozumienia|missing=Brakuje potrzebnych informacji|outdated=Jest nieaktualne|other=Coś innego',
    yesReasons:
      'accurate=Jest rzetelne|clear=Jest łatwe do zrozumienia|complete=Są tu potrzebne informacje|other=Coś innego',
    noQuestion: 'Co było nie tak?',
    yesQuestion: 'Co Ci się podobało?',
    comment: 'Coś jeszcze? (opcjonalnie)',
    hint: 'Nie podawaj danych osobowych, takich jak imię i nazwisko, adres e-mail czy numer telefonu.',
    left: 'Pozostało znaków: {n}',
    send: 'Wyślij',
    noThanks: 'Nie, dziękuję',
    tellUsMore: 'Powiedz więcej',
    edit: 'Edytuj komentarz',
    sent: 'Dziękujemy, czytamy każdy komentarz.',
    empty: 'Wybierz powód lub napisz komentarz.',
    other: 'Opisz to w komentarzu.',
    length: 'Skróć komentarz do 1000 znaków.',
    characters: 'Usuń znaki sterujące z komentarza.',
  },
} satisfies Strings;
