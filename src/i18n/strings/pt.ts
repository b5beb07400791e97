import type { Strings } from './strings.js';

export default {
  question: 'Isto foi útil?',
  yes: 'Sim',
  no: 'Não',
  summary: '{percent} dos leitores acharam isto útil',
  thanks: 'Obrigado pelo seu feedback!',
  rejected: 'Desculpe, não foi possível guardar o seu voto.',
  queued: 'Será enviado quando a conexão voltar.',
} satisfies Strings;
