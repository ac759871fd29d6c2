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

use crate::findings::{Findings, Value};
use crate::kb::{Cond, FindingId, Level, RuleDef, Special, RULES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    False,
    True,
    Unknown,
}

impl Truth {
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// A set of findings (there are fewer than 64).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingSet(pub u64);

impl FindingSet {
    pub fn insert(&mut self, f: FindingId) {
        self.0 |= 1 << f.0;
    }
    pub fn contains(self, f: FindingId) -> bool {
        self.0 & (1 << f.0) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn union(self, o: FindingSet) -> FindingSet {
        FindingSet(self.0 | o.0)
    }
    /// The findings in knowledge-base order.
    pub fn iter(self) -> impl Iterator<Item = FindingId> {
        FindingId::all().filter(move |f| self.contains(*f))
    }
}

/// Three-valued truth of `c` for the answers `f`.
pub fn eval(c: &Cond, f: &Findings) -> Truth {
    match c {
        Cond::Bool(id) => match f.get(*id) {
            Value::Bool(b) => Truth::from(b),
            _ => Truth::Unknown,
        },
        Cond::OneIn(id, mask) => match f.get(*id) {
            Value::One(i) => Truth::from(mask & (1 << i) != 0),
            _ => Truth::Unknown,
        },
        Cond::SetAny(id, mask) => match f.get(*id) {
            Value::Set(s) => Truth::from(s & mask != 0),
            _ => Truth::Unknown,
        },
        Cond::SetOnly(id, mask) => match f.get(*id) {
            Value::Set(s) => Truth::from(s != 0 && s & !mask == 0),
            _ => Truth::Unknown,
        },
        Cond::IntLt(id, n) => match f.get(*id) {
            Value::Int(x) => Truth::from(x < *n),
            _ => Truth::Unknown,
        },
        Cond::IntGe(id, n) => match f.get(*id) {
            Value::Int(x) => Truth::from(x >= *n),
            _ => Truth::Unknown,
        },
        Cond::Not(c) => match eval(c, f) {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        },
        Cond::And(cs) => {
            let mut out = Truth::True;
            for c in *cs {
                match eval(c, f) {
                    Truth::False => return Truth::False,
                    Truth::Unknown => out = Truth::Unknown,
                    Truth::True => {}
                }
            }
            out
        }
        Cond::Or(cs) => {
            let mut out = Truth::False;
            for c in *cs {
                match eval(c, f) {
                    Truth::True => return Truth::True,
                    Truth::Unknown => out = Truth::Unknown,
                    Truth::False => {}
                }
            }
            out
        }
    }
}

fn atom_finding(c: &Cond) -> Option<FindingId> {
    match c {
        Cond::Bool(id)
        | Cond::OneIn(id, _)
        | Cond::SetAny(id, _)
        | Cond::SetOnly(id, _)
        | Cond::IntLt(id, _)
        | Cond::IntGe(id, _) => Some(*id),
        _ => None,
    }
}

/// For a condition that is `Unknown`: the unknown findings whose answers
/// could still decide it. Parts already decided are not descended into.
pub fn open(c: &Cond, f: &Findings, out: &mut FindingSet) {
    if eval(c, f) != Truth::Unknown {
        return;
    }
    match c {
        Cond::Not(c) => open(c, f, out),
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| open(c, f, out)),
        atom => {
            if let Some(id) = atom_finding(atom) {
                out.insert(id)
            }
        }
    }
}

/// For a condition that is `True`: the findings that made it true. The
/// findings of an "unless" part (`!...`) are not reasons and are left out.
pub fn because(c: &Cond, f: &Findings, out: &mut Vec<FindingId>) {
    if eval(c, f) != Truth::True {
        return;
    }
    match c {
        Cond::Not(_) => {}
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| because(c, f, out)),
        atom => {
            if let Some(id) = atom_finding(atom) {
                if !out.contains(&id) {
                    out.push(id)
                }
            }
        }
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

/// Whether the rule `i` is switched off by the mutation check
/// (`scripts/mutate-rules`), which rebuilds with
/// `TWITCH_TRIAGE_DISABLE_RULE=<id>` to prove the tests guard every rule.
fn disabled(rule: &RuleDef) -> bool {
    match option_env!("TWITCH_TRIAGE_DISABLE_RULE") {
        Some(id) => id == rule.id,
        None => false,
    }
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
        match eval(cond, f) {
            Truth::True => {
                let mut because_ = Vec::new();
                because(cond, f, &mut because_);
                out.fired.push(Fired {
                    rule: i,
                    because: because_,
                });
            }
            Truth::Unknown => {
                let set = if rule.level <= Level::Urgent {
                    &mut out.unanswered
                } else {
                    &mut out.open_routine
                };
                open(cond, f, set);
            }
            Truth::False => {}
        }
    }
    out
}
