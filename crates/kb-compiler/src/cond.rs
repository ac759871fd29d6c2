//! The condition language of `kb/rules.toml`, parsed at build time into Rust
//! constructors of `kb::Cond`. See the header of `kb/rules.toml` for the
//! grammar.
//!
//! Here the condition tree ([`Cond`]) and the Rust that builds it;
//! `cond/lex.rs` splits a condition into tokens and `cond/parse.rs` parses
//! them ([`Parser`]).

mod lex;
mod parse;
pub use parse::Parser;

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Bool(usize),
    OneIn(usize, u16),
    SetAny(usize, u16),
    SetOnly(usize, u16),
    IntLt(usize, u8),
    IntGe(usize, u8),
    Not(Box<Cond>),
    Unless(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

impl Cond {
    /// Rust source of a constant expression building this condition.
    pub fn to_rust(&self) -> String {
        match self {
            Cond::Bool(f) => format!("Cond::Bool(FindingId({f}))"),
            Cond::OneIn(f, m) => format!("Cond::OneIn(FindingId({f}), {m:#x})"),
            Cond::SetAny(f, m) => format!("Cond::SetAny(FindingId({f}), {m:#x})"),
            Cond::SetOnly(f, m) => format!("Cond::SetOnly(FindingId({f}), {m:#x})"),
            Cond::IntLt(f, n) => format!("Cond::IntLt(FindingId({f}), {n})"),
            Cond::IntGe(f, n) => format!("Cond::IntGe(FindingId({f}), {n})"),
            Cond::Not(c) => format!("Cond::Not(&{})", c.to_rust()),
            Cond::Unless(c) => format!("Cond::Unless(&{})", c.to_rust()),
            Cond::And(cs) => format!(
                "Cond::And(&[{}])",
                cs.iter().map(Cond::to_rust).collect::<Vec<_>>().join(", ")
            ),
            Cond::Or(cs) => format!(
                "Cond::Or(&[{}])",
                cs.iter().map(Cond::to_rust).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// Whether an exception (`unless`) appears anywhere in the condition.
    pub fn has_unless(&self) -> bool {
        match self {
            Cond::Unless(_) => true,
            Cond::Not(c) => c.has_unless(),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().any(Cond::has_unless),
            _ => false,
        }
    }

    fn and(a: Cond, b: Cond) -> Cond {
        match a {
            Cond::And(mut v) => {
                v.push(b);
                Cond::And(v)
            }
            a => Cond::And(vec![a, b]),
        }
    }

    fn or(a: Cond, b: Cond) -> Cond {
        match a {
            Cond::Or(mut v) => {
                v.push(b);
                Cond::Or(v)
            }
            a => Cond::Or(vec![a, b]),
        }
    }
}
