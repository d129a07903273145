/** How many demo cases a first start with demo data on creates (`DEMO_CASES` overrides it). */
export const DEFAULT_DEMO_CASES = 250;
