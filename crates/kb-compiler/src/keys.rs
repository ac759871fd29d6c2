//! The keys each file of `kb/` may use, checked before anything is read from
//! it: a misspelt key (`ask_iff`, `backgruond`, `text.enn`) is a build error
//! naming the file, the table and the key, never a silent default.
//!
//! Only which keys may appear is checked here; what their values must be
//! (and which keys are required) is checked where they are read. Keys that
//! are ids (findings, values, rules, sources, texts) are checked against
//! their lists where they are read too.
//!
//! Self-contained (only `toml`), so that `tests/kb_keys.rs` can test it.

use toml::{Table, Value};

/// What a value in a kb file may look like, as far as its keys go.
pub enum Shape {
    /// Anything: its keys, if any, are checked where it is read.
    Any,
    /// Texts by language (`text.en = "..."`): only language codes.
    Texts,
    /// A table with these keys, and, when `rest` is given, any other key
    /// (an id) whose value has that shape.
    Table {
        fields: &'static [(&'static str, Shape)],
        rest: Option<&'static Shape>,
    },
}

use Shape::{Any, Texts};

const fn fields(fields: &'static [(&'static str, Shape)]) -> Shape {
    Shape::Table { fields, rest: None }
}
const fn ids(rest: &'static Shape) -> Shape {
    Shape::Table {
        fields: &[],
        rest: Some(rest),
    }
}

const SOURCE: Shape = fields(&[
    ("title", Any),
    ("publisher", Any),
    ("note", Any),
    ("checked", Any),
    ("pages", Any),
]);
const BAND: Shape = fields(&[("range", Any), ("background", Any)]);
const VALUE: Shape = fields(&[("background", Any), ("label", Texts)]);
const FINDING: Shape = fields(&[
    ("type", Any),
    ("min", Any),
    ("max", Any),
    ("label", Texts),
    ("background", Any),
    ("bands", ids(&BAND)),
    ("values", ids(&VALUE)),
    ("snomed", Any),
]);
const QUESTION: Shape = fields(&[
    ("kind", Any),
    ("finding", Any),
    ("options", Any),
    ("priority", Any),
    ("core", Any),
    ("ask_if", Any),
    ("text", Texts),
    ("hint", Texts),
]);
const RULE: Shape = fields(&[
    ("level", Any),
    ("for", Any),
    ("independent", Any),
    ("always_leads", Any),
    ("yields_to", Any),
    ("when", Any),
    ("special", Any),
    ("sources", Any),
    ("advice", Texts),
]);
const EXPLANATION: Shape = fields(&[
    ("level", Any),
    ("snomed", Any),
    ("prior", Any),
    ("sources", Any),
    ("requires", Any),
    ("name", Texts),
    ("summary", Texts),
    ("todo", Texts),
    ("safety_net", Texts),
    ("tell_doctor", Texts),
    // Finding ids and their values: checked against the findings where read.
    ("p", Any),
    // Where each figure comes from: its keys are checked against `prior`
    // and the keys of `p` by `check_basis`, where the explanation is read.
    // Never compiled in.
    ("basis", Any),
]);
const EMERGENCY_NUMBER: Shape = fields(&[("number", Any), ("note", Any), ("sources", Any)]);
const LEVEL_TEXTS: Shape = fields(&[("title", Texts), ("action", Texts)]);

const RULES_FILE: Shape = Shape::Table {
    fields: &[("define", ids(&Any))],
    rest: Some(&RULE),
};
const UI_FILE: Shape = fields(&[
    (
        "level",
        fields(&[
            ("emergency", LEVEL_TEXTS),
            ("urgent", LEVEL_TEXTS),
            ("routine", LEVEL_TEXTS),
            ("self_care", LEVEL_TEXTS),
        ]),
    ),
    // Text names: a misspelt one is a new text the code never names, and the
    // code's own name for it fails to compile.
    ("text", ids(&Texts)),
    // Texts only the FHIR export uses (compiled into it, not into the packs).
    ("export", ids(&Texts)),
]);

/// The shape of each file of `kb/`, by file name.
pub fn shape_of(file: &str) -> Option<&'static Shape> {
    const SOURCES_FILE: Shape = ids(&SOURCE);
    const FINDINGS_FILE: Shape = ids(&FINDING);
    const QUESTIONS_FILE: Shape = ids(&QUESTION);
    const EXPLANATIONS_FILE: Shape = ids(&EXPLANATION);
    const EMERGENCY_NUMBERS_FILE: Shape = ids(&EMERGENCY_NUMBER);
    Some(match file {
        "sources.toml" => &SOURCES_FILE,
        "findings.toml" => &FINDINGS_FILE,
        "questions.toml" => &QUESTIONS_FILE,
        "rules.toml" => &RULES_FILE,
        "explanations.toml" => &EXPLANATIONS_FILE,
        "ui.toml" => &UI_FILE,
        "emergency_numbers.toml" => &EMERGENCY_NUMBERS_FILE,
        _ => return None,
    })
}

/// Checks every key of `table`, the contents of `path`, against the shape of
/// its file; `langs` are the language codes a text may have.
pub fn check(path: &str, table: &Table, langs: &[&str]) -> Result<(), String> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let shape =
        shape_of(file).ok_or_else(|| format!("{path}: not a file of the knowledge base"))?;
    walk(table, shape, &mut Vec::new(), langs).map_err(|(at, msg)| {
        format!(
            "{path}: {}{msg}",
            if at.is_empty() {
                String::new()
            } else {
                format!("[{at}] ")
            }
        )
    })
}

fn walk<'a>(
    table: &'a Table,
    shape: &Shape,
    at: &mut Vec<&'a str>,
    langs: &[&str],
) -> Result<(), (String, String)> {
    let (fields, rest): (&[(&str, Shape)], Option<&Shape>) = match shape {
        Any => return Ok(()),
        Texts => (&[], None),
        Shape::Table { fields, rest } => (fields, *rest),
    };
    for (k, v) in table {
        if matches!(shape, Texts) {
            if !langs.contains(&k.as_str()) {
                let known = langs.join(", ");
                return Err((
                    at.join("."),
                    format!("unknown language {k:?} (known: {known})"),
                ));
            }
            continue;
        }
        let Some(inner) = fields
            .iter()
            .find(|(name, _)| name == k)
            .map(|(_, s)| s)
            .or(rest)
        else {
            let known: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
            return Err((
                at.join("."),
                format!("unknown key {k:?} (known: {})", known.join(", ")),
            ));
        };
        at.push(k);
        match (inner, v) {
            (Any, _) => {}
            (_, Value::Table(t)) => walk(t, inner, at, langs)?,
            (_, _) => return Err((at.join("."), "expected a table".to_string())),
        }
        at.pop();
    }
    Ok(())
}

/// Checks that `[id.basis]` of the explanation `expl` (in `path`) gives the
/// basis of every figure, `prior` and each key of `[id.p]`, as a non-empty
/// string, and names nothing else.
pub fn check_basis(path: &str, id: &str, expl: &Table) -> Result<(), String> {
    let at = format!("{path}: [{id}.basis]");
    let basis = match expl.get("basis") {
        Some(Value::Table(b)) => b,
        Some(_) => return Err(format!("{at} expected a table")),
        None => {
            return Err(format!(
                "{path}: [{id}] no [{id}.basis] table (the basis of prior and of every key of [{id}.p])"
            ))
        }
    };
    let p = match expl.get("p") {
        Some(Value::Table(p)) => p,
        _ => return Err(format!("{path}: [{id}] no evidence table [p]")),
    };
    let figures = std::iter::once("prior").chain(p.keys().map(String::as_str));
    for k in figures {
        match basis.get(k) {
            None => {
                return Err(format!(
                    "{at} no basis for {k:?} (prior and every key of [{id}.p] need one: source ids or a one-line reason)"
                ))
            }
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(_) => return Err(format!("{at} {k:?}: expected a non-empty string")),
        }
    }
    for k in basis.keys() {
        if k != "prior" && !p.contains_key(k) {
            return Err(format!(
                "{at} unknown key {k:?} (known: prior and the keys of [{id}.p])"
            ));
        }
    }
    Ok(())
}
