import type { Strings } from './strings.js';

export default {
  question: '¿Te ha resultado útil?',
  yes: 'Sí',
  no: 'No',
  summary: 'Al {percent} de los lectores les resultó útil',
  thanks: '¡Gracias por tu opinión!',
  rejected: 'Lo sentimos, no se ha podido guardar tu voto.',
  queued: 'Se enviará cuando vuelva la conexión.',
} satisfies Strings;
