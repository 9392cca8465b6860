// The two languages of the UI and the shape of a label table. A leaf module so the label tables can be
// typed without importing i18n.tsx, which imports them to build the catalogue.

export type Lang = 'zh' | 'en';

/** Label tables: each key carries its text in both languages. */
export type Labels = Record<string, Record<Lang, string>>;
