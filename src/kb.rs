//! The knowledge base: findings, questions, explanations, safety rules, sources
//! and texts, compiled from `kb/*.toml` by `crates/kb-compiler` into the static
//! tables below. Nothing here is parsed or computed at start-up.
//!
//! The languages and the default emergency number by region are in
//! `kb/lang.rs`.

use alloc::vec::Vec;
use serde::Serialize;

use crate::error::{Error, ErrorKind};

mod lang;
pub use lang::{emergency_number_for, region_number, Lang};

/// Index into the text tables (`TEXTS_*`).
pub type TextId = u16;
/// Marks a value with no text of its own (age bands).
pub const NO_TEXT: TextId = TextId::MAX;

/// Binary search in a generated list of indices in the order of their
/// names (`name_of` gives an index's name). Indices only, not (name, index)
/// pairs: a name's pointer and length cost the element's wasm 8 bytes each,
/// and the names are in the tables already (the two lists were 0.9 KB raw).
fn lookup(sorted: &[u8], name: &str, name_of: impl Fn(u8) -> &'static str) -> Option<u8> {
    sorted
        .binary_search_by(|&i| name_of(i).cmp(name))
        .ok()
        .map(|k| sorted[k])
}

/// A finding, by its position in [`FINDINGS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FindingId(pub u8);

impl FindingId {
    pub fn def(self) -> &'static FindingDef {
        &FINDINGS[self.0 as usize]
    }
    pub fn id(self) -> &'static str {
        self.def().id
    }
    /// The finding with this id, if any.
    pub fn by_name(name: &str) -> Option<FindingId> {
        lookup(&FINDINGS_BY_NAME, name, |i| FindingId(i).id()).map(FindingId)
    }
    pub fn all() -> impl Iterator<Item = FindingId> {
        (0..FINDINGS.len() as u8).map(FindingId)
    }
}

/// The four triage levels, most urgent first: `a < b` means `a` is more urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Emergency,
    Urgent,
    Routine,
    SelfCare,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Emergency,
        Level::Urgent,
        Level::Routine,
        Level::SelfCare,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Level::Emergency => "emergency",
            Level::Urgent => "urgent",
            Level::Routine => "routine",
            Level::SelfCare => "self_care",
        }
    }
    pub fn title(self, lang: Lang) -> &'static str {
        text(lang, LEVEL_TEXTS[self as usize].title)
    }
    pub fn action(self, lang: Lang) -> &'static str {
        text(lang, LEVEL_TEXTS[self as usize].action)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    Bool,
    Int { min: u8, max: u8 },
    One,
    Set,
}

/// A value of a one-of or set finding, or an age band of a number finding.
#[derive(Debug)]
pub struct ValueDef {
    pub id: &'static str,
    pub label: TextId,
    /// Age bands only: the band covers `lo..=hi`.
    pub lo: u8,
    pub hi: u8,
}

#[derive(Debug)]
pub struct FindingDef {
    pub id: &'static str,
    pub kind: FindingKind,
    pub label: TextId,
    pub values: &'static [ValueDef],
    /// The question that asks this finding (index into [`QUESTIONS`]).
    pub question: u8,
    /// First scoring slot (see `score.rs`).
    pub slot: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    One,
    Many,
    Checklist,
    #[serde(rename = "yesno")]
    YesNo,
    Number,
}

impl QuestionKind {
    /// Every kind (the npm package's `QuestionKind` type is checked against
    /// it: crates/api/tests/contracts.rs).
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::One,
        QuestionKind::Many,
        QuestionKind::Checklist,
        QuestionKind::YesNo,
        QuestionKind::Number,
    ];

    /// The kind as the API names it.
    pub fn id(self) -> &'static str {
        match self {
            QuestionKind::One => "one",
            QuestionKind::Many => "many",
            QuestionKind::Checklist => "checklist",
            QuestionKind::YesNo => "yesno",
            QuestionKind::Number => "number",
        }
    }
}

#[derive(Debug)]
pub struct QuestionDef {
    pub id: &'static str,
    pub kind: QuestionKind,
    /// The finding asked, except for checklists.
    pub finding: Option<FindingId>,
    /// Checklists only: the yes/no findings offered.
    pub options: &'static [FindingId],
    pub text: TextId,
    pub hint: Option<TextId>,
    /// Screening order: lower is asked earlier.
    pub priority: u8,
    /// Asked in every interview.
    pub core: bool,
    /// Asked only when this holds for the answers so far.
    pub ask_if: Option<&'static Cond>,
}

impl QuestionDef {
    /// The findings this question sets.
    pub fn findings(&'static self) -> &'static [FindingId] {
        match &self.finding {
            Some(f) => core::slice::from_ref(f),
            None => self.options,
        }
    }
    pub fn by_name(name: &str) -> Option<usize> {
        lookup(&QUESTIONS_BY_NAME, name, |i| QUESTIONS[usize::from(i)].id).map(usize::from)
    }
}

impl RuleDef {
    /// `E1` … `E24`, `U1` … `U31`, `R1` … `R14` (kept apart from the rule,
    /// in [`RULE_IDS`], so that the element's module, which never reads
    /// them, leaves them out).
    pub fn id(&'static self) -> &'static str {
        RULE_IDS[self.index()]
    }
    /// The rule's place in [`RULES`], where every `RuleDef` is (the
    /// knowledge base builds them all; the type cannot be built elsewhere).
    pub fn index(&'static self) -> usize {
        let i = (self as *const RuleDef as usize).wrapping_sub(RULES.as_ptr() as usize)
            / core::mem::size_of::<RuleDef>();
        assert!(
            i < RULES.len() && core::ptr::eq(&RULES[i], self),
            "a rule outside RULES"
        );
        i
    }
}

/// A compiled rule condition (see the header of `kb/rules.toml`). Masks are
/// bit sets over a finding's values, in the order of `FindingDef::values`.
#[derive(Debug)]
pub enum Cond {
    Bool(FindingId),
    OneIn(FindingId, u16),
    SetAny(FindingId, u16),
    SetOnly(FindingId, u16),
    IntLt(FindingId, u8),
    IntGe(FindingId, u8),
    Not(&'static Cond),
    /// `unless c`: true unless `c` is known to hold. An exception lowers a
    /// rule's floor only once the answers establish it; while it is unknown
    /// the rule still fires (see `rules::evaluate`).
    Unless(&'static Cond),
    And(&'static [Cond]),
    Or(&'static [Cond]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// Rule R9: fires while a finding that could still make an emergency or
    /// urgent rule fire is unknown.
    NotScreened,
}

#[derive(Debug)]
#[non_exhaustive]
pub struct RuleDef {
    pub level: Level,
    pub cond: Option<&'static Cond>,
    pub special: Option<Special>,
    pub advice: TextId,
    /// Emergency and urgent rules: indices into [`EXPLANATIONS`] of what the
    /// rule is evidence for; a result at its level leads with one of them.
    pub evidence_for: &'static [u8],
    /// The rule flags a risk whatever causes the twitching (a blow to the
    /// head): it names no explanation.
    pub independent: bool,
    /// An emergency rule whose named causes lead those of the other fired
    /// emergency rules (rule C1).
    pub always_leads: bool,
    /// An emergency rule: the explanations (bits, by index into
    /// [`EXPLANATIONS`]) an urgent rule names that may lead it when far
    /// likelier (rule C1).
    pub yields_to: u32,
}

#[derive(Debug)]
pub struct ExplanationDef {
    pub id: &'static str,
    /// Usual level: `SelfCare` or `Routine`.
    pub level: Level,
    pub log_prior: f32,
    pub name: TextId,
    pub summary: TextId,
    pub todo: &'static [TextId],
    pub safety_net: TextId,
    pub tell_doctor: TextId,
    /// Range of this explanation's entries in [`EVIDENCE_SLOT`] / [`EVIDENCE_LR`].
    pub evidence: (u16, u16),
    /// What the explanation cannot be without (`requires` in the knowledge
    /// base): spasticity needs MS, a spinal cord injury or a stroke that
    /// weakened the twitching muscles. Answers
    /// that rule it out rule the explanation out ([`REQUIRES_UNMET_LOG`]);
    /// while it is unknown and the explanation comes first, the interview
    /// asks it.
    pub requires: Option<&'static Cond>,
}

impl ExplanationDef {
    /// The explanation with this id.
    pub fn by_id(id: &str) -> Option<&'static ExplanationDef> {
        EXPLANATIONS.iter().find(|e| e.id == id)
    }
}

/// Added to the log score of an explanation whose `requires` the answers
/// rule out. Naive Bayes cannot say "one of these two is needed" (each
/// finding counts on its own), so the requirement counts once, as a whole:
/// it rules the explanation out. No answers move two explanations' scores
/// further apart than about 123 (`tests/knowledge_base.rs` checks the bound
/// against this figure), so such an explanation comes after every other,
/// and its score is 0 (e^-1000 is below the smallest f64).
pub const REQUIRES_UNMET_LOG: f64 = -1000.0;

/// A SNOMED CT concept: its code and its term (kb/sources.toml lists the
/// page each was checked on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snomed {
    pub code: &'static str,
    pub display: &'static str,
}

#[derive(Debug)]
pub struct SourceDef {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
}

#[derive(Debug)]
pub struct LevelText {
    pub title: TextId,
    pub action: TextId,
}

/// The generated tables. Log-probabilities can equal constants like ln 2 by
/// chance, which is not a mistake here.
#[allow(clippy::approx_constant, clippy::unreadable_literal)]
mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/kb_gen.rs"));
}
pub use generated::*;

/// The text `id` in `lang`.
#[cfg(not(feature = "external-texts"))]
pub fn text(lang: Lang, id: TextId) -> &'static str {
    let table: &'static [&'static str; TEXT_COUNT] = match lang {
        Lang::En => &TEXTS_EN,
        Lang::Es => &TEXTS_ES,
        Lang::ZhHant => &TEXTS_ZH_HANT,
    };
    table.get(id as usize).copied().unwrap_or_default()
}

/// The text `id` in `lang`, from the installed language pack ("" when the
/// pack is not installed: callers install it first, see [`install_texts`]).
#[cfg(feature = "external-texts")]
pub fn text(lang: Lang, id: TextId) -> &'static str {
    packs::get(lang)
        .and_then(|p| p.get(id as usize))
        .copied()
        .unwrap_or_default()
}

/// A text only the FHIR export uses (`x::…`, from `[export]` of
/// `kb/ui.toml`), in `lang`: compiled in, never in a language pack.
pub fn export_text(lang: Lang, id: usize) -> &'static str {
    EXPORT_TEXTS[id][lang as usize]
}

/// Checks a language pack (a header line `twitch-triage texts 2 <lang>
/// <count> <fingerprint>`, then the texts separated by `|`) against this
/// build's text ids, and splits it.
pub fn parse_pack(pack: &str) -> Result<(Lang, Vec<&str>), Error> {
    let bad = |what: &str| Error::new(ErrorKind::WrongType, "texts", what);
    let (header, body) = pack
        .split_once('\n')
        .ok_or_else(|| bad("a twitch-triage language pack"))?;
    let rest = header
        .strip_prefix(PACK_PREFIX)
        .ok_or_else(|| bad("a twitch-triage language pack, version 2"))?;
    let (code, stamp) = rest.split_once(' ').unwrap_or((rest, ""));
    let lang = Lang::parse(code)?;
    if stamp != PACK_STAMP {
        return Err(bad(
            "the language pack built with this version of twitch-triage",
        ));
    }
    let texts: Vec<&str> = body.split(PACK_SEPARATOR).collect();
    if texts.len() != TEXT_COUNT {
        return Err(bad("a language pack with every text"));
    }
    Ok((lang, texts))
}

/// Installs a language pack so that [`text`] can use it, and returns its
/// language. Installing a language again is harmless.
#[cfg(feature = "external-texts")]
pub fn install_texts(pack: &str) -> Result<Lang, Error> {
    use alloc::{boxed::Box, string::ToString};
    let (lang, _) = parse_pack(pack)?;
    if packs::get(lang).is_none() {
        // Kept for the life of the page: at most one copy per language.
        let owned: &'static str = Box::leak(pack.to_string().into_boxed_str());
        let (_, texts) = parse_pack(owned)?;
        packs::set(lang, Box::leak(texts.into_boxed_slice()));
    }
    Ok(lang)
}

/// Whether `lang`'s texts are available.
pub fn has_texts(lang: Lang) -> bool {
    #[cfg(feature = "external-texts")]
    {
        packs::get(lang).is_some()
    }
    #[cfg(not(feature = "external-texts"))]
    {
        let _ = lang;
        true
    }
}

#[cfg(feature = "external-texts")]
mod packs {
    use super::Lang;
    use core::cell::Cell;

    type Pack = &'static [&'static str];

    #[cfg(not(target_arch = "wasm32"))]
    std::thread_local! {
        static PACKS: [Cell<Option<Pack>>; 3] = const { [Cell::new(None), Cell::new(None), Cell::new(None)] };
    }
    #[cfg(target_arch = "wasm32")]
    static PACKS: crate::OneThread<[Cell<Option<Pack>>; 3]> =
        crate::OneThread([Cell::new(None), Cell::new(None), Cell::new(None)]);

    pub fn get(lang: Lang) -> Option<Pack> {
        PACKS.with(|p| p[lang as usize].get())
    }

    pub fn set(lang: Lang, pack: Pack) {
        PACKS.with(|p| p[lang as usize].set(Some(pack)));
    }
}
