import type { Strings } from './strings.js';

export default {
  question: 'この情報は役に立ちましたか？',
  yes: 'はい',
  no: 'いいえ',
  summary: '{percent}の読者が役に立ったと回答しています',
  thanks: 'ご意見ありがとうございました。',
  rejected: '申し訳ありません。投票を保存できませんでした。',
  queued: '接続が回復すると送信されます。',
} satisfies Strings;
