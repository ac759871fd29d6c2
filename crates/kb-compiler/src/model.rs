//! The knowledge base as the build script reads it from `kb/*.toml`.
//!
//! The texts and the language packs' format are in `model/texts.rs`.

use std::collections::BTreeMap;

use toml::{Table, Value};

mod texts;
pub use texts::{fingerprint, Texts, PACK_PREFIX, PACK_SEPARATOR};

/// Languages every text must have, in the order of the generated tables.
pub const LANGS: &[&str] = &["en", "es", "zh-Hant"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Bool,
    Int { min: u8, max: u8 },
    One,
    Set,
}

#[derive(Debug)]
pub struct Val {
    pub id: String,
    pub label: usize,
    /// one: P(value); set: member parameter; int: P(band)
    pub background: f64,
    /// int bands only
    pub range: (u8, u8),
}

#[derive(Debug)]
pub struct Finding {
    pub id: String,
    pub kind: Kind,
    pub label: usize,
    pub values: Vec<Val>,
    /// bool: P(true); set: P(nothing ticked)
    pub background: f64,
    pub slot: usize,
}

impl Finding {
    pub fn slot_count(&self) -> usize {
        match self.kind {
            Kind::Bool => 2,
            Kind::One | Kind::Int { .. } => self.values.len(),
            Kind::Set => 2 + 2 * self.values.len(),
        }
    }
}

/// `s` as a Rust string literal, for the generated tables.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

pub fn fail(msg: &str) -> ! {
    panic!("knowledge base error: {msg}")
}

pub fn load(path: &str) -> Table {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let t = src
        .parse::<Table>()
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    crate::keys::check(path, &t, LANGS).unwrap_or_else(|e| fail(&e));
    t
}

pub fn table<'a>(v: &'a Value, what: &str) -> &'a Table {
    v.as_table()
        .unwrap_or_else(|| fail(&format!("{what}: expected a table")))
}

pub fn num(v: Option<&Value>, what: &str) -> f64 {
    match v {
        Some(Value::Float(f)) => *f,
        Some(Value::Integer(i)) => *i as f64,
        _ => fail(&format!("{what}: expected a number")),
    }
}

pub fn prob(v: Option<&Value>, what: &str) -> f64 {
    let p = num(v, what);
    if !(p > 0.0 && p < 1.0) {
        fail(&format!(
            "{what}: a probability must be above 0 and below 1, got {p}"
        ));
    }
    p
}

pub fn string<'a>(v: Option<&'a Value>, what: &str) -> &'a str {
    v.and_then(Value::as_str)
        .unwrap_or_else(|| fail(&format!("{what}: expected a string")))
}

pub fn strings(v: Option<&Value>, what: &str) -> Vec<String> {
    v.and_then(Value::as_array)
        .unwrap_or_else(|| fail(&format!("{what}: expected a list of strings")))
        .iter()
        .map(|s| string(Some(s), what).to_string())
        .collect()
}

pub fn load_findings(t: &Table, texts: &mut Texts) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut slot = 0;
    for (id, v) in t {
        let ft = table(v, id);
        let what = format!("finding {id}");
        let label = texts.add(&format!("finding.{id}.label"), ft.get("label"));
        let kind = match string(ft.get("type"), &what) {
            "bool" => Kind::Bool,
            "one" => Kind::One,
            "set" => Kind::Set,
            "int" => Kind::Int {
                min: num(ft.get("min"), &what) as u8,
                max: num(ft.get("max"), &what) as u8,
            },
            k => fail(&format!("{what}: unknown type {k:?}")),
        };
        let mut values = Vec::new();
        let mut background = 0.0;
        match kind {
            Kind::Bool => background = prob(ft.get("background"), &what),
            Kind::One | Kind::Set => {
                let vt = ft
                    .get("values")
                    .map(|v| table(v, &what))
                    .unwrap_or_else(|| fail(&format!("{what}: no values")));
                for (vid, vv) in vt {
                    let vt = table(vv, vid);
                    values.push(Val {
                        id: vid.clone(),
                        label: texts.add(&format!("finding.{id}.{vid}"), vt.get("label")),
                        background: prob(vt.get("background"), &format!("{what}.{vid}")),
                        range: (0, 0),
                    });
                }
                if values.len() > 16 {
                    fail(&format!("{what}: at most 16 values"));
                }
                if kind == Kind::One {
                    normalise(&mut values, &what);
                } else {
                    // P(nothing ticked) in the background population.
                    background = values.iter().map(|v| 1.0 - v.background).product();
                }
            }
            Kind::Int { min, max } => {
                let bt = ft
                    .get("bands")
                    .map(|v| table(v, &what))
                    .unwrap_or_else(|| fail(&format!("{what}: no bands")));
                let mut next = min as i64;
                for (bid, bv) in bt {
                    let b = table(bv, bid);
                    let r = b
                        .get("range")
                        .and_then(Value::as_array)
                        .unwrap_or_else(|| fail(&format!("{what}.{bid}: no range")));
                    let lo = num(r.first(), bid) as i64;
                    let hi = num(r.get(1), bid) as i64;
                    if lo != next || hi < lo {
                        fail(&format!(
                            "{what}: bands must cover {min}..={max} in order without gaps"
                        ));
                    }
                    next = hi + 1;
                    values.push(Val {
                        id: bid.clone(),
                        label: usize::MAX,
                        background: prob(b.get("background"), &format!("{what}.{bid}")),
                        range: (lo as u8, hi as u8),
                    });
                }
                if next != max as i64 + 1 {
                    fail(&format!("{what}: bands must end at {max}"));
                }
                normalise(&mut values, &what);
            }
        }
        let f = Finding {
            id: id.clone(),
            kind,
            label,
            values,
            background,
            slot,
        };
        slot += f.slot_count();
        out.push(f);
    }
    if slot > 255 {
        fail("too many scoring slots for u8 indices");
    }
    out
}

fn normalise(values: &mut [Val], what: &str) {
    let s: f64 = values.iter().map(|v| v.background).sum();
    if (s - 1.0).abs() > 0.02 {
        fail(&format!(
            "{what}: background probabilities sum to {s}, expected 1"
        ));
    }
    values.iter_mut().for_each(|v| v.background /= s);
}

/// Log-parameters of every slot of `f` for a population described by the
/// overrides `p` (None: the background population).
///
/// Summing the slots a value "lights up" gives log P(value); see
/// `src/score.rs` for which slots a value lights up.
pub fn slot_logp(f: &Finding, p: Option<&Value>, what: &str) -> Vec<f64> {
    match f.kind {
        Kind::Bool => {
            let q = match p {
                Some(v) => prob(Some(v), what),
                None => f.background,
            };
            vec![(1.0 - q).ln(), q.ln()]
        }
        Kind::One | Kind::Int { .. } => {
            let mut probs: Vec<Option<f64>> = vec![None; f.values.len()];
            if let Some(p) = p {
                for (k, v) in table(p, what) {
                    let i = f.values.iter().position(|x| &x.id == k).unwrap_or_else(|| {
                        fail(&format!("{what}: {k:?} is not a value of {}", f.id))
                    });
                    probs[i] = Some(prob(Some(v), &format!("{what}.{k}")));
                }
            }
            let given: f64 = probs.iter().flatten().sum();
            let rest_bg: f64 = f
                .values
                .iter()
                .zip(&probs)
                .filter(|(_, p)| p.is_none())
                .map(|(v, _)| v.background)
                .sum();
            let rest = 1.0 - given;
            if rest_bg == 0.0 {
                if (given - 1.0).abs() > 0.02 {
                    fail(&format!(
                        "{what}: probabilities of all values sum to {given}, expected 1"
                    ));
                }
            } else if rest <= 0.001 {
                fail(&format!("{what}: listed probabilities sum to {given}, leaving nothing for the other values"));
            }
            let total: f64 = if rest_bg == 0.0 { given } else { 1.0 };
            f.values
                .iter()
                .zip(&probs)
                .map(|(v, p)| match p {
                    Some(p) => (p / total).ln(),
                    None => (rest * v.background / rest_bg).ln(),
                })
                .collect()
        }
        Kind::Set => {
            let mut member: Vec<f64> = f.values.iter().map(|v| v.background).collect();
            let mut none = f.background;
            if let Some(p) = p {
                for (k, v) in table(p, what) {
                    if k == "none" {
                        none = prob(Some(v), &format!("{what}.none"));
                        continue;
                    }
                    let i = f.values.iter().position(|x| &x.id == k).unwrap_or_else(|| {
                        fail(&format!("{what}: {k:?} is not a member of {}", f.id))
                    });
                    member[i] = prob(Some(v), &format!("{what}.{k}"));
                }
            }
            // A zero-truncated product of Bernoullis: P(empty) = none, and a
            // non-empty set S has (1 - none) * prod(member terms) / (1 - prod(1 - p)).
            let all_absent: f64 = member.iter().map(|p| 1.0 - p).product();
            let mut out = vec![none.ln(), (1.0 - none).ln() - (1.0 - all_absent).ln()];
            for p in member {
                out.push((1.0 - p).ln());
                out.push(p.ln());
            }
            out
        }
    }
}

pub fn by_id<'a, T>(
    items: &'a [T],
    id: &str,
    get: impl Fn(&T) -> &str,
    what: &str,
) -> (usize, &'a T) {
    items
        .iter()
        .enumerate()
        .find(|(_, x)| get(x) == id)
        .unwrap_or_else(|| fail(&format!("{what}: unknown id {id:?}")))
}

pub type Defines = BTreeMap<String, String>;
