import type { Strings } from './strings.js';

export default {
  question: 'この情報は役に立ちましたか？',
  yes: 'はい',
  no: 'いいえ',
  summary: '{percent}の読者が役に立ったと回答しています',
  thanks: 'ご意見ありがとうございました。',
  rejected: '申し訳ありません。投票を保存できませんでした。',
  queued: '接続が回復すると送信されます。',
  followUp: {
    noReasons:
      'inaccurate=情報が間違っている|confusing=わかりにくい|missing=探していた情報がない|outdated=情報が古い|other=その他',
    yesReasons: 'accurate=情報が正確|clear=わかりやすい|complete=探していた情報があった|other=その他',
    noQuestion: 'どこに問題がありましたか？',
    yesQuestion: 'どこが良かったですか？',
    comment: 'ほかにご意見はありますか？（任意）',
    hint: 'お名前、メールアドレス、電話番号などの個人情報は入力しないでください。',
    left: '残り{n}文字',
    send: '送信',
    noThanks: '回答しない',
    tellUsMore: '詳しく伝える',
    edit: 'コメントを編集',
    sent: 'ありがとうございます。コメントはすべて拝見しています。',
    empty: '理由を選ぶか、コメントを入力してください。',
    other: 'コメント欄に詳しくご記入ください。',
    length: 'コメントを1,000文字以内にしてください。',
    characters: 'コメントから制御文字を削除してください。',
  },
} satisfies Strings;
