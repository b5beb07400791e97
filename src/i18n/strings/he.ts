import type { Strings } from './strings.js';

export default {
  question: 'האם זה עזר לך?',
  yes: 'כן',
  no: 'לא',
  summary: '{percent} מהקוראים מצאו את זה מועיל',
  thanks: 'תודה על המשוב!',
  rejected: 'מצטערים, לא הצלחנו לשמור את ההצבעה שלך.',
  queued: 'היא תישלח כשהחיבור יחזור.',
  followUp: {
    noReasons:
      'inaccurate=יש בו מידע שגוי|confusing=קשה להבין אותו|missing=אין בו את מה שחיפשתי|outdated=הוא לא מעודכן|other=משהו אחר',
    yesReasons: 'accurate=המידע מדויק|clear=קל להבין אותו|complete=מצאתי בו את מה שחיפשתי|other=משהו אחר',
    noQuestion: 'מה לא היה בסדר?',
    yesQuestion: 'מה אהבת?',
    comment: 'יש עוד משהו? (לא חובה)',
    hint: 'נא לא לכלול מידע אישי כמו שם, כתובת דוא״ל או מספר טלפון.',
    left: 'נותרו {n} תווים',
    send: 'שליחה',
    noThanks: 'לא תודה',
    tellUsMore: 'לספר עוד',
    edit: 'עריכת התגובה',
    sent: 'תודה, אנחנו קוראים כל תגובה.',
    empty: 'יש לבחור סיבה או לכתוב תגובה.',
    other: 'נא לפרט בתגובה.',
    length: 'נא לקצר את התגובה ל־1000 תווים.',
    characters: 'נא להסיר את תווי הבקרה מהתגובה.',
  },
} satisfies Strings;
