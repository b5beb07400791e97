import type { Strings } from './strings.js';

export default {
  question: 'هل كان هذا مفيدًا؟',
  yes: 'نعم',
  no: 'لا',
  summary: 'وجد {percent} من القرّاء هذا مفيدًا',
  thanks: 'شكرًا على ملاحظاتك!',
  rejected: 'عذرًا، تعذّر حفظ تصويتك.',
  queued: 'سيُرسَل عند عودة الاتصال.',
  followUp: {
    noReasons:
      'inaccurate=فيه معلومات خاطئة|confusing=يصعب فهمه|missing=لا يحتوي على ما كنت أبحث عنه|outdated=معلوماته قديمة|other=شيء آخر',
    yesReasons: 'accurate=معلوماته دقيقة|clear=سهل الفهم|complete=وجدت فيه ما كنت أبحث عنه|other=شيء آخر',
    noQuestion: 'ما المشكلة؟',
    yesQuestion: 'ما الذي أعجبك؟',
    comment: 'هل من شيء آخر؟ (اختياري)',
    hint: 'يُرجى عدم ذكر معلومات شخصية مثل اسمك أو بريدك الإلكتروني أو رقم هاتفك.',
    left: 'يتبقى {n} حرفًا',
    send: 'إرسال',
    noThanks: 'لا، شكرًا',
    tellUsMore: 'أخبرنا بالمزيد',
    edit: 'تعديل تعليقك',
    sent: 'شكرًا، نحن نقرأ كل تعليق.',
    empty: 'اختر سببًا أو اكتب تعليقًا.',
    other: 'يُرجى التوضيح في التعليق.',
    length: 'يُرجى اختصار تعليقك إلى 1000 حرف.',
    characters: 'يُرجى حذف أحرف التحكم من تعليقك.',
  },
} satisfies Strings;
