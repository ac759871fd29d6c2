//! The emergency number's rules, shared with `js/resolve.js` (which
//! `element.js` uses before the module starts; `tests/resolve.rs` runs the
//! two against each other). The language's are the core's
//! (`Lang::from_tag`), the regions' numbers too (`emergency_number_for`).

/// The number shown when the host sets none and no language tag names a
/// region with another (with a note to use the local number).
pub const DEFAULT_NUMBER: &str = "112";

/// An emergency number is short and made of digits (and + * # -).
pub fn valid_number(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 16
        && n.bytes()
            .all(|b| b.is_ascii_digit() || b"+*#- ".contains(&b))
        && n.bytes().any(|b| b.is_ascii_digit())
}
