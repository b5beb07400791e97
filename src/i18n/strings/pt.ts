import type { Strings } from './strings.js';

export default {
  question: 'Isto foi útil?',
  yes: 'Sim',
  no: 'Não',
  summary: '{percent} dos leitores acharam isto útil',
  thanks: 'Obrigado pelo seu feedback!',
  rejected: 'Desculpe, não foi possível guardar o seu voto.',
  queued: 'Será enviado quando a conexão voltar.',
  followUp: {
    noReasons:
      'inaccurate=Tem informações erradas|confusing=É difícil de entender|missing=Não tem o que eu procurava|outdated=Está desatualizado|other=Outra coisa',
    yesReasons: 'accurate=É correto|clear=É fácil de entender|complete=Tinha o que eu procurava|other=Outra coisa',
    noQuestion: 'O que estava errado?',
    yesQuestion: 'Do que gostou?',
    comment: 'Mais alguma coisa? (opcional)',
    hint: 'Não inclua dados pessoais, como o seu nome, e-mail ou número de telefone.',
    left: 'Restam {n} caracteres',
    send: 'Enviar',
    noThanks: 'Não, obrigado',
    tellUsMore: 'Contar mais',
    edit: 'Editar o seu comentário',
    sent: 'Obrigado, lemos todos os comentários.',
    empty: 'Escolha um motivo ou escreva um comentário.',
    other: 'Conte-nos mais no comentário.',
    length: 'Encurte o seu comentário para 1000 caracteres.',
    characters: 'Remova os caracteres de controlo do seu comentário.',
  },
} satisfies Strings;
