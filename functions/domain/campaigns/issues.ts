// What the campaign rules say to people: a stable code the console can say in its own words, and the
// rule's own sentence in Chinese and English for places (an import preview, a log) that show it as is.

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One problem of a setting, naming the field it is in. */
export interface CampaignIssue<Code extends string> {
  readonly field: string;
  readonly code: Code;
  readonly message: Bilingual;
}
