//! Safety rules: three-valued evaluation of the compiled conditions.
//!
//! A condition is `True`, `False` or `Unknown` for the answers so far
//! (Kleene logic: an unknown finding makes an atom unknown; `false & x` is
//! false and `true | x` is true whatever `x` is). A rule fires when its
//! condition is `True`. A rule that is `Unknown` could still fire: the unknown
//! findings it depends on are its *open* findings, and the open findings of
//! every emergency and urgent rule are the result's `unanswered` list (rule
//! R9). They are computed from the conditions themselves, so a new rule
//! is screened for without any list to keep up to date.
//!
//! An exception (`unless c`) lowers a rule's floor only once the answers
//! establish it: while `c` is unknown the rule fires. "Not sure" must never
//! be what lowers a floor. The findings that could still establish such an
//! exception ([`lowerable`]) are what the interview asks before it settles
//! on a level.

use crate::findings::{Findings, Value};
use crate::kb::{Cond, FindingId, Level, RuleDef, Special, RULES};
use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    False,
    True,
    Unknown,
}

/// `holds` for a known value, `Unknown` for an unknown one.
fn truth(known: bool, holds: bool) -> Truth {
    match (known, holds) {
        (false, _) => Truth::Unknown,
        (true, true) => Truth::True,
        (true, false) => Truth::False,
    }
}

/// A set of findings (at most 128). Two words, not a `u128`: in WebAssembly
/// a `u128` shift is a library call, and the element's wasm is 0.1 KB gzip
/// smaller this way (the API's, built for speed, is 0.5 KB larger raw).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingSet([u64; 2]);

// A finding beyond the set's bits would alias another one: fail the build.
const _: () = assert!(crate::findings::FINDING_COUNT <= 128);

impl FindingSet {
    pub fn insert(&mut self, f: FindingId) {
        self.0[(f.0 >> 6) as usize & 1] |= 1 << (f.0 & 63);
    }
    pub fn contains(self, f: FindingId) -> bool {
        self.0[(f.0 >> 6) as usize & 1] & (1 << (f.0 & 63)) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == [0, 0]
    }
    pub fn union(self, o: FindingSet) -> FindingSet {
        FindingSet([self.0[0] | o.0[0], self.0[1] | o.0[1]])
    }
    /// The findings in knowledge-base order.
    pub fn iter(self) -> impl Iterator<Item = FindingId> {
        let mut words = self.0;
        let mut w = 0;
        core::iter::from_fn(move || {
            while w < 2 {
                let bits = words[w];
                if bits != 0 {
                    words[w] = bits & (bits - 1);
                    return Some(FindingId((w as u32 * 64 + bits.trailing_zeros()) as u8));
                }
                w += 1;
            }
            None
        })
    }
}

/// Three-valued truth of `c` for the answers `f`.
pub fn eval(c: &Cond, f: &Findings) -> Truth {
    scan(c, f).0
}

fn atom(c: &Cond, f: &Findings) -> Option<(FindingId, Truth)> {
    Some(match c {
        Cond::Bool(id) => (*id, truth(f.is_known(*id), f.get(*id) == Value::Bool(true))),
        Cond::OneIn(id, mask) => (
            *id,
            truth(
                f.is_known(*id),
                matches!(f.get(*id), Value::One(i) if mask & (1 << i) != 0),
            ),
        ),
        Cond::SetAny(id, mask) => (
            *id,
            truth(
                f.is_known(*id),
                matches!(f.get(*id), Value::Set(s) if s & mask != 0),
            ),
        ),
        Cond::SetOnly(id, mask) => (
            *id,
            truth(
                f.is_known(*id),
                matches!(f.get(*id), Value::Set(s) if s != 0 && s & !mask == 0),
            ),
        ),
        Cond::IntLt(id, n) => (
            *id,
            truth(
                f.is_known(*id),
                matches!(f.get(*id), Value::Int(x) if x < *n),
            ),
        ),
        Cond::IntGe(id, n) => (
            *id,
            truth(
                f.is_known(*id),
                matches!(f.get(*id), Value::Int(x) if x >= *n),
            ),
        ),
        _ => return None,
    })
}

/// Evaluates `c` in one pass and returns its truth with the findings that
/// decide it: for a `True` result, the findings that made it true (the
/// findings of a negated part, `!...` or `unless ...`, are not reasons);
/// for an `Unknown` result, the unknown findings whose answers could still
/// decide it (parts already decided are left out).
fn scan(c: &Cond, f: &Findings) -> (Truth, FindingSet) {
    let none = FindingSet::default();
    if let Some((id, t)) = atom(c, f) {
        let mut set = none;
        if t != Truth::False {
            set.insert(id);
        }
        return (t, set);
    }
    match c {
        Cond::Not(c) => match scan(c, f) {
            (Truth::True, _) => (Truth::False, none),
            (Truth::False, _) => (Truth::True, none),
            unknown => unknown,
        },
        // An exception counts only once the answers establish it.
        Cond::Unless(c) => match scan(c, f) {
            (Truth::True, _) => (Truth::False, none),
            _ => (Truth::True, none),
        },
        Cond::And(cs) => {
            let (mut unknown, mut yes, mut open) = (false, none, none);
            for c in *cs {
                match scan(c, f) {
                    (Truth::False, _) => return (Truth::False, none),
                    (Truth::True, s) => yes = yes.union(s),
                    (Truth::Unknown, s) => {
                        unknown = true;
                        open = open.union(s);
                    }
                }
            }
            if unknown {
                (Truth::Unknown, open)
            } else {
                (Truth::True, yes)
            }
        }
        Cond::Or(cs) => {
            let (mut any, mut unknown, mut yes, mut open) = (false, false, none, none);
            for c in *cs {
                match scan(c, f) {
                    (Truth::False, _) => {}
                    (Truth::True, s) => {
                        any = true;
                        yes = yes.union(s);
                    }
                    (Truth::Unknown, s) => {
                        unknown = true;
                        open = open.union(s);
                    }
                }
            }
            if any {
                (Truth::True, yes)
            } else if unknown {
                (Truth::Unknown, open)
            } else {
                (Truth::False, none)
            }
        }
        _ => (Truth::False, none),
    }
}

/// For a condition that is `Unknown`: the unknown findings whose answers
/// could still decide it. Parts already decided are not descended into.
pub fn open(c: &Cond, f: &Findings, out: &mut FindingSet) {
    if let (Truth::Unknown, set) = scan(c, f) {
        *out = out.union(set);
    }
}

/// For a condition that is `True`: the unknown findings whose answers could
/// still establish one of its exceptions (`unless` parts), and so make it
/// false. Empty when the condition holds whatever the rest of the answers.
fn exceptions_open(c: &Cond, f: &Findings, out: &mut FindingSet) {
    match c {
        Cond::Unless(c) => open(c, f, out),
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| exceptions_open(c, f, out)),
        _ => {}
    }
}

/// For a condition that is `True`: the findings that made it true. The
/// findings of a negated part (`!...`, `unless ...`) are not reasons and are
/// left out.
pub fn because(c: &Cond, f: &Findings, out: &mut Vec<FindingId>) {
    if let (Truth::True, set) = scan(c, f) {
        out.extend(
            set.iter()
                .filter(|id| !out.contains(id))
                .collect::<Vec<_>>(),
        );
    }
}

/// A rule that fired, with the findings that made it fire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// Index into [`RULES`].
    pub rule: usize,
    pub because: Vec<FindingId>,
}

impl Fired {
    pub fn def(&self) -> &'static RuleDef {
        &RULES[self.rule]
    }
}

/// Every rule evaluated for the answers so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The rules that fired, in knowledge-base order (emergency first).
    pub fired: Vec<Fired>,
    /// Unknown findings that could still make an emergency or urgent rule fire.
    pub unanswered: FindingSet,
    /// Unknown findings that could still make a routine rule fire.
    pub open_routine: FindingSet,
}

impl Outcome {
    /// The most urgent level of the rules that fired, if any.
    pub fn floor(&self) -> Option<Level> {
        self.fired.iter().map(|r| r.def().level).min()
    }
}

/// Whether `rule` is switched off by the mutation check (`scripts/mutate-rules`
/// runs the test suite once per rule with `TWITCH_TRIAGE_DISABLE_RULE=<id>`,
/// to prove the tests guard every rule). Only builds with the
/// `mutation-testing` feature read that variable; no shipped build has it.
#[cfg(feature = "mutation-testing")]
pub(crate) fn switched_off(id: &str) -> bool {
    static DISABLED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    DISABLED
        .get_or_init(|| std::env::var("TWITCH_TRIAGE_DISABLE_RULE").ok())
        .as_deref()
        == Some(id)
}

#[cfg(not(feature = "mutation-testing"))]
pub(crate) fn switched_off(_: &str) -> bool {
    false
}

/// (Also rule C1, which is code, not data: see `assess`.) The id is read
/// only in the mutation check's builds, so that the shipped element never
/// reads the rules' ids (RULE_IDS) and leaves them out.
fn disabled(rule: &'static RuleDef) -> bool {
    cfg!(feature = "mutation-testing") && switched_off(rule.id())
}

/// Evaluates every safety rule, in knowledge-base order. The build checks
/// that emergency and urgent rules come first, so `unanswered` is complete
/// when the not-screened rule (R9) is reached.
pub fn evaluate(f: &Findings) -> Outcome {
    let mut out = Outcome::default();
    for (i, rule) in RULES.iter().enumerate() {
        if disabled(rule) {
            continue;
        }
        if rule.special == Some(Special::NotScreened) {
            if !out.unanswered.is_empty() {
                out.fired.push(Fired {
                    rule: i,
                    because: out.unanswered.iter().collect(),
                });
            }
            continue;
        }
        let Some(cond) = rule.cond else { continue };
        match scan(cond, f) {
            (Truth::True, set) => out.fired.push(Fired {
                rule: i,
                because: set.iter().collect(),
            }),
            (Truth::Unknown, set) => {
                let open = if rule.level <= Level::Urgent {
                    &mut out.unanswered
                } else {
                    &mut out.open_routine
                };
                *open = open.union(set);
            }
            (Truth::False, _) => {}
        }
    }
    out
}

/// Unknown findings that could lower the floor of `outcome`: when every rule
/// at the floor's level fired only because an exception (`unless`) is not
/// known yet, the findings that could establish those exceptions; otherwise
/// none. Only the interview needs it, so `classify` does not compute it.
pub fn lowerable(outcome: &Outcome, f: &Findings) -> FindingSet {
    let mut out = FindingSet::default();
    let Some(floor) = outcome.floor() else {
        return out;
    };
    for r in outcome.fired.iter().filter(|r| r.def().level == floor) {
        let mut exceptions = FindingSet::default();
        if let Some(cond) = r.def().cond {
            exceptions_open(cond, f, &mut exceptions);
        }
        if exceptions.is_empty() {
            return FindingSet::default();
        }
        out = out.union(exceptions);
    }
    out
}
