const HAN = /\p{Script=Han}/u;

/**
 * The name a natural person is published under: never the full name. A Chinese name keeps its
 * first character (the surname) followed by 某 (张三 → 张某), the usual way Chinese courts and
 * regulators anonymise natural persons; any other name keeps its first letter followed by `***`.
 * Organisations' names are published as they are; an entry whose party type is unknown is masked.
 */
export function maskPartyName(name: string, partyType: string | undefined): string {
  if (partyType === 'enterprise') return name;
  const first = [...name.trim()][0] ?? '';
  return HAN.test(first) ? `${first}某` : `${first.toUpperCase()}***`;
}
