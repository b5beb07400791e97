import type { Strings } from './strings.js';

export default {
  question: 'Cette page vous a-t-elle été utile\u00a0?',
  yes: 'Oui',
  no: 'Non',
  summary: '{percent} des lecteurs l’ont trouvée utile',
  thanks: 'Merci pour votre avis\u00a0!',
  rejected: 'Désolé, votre vote n’a pas pu être enregistré.',
  queued: 'Il sera envoyé dès le retour de la connexion.',
} satisfies Strings;
