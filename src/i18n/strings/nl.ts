import type { Strings } from './strings.js';

export default {
  question: 'Was dit nuttig?',
  yes: 'Ja',
  no: 'Nee',
  summary: '{percent} van de lezers vond dit nuttig',
  thanks: 'Bedankt voor je feedback!',
  rejected: 'Sorry, je stem kon niet worden opgeslagen.',
  queued: 'Hij wordt verstuurd zodra de verbinding terug is.',
  followUp: {
    noReasons:
      'inaccurate=De informatie klopt niet|confusing=Het is moeilijk te begrijpen|missing=Het bevat niet wat ik zocht|outdated=Het is verouderd|other=Iets anders',
    yesReasons:
      'accurate=De informatie klopt|clear=Het is makkelijk te begrijpen|complete=Ik vond wat ik zocht|other=Iets anders',
    noQuestion: 'Wat was er mis?',
    yesQuestion: 'Wat vond je goed?',
    comment: 'Nog iets? (optioneel)',
    hint: 'Vermeld geen persoonlijke gegevens zoals je naam, e-mailadres of telefoonnummer.',
    left: 'Nog {n} tekens',
    send: 'Versturen',
    noThanks: 'Nee, bedankt',
    tellUsMore: 'Vertel meer',
    edit: 'Je opmerking bewerken',
    sent: 'Bedankt, we lezen elke opmerking.',
    empty: 'Kies een reden of schrijf een opmerking.',
    other: 'Licht het toe in je opmerking.',
    length: 'Maak je opmerking niet langer dan 1000 tekens.',
    characters: 'Verwijder de stuurtekens uit je opmerking.',
  },
} satisfies Strings;
