// What element.js decides before the module starts (the loading and
// fallback screens, and which language pack to fetch first), decided as the
// module decides it: crates/element/tests/resolve.rs runs these functions
// against the Rust ones (Lang::from_tag, emergency_number_for and
// valid_number) over a table of tags and numbers, so the two cannot drift.

// The number shown when no other applies.
export const DEFAULT_NUMBER = '112';

// A language tag's supported language, or null (Lang::from_tag in
// src/kb/lang.rs: the primary subtag; Chinese only in Traditional script).
export function tagLang(tag) {
  const [primary, sub] = (tag ?? '').toLowerCase().split(/[-_]/);
  if (primary === 'en' || primary === 'es') return primary;
  if (primary === 'zh' && (sub === undefined || ['hant', 'tw', 'hk', 'mo'].includes(sub))) return 'zh-Hant';
  return null;
}

// The number for the region a language tag names, from `numbers` (the
// module's table, kb/emergency_numbers.toml, as emergency-numbers.js has
// it; emergency_number_for in src/kb/lang.rs). The region is the first
// two-letter subtag after the language, before any one-letter extension
// (`en-x-gb` names none).
export function regionNumber(tag, numbers) {
  const subtags = (tag ?? '').toUpperCase().split(/[-_]/).slice(1);
  const end = subtags.findIndex((s) => s.length < 2);
  const region = subtags.slice(0, end < 0 ? undefined : end).find((s) => /^[A-Z]{2}$/.test(s));
  return region && numbers.split(' ').find((e) => e.startsWith(region))?.slice(2);
}

// An emergency number the element shows (valid_number): short, digits and
// + * # - and spaces only, at least one digit. (embed.js, a classic script
// that cannot import this, checks with the same two patterns: the test
// reads them there.)
export const validNumber = (n) => /^[0-9+*# -]{1,16}$/.test(n) && /[0-9]/.test(n);
