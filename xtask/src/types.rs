//! Prints the TypeScript declarations generated from the knowledge base (id
//! unions, the `Findings` shape, the answer each question takes). The package
//! build (`scripts/build.mjs`) puts them in front of the hand-written API
//! declarations in `crates/api/js/api.d.ts`.

use twitch_triage::kb::{
    FindingKind, Lang, Level, QuestionKind, EXPLANATIONS, FINDINGS, QUESTIONS, RULES, SOURCES,
};

fn union<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<String> = items.map(|s| format!("'{s}'")).collect();
    if v.is_empty() {
        "never".into()
    } else {
        v.join(" | ")
    }
}

pub fn main() {
    println!("// Generated from the knowledge base by `cargo xtask types`. Do not edit.\n");
    println!(
        "/** A supported language. */\nexport type Lang = {};",
        union(Lang::ALL.iter().map(|l| l.code()))
    );
    println!(
        "/** The four triage levels, most urgent first. */\nexport type Triage = {};",
        union(Level::ALL.iter().map(|l| l.id()))
    );
    println!(
        "export type FindingId = {};",
        union(FINDINGS.iter().map(|f| f.id))
    );
    println!(
        "export type ExplanationId = {};",
        union(EXPLANATIONS.iter().map(|e| e.id))
    );
    println!(
        "export type RuleId = {};",
        union(RULES.iter().map(|r| r.id()))
    );
    println!(
        "export type QuestionId = {};",
        union(QUESTIONS.iter().map(|q| q.id))
    );
    println!(
        "export type SourceId = {};",
        union(SOURCES.iter().map(|s| s.id))
    );

    println!("\n/** The allowed values of each one-of and set finding. */\nexport interface FindingValues {{");
    for f in FINDINGS
        .iter()
        .filter(|f| matches!(f.kind, FindingKind::One | FindingKind::Set))
    {
        println!("  {}: {};", f.id, union(f.values.iter().map(|v| v.id)));
    }
    println!("}}");

    println!("\n/** The answers so far. A finding that is absent (or null) is unknown: not asked, or \"not sure\". */\nexport interface Findings {{");
    for f in &FINDINGS {
        let ty = match f.kind {
            FindingKind::Bool => "boolean".to_string(),
            FindingKind::Int { min, max } => format!("number /* whole number, {min} to {max} */"),
            FindingKind::One => format!("FindingValues['{}']", f.id),
            FindingKind::Set => format!("readonly FindingValues['{}'][]", f.id),
        };
        println!("  {}?: {ty} | null;", f.id);
    }
    println!("}}");

    println!("\n/** The kind of each question. */\nexport interface QuestionKinds {{");
    for q in &QUESTIONS {
        let k = match q.kind {
            QuestionKind::One => "one",
            QuestionKind::Many => "many",
            QuestionKind::Checklist => "checklist",
            QuestionKind::YesNo => "yesno",
            QuestionKind::Number => "number",
        };
        println!("  {}: '{k}';", q.id);
    }
    println!("}}");

    println!("\n/** The answer each question takes (null: \"not sure\"). */\nexport interface AnswerValues {{");
    for q in &QUESTIONS {
        let ty = match (q.kind, q.finding) {
            (QuestionKind::Checklist, _) => {
                format!("readonly ({})[]", union(q.options.iter().map(|f| f.id())))
            }
            (QuestionKind::Many, Some(f)) => format!("readonly FindingValues['{}'][]", f.id()),
            (QuestionKind::One, Some(f)) => format!("FindingValues['{}'] | null", f.id()),
            (QuestionKind::YesNo, _) => "boolean | null".into(),
            (QuestionKind::Number, _) => "number | null".into(),
            _ => unreachable!(),
        };
        println!("  {}: {ty};", q.id);
    }
    println!("}}");

    println!("\n/** The option values each question offers. */\nexport interface OptionValues {{");
    for q in &QUESTIONS {
        let ty = match (q.kind, q.finding) {
            (QuestionKind::Checklist, _) => union(q.options.iter().map(|f| f.id())),
            (QuestionKind::One | QuestionKind::Many, Some(f)) => {
                format!("FindingValues['{}']", f.id())
            }
            _ => "never".into(),
        };
        println!("  {}: {ty};", q.id);
    }
    println!("}}");
}
