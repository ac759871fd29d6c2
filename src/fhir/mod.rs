//! FHIR R4 export, made on the device (feature `fhir`): the knowledge base as
//! a `Questionnaire`, one person's answers and result as a
//! `QuestionnaireResponse` to it, both in a `Bundle` (the file "Download for
//! your doctor" saves), and a response read back into answers.
//!
//! The shape, documented for integrators in docs/FHIR.md:
//!
//! - Each question is an item whose `linkId` is its finding's id (a checklist
//!   is a `group` whose `linkId` is the question's id, with one item per
//!   finding). Yes/no findings are `choice` items whose options are SNOMED
//!   CT's Yes, No and Unknown ("not sure"); one-of and set findings are
//!   `choice` items whose options are the finding's values, coded in the
//!   system `urn:twitch-triage:values:<finding>` (plus `not_sure`, and
//!   `none` for "None of these"); the age is an `integer` in years. A finding
//!   with a well-known SNOMED CT code carries it as the item's `code`.
//! - Follow-up questions carry `enableWhen`, translated from the knowledge
//!   base's `ask_if` conditions.
//! - The result is a read-only group `assessment`, titled as not a
//!   diagnosis: the level, the safety rules that set it, the explanations
//!   (most likely first; SNOMED CT coded where the explanation has a
//!   well-known code), and the questions left open.
//!
//! Reading a response back ([`read`]) gives the answers, which classify to
//! the same result; the `assessment` group is never read (a result is
//! always recomputed from the answers, never trusted from a file).

mod questionnaire;
mod read;
mod response;

pub use questionnaire::questionnaire;
pub use read::{read, read_json};
pub use response::{bundle, is_date_time, read_map, response};

use alloc::format;
use serde_json::{json, Value as J};

use crate::kb::{
    t, text, FindingId, Lang, Level, Snomed, EXPLANATIONS, EXPLANATION_SNOMED, RULES,
    SNOMED_CHECKED,
};

/// The Questionnaire's canonical URL (a name, not an address: nothing is
/// fetched from it). A response refers to it as `<url>|<version>`.
pub const QUESTIONNAIRE_URL: &str = "urn:twitch-triage:questionnaire";
/// The code systems of the values, levels, rules, explanations and findings.
pub const VALUES_SYSTEM: &str = "urn:twitch-triage:values:";
pub const LEVELS_SYSTEM: &str = "urn:twitch-triage:levels";
pub const RULES_SYSTEM: &str = "urn:twitch-triage:rules";
pub const EXPLANATIONS_SYSTEM: &str = "urn:twitch-triage:explanations";
pub const FINDINGS_SYSTEM: &str = "urn:twitch-triage:findings";
pub const SNOMED_SYSTEM: &str = "http://snomed.info/sct";
/// The `linkId` of the result's group, and of its items (`assessment.level`...).
pub const ASSESSMENT: &str = "assessment";
/// The codes of "Not sure" and "None of these" among a finding's values.
pub const NOT_SURE: &str = "not_sure";
pub const NONE: &str = "none";
/// SNOMED CT's Yes, No and Unknown (qualifier values): a yes/no finding's
/// answers ("Not sure" is Unknown).
pub const YES: &str = "373066001";
pub const NO: &str = "373067005";
pub const UNKNOWN: &str = "261665006";

/// The longest FHIR text [`read_json`] parses (a response with every answer
/// is about 20 KB).
pub const MAX_JSON: usize = 1 << 20;
/// At most this many items at one level of a response, and this deep.
const MAX_ITEMS: usize = 128;
const MAX_DEPTH: usize = 3;

/// A checked SNOMED CT concept (kb/sources.toml lists where each was checked).
fn snomed(code: &str) -> Snomed {
    *SNOMED_CHECKED
        .iter()
        .find(|s| s.code == code)
        .expect("a code checked in kb/sources.toml (tests/fhir.rs)")
}

fn coding(system: &str, code: &str, display: &str) -> J {
    json!({ "system": system, "code": code, "display": display })
}

fn snomed_coding(s: Snomed) -> J {
    coding(SNOMED_SYSTEM, s.code, s.display)
}

/// `[{ "valueCoding": c }, ...]`: a Questionnaire item's `answerOption`, and
/// a response item's `answer`, have the same form.
fn value_codings(codings: impl IntoIterator<Item = J>) -> J {
    J::Array(
        codings
            .into_iter()
            .map(|c| json!({ "valueCoding": c }))
            .collect(),
    )
}

fn value_coding(f: FindingId, code: &str, lang: Lang) -> J {
    let display = match code {
        NOT_SURE => text(lang, t::ANSWER_NOT_SURE),
        NONE => text(lang, t::NONE_OF_THESE),
        _ => f
            .def()
            .values
            .iter()
            .find(|v| v.id == code)
            .map_or("", |v| text(lang, v.label)),
    };
    coding(&format!("{VALUES_SYSTEM}{}", f.id()), code, display)
}

fn yes_no(answer: Option<bool>) -> J {
    snomed_coding(snomed(match answer {
        Some(true) => YES,
        Some(false) => NO,
        None => UNKNOWN,
    }))
}

fn explanation_coding(i: usize, lang: Lang) -> J {
    let e = &EXPLANATIONS[i];
    match EXPLANATION_SNOMED[i] {
        Some(s) => snomed_coding(s),
        None => coding(EXPLANATIONS_SYSTEM, e.id, text(lang, e.name)),
    }
}

fn level_coding(l: Level, lang: Lang) -> J {
    coding(LEVELS_SYSTEM, l.id(), l.title(lang))
}

fn rule_coding(i: usize, lang: Lang) -> J {
    coding(RULES_SYSTEM, RULES[i].id(), text(lang, RULES[i].advice))
}

fn finding_coding(f: FindingId, lang: Lang) -> J {
    coding(FINDINGS_SYSTEM, f.id(), text(lang, f.def().label))
}
