import type { Strings } from './strings.js';

export default {
  question: '¿Te ha resultado útil?',
  yes: 'Sí',
  no: 'No',
  summary: 'Al {percent} de los lectores les resultó útil',
  thanks: '¡Gracias por tu opinión!',
  rejected: 'Lo sentimos, no se ha podido guardar tu voto.',
  queued: 'Se enviará cuando vuelva la conexión.',
  followUp: {
    noReasons:
      'inaccurate=Tiene información incorrecta|confusing=Es difícil de entender|missing=No tiene lo que buscaba|outdated=Está desactualizado|other=Otra cosa',
    yesReasons: 'accurate=Es correcto|clear=Es fácil de entender|complete=Tenía lo que buscaba|other=Otra cosa',
    noQuestion: '¿Qué estaba mal?',
    yesQuestion: '¿Qué te ha gustado?',
    comment: '¿Algo más? (opcional)',
    hint: 'No incluyas datos personales como tu nombre, tu correo electrónico o tu número de teléfono.',
    left: 'Quedan {n} caracteres',
    send: 'Enviar',
    noThanks: 'No, gracias',
    tellUsMore: 'Cuéntanos más',
    edit: 'Editar tu comentario',
    sent: 'Gracias, leemos todos los comentarios.',
    empty: 'Elige un motivo o escribe un comentario.',
    other: 'Cuéntanos más en el comentario.',
    length: 'Acorta tu comentario a 1000 caracteres.',
    characters: 'Quita los caracteres de control de tu comentario.',
  },
} satisfies Strings;
