import type { Strings } from './strings.js';

export default {
  question: 'Cette page vous a-t-elle été utile\u00a0?',
  yes: 'Oui',
  no: 'Non',
  summary: '{percent} des lecteurs l’ont trouvée utile',
  thanks: 'Merci pour votre avis\u00a0!',
  rejected: 'Désolé, votre vote n’a pas pu être enregistré.',
  queued: 'Il sera envoyé dès le retour de la connexion.',
  followUp: {
    noReasons:
      'inaccurate=Les informations sont fausses|confusing=C’est difficile à comprendre|missing=Je n’y ai pas trouvé ce que je cherchais|outdated=Ce n’est plus à jour|other=Autre chose',
    yesReasons:
      'accurate=Les informations sont justes|clear=C’est facile à comprendre|complete=J’y ai trouvé ce que je cherchais|other=Autre chose',
    noQuestion: 'Qu’est-ce qui n’allait pas\u00a0?',
    yesQuestion: 'Qu’avez-vous apprécié\u00a0?',
    comment: 'Autre chose\u00a0? (facultatif)',
    hint: 'N’indiquez aucune donnée personnelle, comme votre nom, votre adresse e-mail ou votre numéro de téléphone.',
    left: 'Encore {n}\u00a0caractères',
    send: 'Envoyer',
    noThanks: 'Non merci',
    tellUsMore: 'En dire plus',
    edit: 'Modifier votre commentaire',
    sent: 'Merci, nous lisons chaque commentaire.',
    empty: 'Choisissez une raison ou écrivez un commentaire.',
    other: 'Précisez votre réponse dans le commentaire.',
    length: 'Raccourcissez votre commentaire à 1\u00a0000\u00a0caractères.',
    characters: 'Retirez les caractères de contrôle de votre commentaire.',
  },
} satisfies Strings;
