import type { Strings } from './strings.js';

export default {
  question: 'هل كان هذا مفيدًا؟',
  yes: 'نعم',
  no: 'لا',
  summary: 'وجد {percent} من القرّاء هذا مفيدًا',
  thanks: 'شكرًا على ملاحظاتك!',
  rejected: 'عذرًا، تعذّر حفظ تصويتك.',
  queued: 'سيُرسَل عند عودة الاتصال.',
} satisfies Strings;
