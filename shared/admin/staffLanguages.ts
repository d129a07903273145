/** Languages a staff member can work a case in (ISO 639-1 codes), shown by their own names. */
export const STAFF_LANGUAGES = ['zh', 'en', 'ja', 'ko', 'de', 'fr', 'es', 'ru', 'ar', 'pt'] as const;
/** A working language of a staff member. */
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];
