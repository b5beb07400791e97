import type { Strings } from './strings.js';

export default {
  question: 'War das hilfreich?',
  yes: 'Ja',
  no: 'Nein',
  summary: '{percent} der Leserinnen und Leser fanden das hilfreich',
  thanks: 'Danke für Ihr Feedback!',
  rejected: 'Ihre Stimme konnte leider nicht gespeichert werden.',
  queued: 'Sie wird gesendet, sobald die Verbindung wieder steht.',
  followUp: {
    noReasons:
      'inaccurate=Die Informationen sind falsch|confusing=Es ist schwer zu verstehen|missing=Es fehlt, was ich gesucht habe|outdated=Es ist veraltet|other=Etwas anderes',
    yesReasons:
      'accurate=Die Informationen stimmen|clear=Es ist leicht zu verstehen|complete=Ich habe gefunden, was ich gesucht habe|other=Etwas anderes',
    noQuestion: 'Was hat nicht gestimmt?',
    yesQuestion: 'Was hat Ihnen gefallen?',
    comment: 'Sonst noch etwas? (optional)',
    hint: 'Bitte geben Sie keine persönlichen Daten wie Ihren Namen, Ihre E-Mail-Adresse oder Telefonnummer an.',
    left: 'Noch {n} Zeichen',
    send: 'Senden',
    noThanks: 'Nein danke',
    tellUsMore: 'Mehr erzählen',
    edit: 'Kommentar bearbeiten',
    sent: 'Danke, wir lesen jeden Kommentar.',
    empty: 'Wählen Sie einen Grund oder schreiben Sie einen Kommentar.',
    other: 'Bitte beschreiben Sie es im Kommentar.',
    length: 'Bitte kürzen Sie Ihren Kommentar auf 1.000 Zeichen.',
    characters: 'Bitte entfernen Sie die Steuerzeichen aus Ihrem Kommentar.',
  },
} satisfies Strings;
