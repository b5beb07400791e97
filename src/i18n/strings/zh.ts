import type { Strings } from './strings.js';

export default {
  question: '这对您有帮助吗？',
  yes: '是',
  no: '否',
  summary: '{percent}的读者认为有帮助',
  thanks: '感谢您的反馈！',
  rejected: '抱歉，无法保存您的投票。',
  queued: '网络恢复后将自动发送。',
} satisfies Strings;
