//! `knowledge()`: the knowledge base with its texts in one language, for
//! people who build their own interface on top of `classify` and `Interview`.

use alloc::vec::Vec;
use serde::Serialize;

use crate::interview::{Question, QuestionOption};
use crate::kb::{
    t, text, FindingKind, Lang, Level, EXPLANATIONS, EXPLANATION_SOURCES, FINDINGS, QUESTIONS,
    RULES, RULE_SOURCES, SOURCES,
};

#[derive(Serialize)]
pub struct Knowledge {
    pub lang: &'static str,
    /// The four levels, most urgent first.
    pub levels: Vec<LevelInfo>,
    pub findings: Vec<FindingInfo>,
    pub questions: Vec<Question>,
    pub explanations: Vec<ExplanationInfo>,
    pub rules: Vec<RuleInfo>,
    pub sources: Vec<SourceInfo>,
    /// Words used around the questions.
    pub texts: Texts,
}

#[derive(Serialize)]
pub struct LevelInfo {
    pub id: Level,
    pub title: &'static str,
    pub action: &'static str,
}

#[derive(Serialize)]
pub struct FindingInfo {
    pub id: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: &'static str,
    /// The question that asks it.
    pub question: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<QuestionOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
}

#[derive(Serialize)]
pub struct ExplanationInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub summary: &'static str,
    pub todo: Vec<&'static str>,
    pub safety_net: &'static str,
    pub tell_doctor: &'static str,
    pub sources: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub level: Level,
    pub advice: &'static str,
    pub sources: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct SourceInfo {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
}

#[derive(Serialize)]
pub struct Texts {
    pub yes: &'static str,
    pub no: &'static str,
    pub not_sure: &'static str,
    pub none_of_these: &'static str,
    pub emergency_medicines: &'static str,
}

fn sources(ids: &[u8]) -> Vec<&'static str> {
    ids.iter().map(|&i| SOURCES[i as usize].id).collect()
}

/// The knowledge base with its texts in `lang`.
pub fn knowledge(lang: Lang) -> Knowledge {
    Knowledge {
        lang: lang.code(),
        levels: Level::ALL
            .iter()
            .map(|&l| LevelInfo {
                id: l,
                title: l.title(lang),
                action: l.action(lang),
            })
            .collect(),
        findings: FINDINGS
            .iter()
            .map(|f| {
                let (kind, min, max) = match f.kind {
                    FindingKind::Bool => ("bool", None, None),
                    FindingKind::Int { min, max } => ("int", Some(min), Some(max)),
                    FindingKind::One => ("one", None, None),
                    FindingKind::Set => ("set", None, None),
                };
                let values = matches!(f.kind, FindingKind::One | FindingKind::Set).then(|| {
                    f.values
                        .iter()
                        .map(|v| QuestionOption {
                            value: v.id,
                            label: text(lang, v.label),
                        })
                        .collect()
                });
                FindingInfo {
                    id: f.id,
                    kind,
                    label: text(lang, f.label),
                    question: QUESTIONS[f.question as usize].id,
                    values,
                    min,
                    max,
                }
            })
            .collect(),
        questions: (0..QUESTIONS.len())
            .map(|i| Question::new(i, lang))
            .collect(),
        explanations: EXPLANATIONS
            .iter()
            .zip(&EXPLANATION_SOURCES)
            .map(|(e, s)| ExplanationInfo {
                id: e.id,
                name: text(lang, e.name),
                level: e.level,
                summary: text(lang, e.summary),
                todo: e.todo.iter().map(|&x| text(lang, x)).collect(),
                safety_net: text(lang, e.safety_net),
                tell_doctor: text(lang, e.tell_doctor),
                sources: sources(s),
            })
            .collect(),
        rules: RULES
            .iter()
            .zip(&RULE_SOURCES)
            .map(|(r, s)| RuleInfo {
                id: r.id(),
                level: r.level,
                advice: text(lang, r.advice),
                sources: sources(s),
            })
            .collect(),
        sources: SOURCES
            .iter()
            .map(|s| SourceInfo {
                id: s.id,
                title: s.title,
                publisher: s.publisher,
            })
            .collect(),
        texts: Texts {
            yes: text(lang, t::ANSWER_YES),
            no: text(lang, t::ANSWER_NO),
            not_sure: text(lang, t::ANSWER_NOT_SURE),
            none_of_these: text(lang, t::NONE_OF_THESE),
            emergency_medicines: text(lang, t::EMERGENCY_MEDICINES),
        },
    }
}
