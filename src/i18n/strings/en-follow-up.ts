import type { FollowUpStrings } from './strings.js';

/** English texts of the follow-up form: imported by the form's module only, so they load with it. */
export const enFollowUp: FollowUpStrings = {
  noReasons:
    'inaccurate=It has wrong information|confusing=It is hard to understand|missing=It does not have what I was looking for|outdated=It is out of date|other=Something else',
  yesReasons:
    'accurate=It is accurate|clear=It is easy to understand|complete=It had what I was looking for|other=Something else',
  noQuestion: 'What was wrong?',
  yesQuestion: 'What did you like?',
  comment: 'Anything else? (optional)',
  hint: "Please don't include personal information such as your name, email address or phone number.",
  left: '{n} characters left',
  send: 'Send',
  noThanks: 'No thanks',
  tellUsMore: 'Tell us more',
  edit: 'Edit your comment',
  sent: 'Thanks, we read every comment.',
  empty: 'Choose a reason or write a comment.',
  other: 'Please tell us more in the comment.',
  length: 'Please shorten your comment to 1,000 characters.',
  characters: 'Please remove the control characters from your comment.',
};
