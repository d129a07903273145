import serialize from 'canonicalize';

/** RFC 8785 canonical JSON of a value (sorted keys, no whitespace): equal values give equal text. */
export function canonicalize(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('value cannot be represented as JSON');
  return text;
}
