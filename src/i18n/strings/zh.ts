import type { Strings } from './strings.js';

export default {
  question: '这对您有帮助吗？',
  yes: '是',
  no: '否',
  summary: '{percent}的读者认为有帮助',
  thanks: '感谢您的反馈！',
  rejected: '抱歉，无法保存您的投票。',
  queued: '网络恢复后将自动发送。',
  followUp: {
    noReasons: 'inaccurate=信息有误|confusing=难以理解|missing=没有我要找的内容|outdated=内容已过时|other=其他',
    yesReasons: 'accurate=信息准确|clear=通俗易懂|complete=有我要找的内容|other=其他',
    noQuestion: '哪里有问题？',
    yesQuestion: '您喜欢哪些方面？',
    comment: '还有其他意见吗？（选填）',
    hint: '请勿填写姓名、电子邮件地址或电话号码等个人信息。',
    left: '还可输入 {n} 个字符',
    send: '发送',
    noThanks: '不用了',
    tellUsMore: '告诉我们更多',
    edit: '修改您的评论',
    sent: '谢谢，我们会阅读每一条评论。',
    empty: '请选择一个原因或填写评论。',
    other: '请在评论中具体说明。',
    length: '请将评论缩短至 1000 个字符以内。',
    characters: '请删除评论中的控制字符。',
  },
} satisfies Strings;
