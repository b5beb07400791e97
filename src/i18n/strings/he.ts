import type { Strings } from './strings.js';

export default {
  question: 'האם זה עזר לך?',
  yes: 'כן',
  no: 'לא',
  summary: '{percent} מהקוראים מצאו את זה מועיל',
  thanks: 'תודה על המשוב!',
  rejected: 'מצטערים, לא הצלחנו לשמור את ההצבעה שלך.',
  queued: 'היא תישלח כשהחיבור יחזור.',
} satisfies Strings;
