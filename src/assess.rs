//! `classify`: from the answers so far to an [`Assessment`] with the exact
//! shape of the public API contract (`../shared/clinical-spec.md`).

use alloc::{vec, vec::Vec};
use serde::Serialize;

use crate::findings::Findings;
use crate::kb::{t, text, FindingId, Lang, Level, RuleDef, EXPLANATIONS, RULES, RULE_IDS};
use crate::rules::{self, Outcome};
use crate::score::{self, EXPLANATION_COUNT};

/// One possible explanation, best first in [`Assessment::explanations`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub id: &'static str,
    pub name: &'static str,
    /// The explanation's usual level (`self_care` or `routine`).
    pub level: Level,
    /// Posterior probability, for ranking only: show words, not this number.
    pub score: f64,
    /// Finding ids that raised this explanation most, strongest first.
    pub reasons: Vec<&'static str>,
}

/// A safety rule that fired. Its id, level and the findings that made it
/// fire are read through methods, so that a build that never reads them
/// (the element's, which shows the rules' advice only) carries neither the
/// rules' ids nor the code that lists them; it serializes as
/// `{ id, level, because }`, the API's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    rule: u8,
    because: Vec<FindingId>,
}

impl Rule {
    /// `E1` … `E25`, `U1` … `U35`, `R1` … `R14`.
    pub fn id(&self) -> &'static str {
        RULE_IDS[self.index()]
    }
    pub fn level(&self) -> Level {
        self.def().level
    }
    /// Its definition in the knowledge base.
    pub fn def(&self) -> &'static RuleDef {
        &RULES[self.index()]
    }
    /// Its place in [`RULES`].
    pub fn index(&self) -> usize {
        usize::from(self.rule)
    }
    /// The finding ids that made it fire.
    pub fn because(&self) -> Vec<&'static str> {
        self.because.iter().map(|f| f.id()).collect()
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut r = s.serialize_struct("Rule", 3)?;
        r.serialize_field("id", self.id())?;
        r.serialize_field("level", &self.level())?;
        r.serialize_field("because", &self.because())?;
        r.end()
    }
}

/// The result for the answers so far.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub triage: Level,
    pub explanations: Vec<Explanation>,
    pub rules: Vec<Rule>,
    /// Unknown findings that could still make an emergency or urgent rule fire.
    pub unanswered: Vec<&'static str>,
    /// True when `unanswered` is empty.
    pub complete: bool,
    /// What to do now, in the chosen language, most important first.
    pub advice: Vec<&'static str>,
    /// A cause an emergency rule yields to leads this emergency (rule C1,
    /// `yields_to`: an urgent rule's, or another emergency rule's), and
    /// that rule's own cause is second: a screen shows that one whatever
    /// its score. (Beyond the spec's shape: an interface built on the API
    /// needs it to do what the element does.)
    second_is_the_emergency: bool,
}

impl Assessment {
    /// Whether the second explanation is the cause an emergency rule names,
    /// put there because a cause it yields to leads (rule C1): it is the
    /// danger that rule's advice speaks of, so it is always shown.
    pub fn second_is_the_emergency(&self) -> bool {
        self.second_is_the_emergency
    }
}

/// Explanations listed: at least this many …
const MIN_LISTED: usize = 3;
/// … and at most this many, the extra ones only when reasonably likely.
const MAX_LISTED: usize = 5;
const EXTRA_MIN_SCORE: f64 = 0.10;

/// Everything the core derives from the answers, shared by `classify` and
/// the interview (which also needs the raw posterior).
pub(crate) struct Analysis {
    pub outcome: Outcome,
    pub slots: score::Slots,
    pub posterior: [f64; EXPLANATION_COUNT],
    pub ranking: [u8; EXPLANATION_COUNT],
    pub level: Level,
    /// See [`Assessment::second_is_the_emergency`].
    pub crossed: bool,
}

impl Analysis {
    pub fn new(f: &Findings) -> Analysis {
        let outcome = rules::evaluate(f);
        let slots = score::lit_slots(f);
        let posterior = score::normalise(&score::log_scores_of(f, &slots));
        let mut ranking = score::ranking(&posterior);
        let likeliest = ranking[0] as usize;
        let level = triage(&outcome, likeliest);
        let crossed = lead_with_a_cause_the_rules_name(&outcome, &posterior, &mut ranking);
        Analysis {
            outcome,
            slots,
            posterior,
            ranking,
            level,
            crossed,
        }
    }

    pub fn top(&self) -> usize {
        self.ranking[0] as usize
    }
}

/// Safety rule C1 (docs/SAFETY.md, H17): an emergency or urgent result never
/// leads with a cause its rules do not point to ("most likely: harmless
/// everyday twitching" under "get help now"). When an emergency or urgent
/// rule fired that names the explanations it is evidence for
/// (`kb/rules.toml`, `for`), one of those comes first: among the causes
/// named by the most urgent of those rules (by those marked `always_leads`
/// first), the one with the most likelihood times the number of fired rules
/// pointing to it; the others keep their order. In an emergency, a cause an
/// urgent rule names leads instead when every fired emergency rule that
/// names causes lists it in `yields_to` and the scores make it
/// [`CROSS_LEVEL_RATIO`] times as likely as each cause the emergency rules
/// name; the emergency's own cause then comes second. So does the own cause
/// of an emergency rule whose `yields_to` lists a lead another emergency
/// rule names (E25's infection beside E12's blocked bladder). Rules that flag a risk
/// whatever the cause (`independent`) name none, and leave the order as the
/// scores give it; so does an explanation the answers ruled out (what it
/// requires is missing: score 0). The level does not change: it is the
/// rules' floor either way.
fn lead_with_a_cause_the_rules_name(
    outcome: &Outcome,
    posterior: &[f64; EXPLANATION_COUNT],
    ranking: &mut [u8; EXPLANATION_COUNT],
) -> bool {
    let Some((first, second)) = c1_leads(outcome, posterior) else {
        return false;
    };
    for e in second.into_iter().chain([first]) {
        let p = ranking.iter().position(|&x| x as usize == e).unwrap_or(0);
        ranking[..=p].rotate_right(1);
    }
    second.is_some()
}

/// How many times likelier than each cause the emergency rules name a cause
/// an urgent rule names must be to lead an emergency (rule C1, `yields_to`).
pub const CROSS_LEVEL_RATIO: f64 = 10.0;

/// The explanation rule C1 puts first for these fired rules and scores, if
/// any (see [`lead_with_a_cause_the_rules_name`]); the interview also asks
/// it of the scores each answer would give.
pub(crate) fn c1_lead(outcome: &Outcome, posterior: &[f64; EXPLANATION_COUNT]) -> Option<usize> {
    c1_leads(outcome, posterior).map(|(first, _)| first)
}

/// C1's first explanation, and, when an urgent rule's cause leads an
/// emergency, the emergency rules' own, which comes second.
fn c1_leads(
    outcome: &Outcome,
    posterior: &[f64; EXPLANATION_COUNT],
) -> Option<(usize, Option<usize>)> {
    if rules::switched_off("C1") {
        return None;
    }
    // How many of the fired emergency and urgent rules point to `e`.
    let votes = |e: u8| {
        outcome
            .fired
            .iter()
            .filter(|r| r.def().level <= Level::Urgent && r.def().evidence_for.contains(&e))
            .count()
    };
    let level = c1_level(outcome, posterior)?;
    // Among the causes the rules at that level name, the one with the most
    // likelihood times the number of fired rules that point to it (a cause
    // several rules point to, a lithium level with confusion, before one only
    // the broadest points to; the likeliest among equals), those of rules
    // marked `always_leads` first. In an emergency, a cause an urgent rule
    // names may lead instead if every fired emergency rule that names causes
    // lists it in `yields_to`, and it is CROSS_LEVEL_RATIO times as likely as
    // each cause they name (chosen the same way). One pass: the fired rules
    // come in the knowledge base's order, emergency first, so `yields` and
    // `likeliest` are complete before the urgent rules are reached.
    let mut lead = None;
    let mut best = (false, 0.0, 0.0);
    let mut cross = None;
    let mut cross_best = (0.0, 0.0);
    let mut yields = u32::MAX;
    let mut likeliest = 0.0f64;
    for r in &outcome.fired {
        let d = r.def();
        let at = d.level == level;
        if at && !d.evidence_for.is_empty() {
            yields &= d.yields_to;
        }
        for &e in d.evidence_for {
            let p = posterior[e as usize];
            let weight = (p * votes(e) as f64, p);
            if at {
                likeliest = likeliest.max(p);
                let key = (d.always_leads, weight.0, weight.1);
                if p > 0.0 && key > best {
                    (lead, best) = (Some(e as usize), key);
                }
            } else if level == Level::Emergency
                && d.level == Level::Urgent
                && yields & (1 << e) != 0
                && p >= CROSS_LEVEL_RATIO * likeliest
                && weight > cross_best
            {
                (cross, cross_best) = (Some(e as usize), weight);
            }
        }
    }
    let lead = lead?;
    if let Some(cross) = cross {
        return Some((cross, Some(lead)));
    }
    // The lead may be a cause a fired emergency rule yields to, named at
    // the emergency level by another (E25's infection beside E12's blocked
    // bladder): that rule's own cause, the one its advice speaks of, is
    // then kept second and shown as when an urgent rule's cause leads. (A
    // rule with `yields_to` names causes: the build checks.)
    let own = outcome
        .fired
        .iter()
        .map(|r| r.def())
        .find(|d| {
            d.level == Level::Emergency
                && d.yields_to & (1 << lead) != 0
                && !d.evidence_for.contains(&(lead as u8))
        })
        .and_then(|d| {
            d.evidence_for
                .iter()
                .max_by(|a, b| posterior[**a as usize].total_cmp(&posterior[**b as usize]))
        })
        .map(|&e| e as usize);
    Some((lead, own))
}

/// The level of the fired rules whose causes rule C1 leads with: the most
/// urgent among the fired emergency and urgent rules that name causes the
/// answers did not rule out (after a blow to the head with clumsy hands,
/// the cause the emergency rule names, not one only the urgent rule about
/// weakness names). The interview asks, in an emergency, what their causes
/// require.
pub(crate) fn c1_level(outcome: &Outcome, posterior: &[f64; EXPLANATION_COUNT]) -> Option<Level> {
    outcome
        .fired
        .iter()
        .filter(|r| {
            r.def().level <= Level::Urgent
                && r.def()
                    .evidence_for
                    .iter()
                    .any(|&e| posterior[e as usize] > 0.0)
        })
        .map(|r| r.def().level)
        .min()
}

/// The most urgent of the fired rules' floors and the first explanation's
/// usual level. Scores can only choose the explanation; they never lower a floor.
pub(crate) fn triage(outcome: &Outcome, top: usize) -> Level {
    let usual = EXPLANATIONS[top].level;
    match outcome.floor() {
        Some(floor) => floor.min(usual),
        None => usual,
    }
}

/// Classifies the answers so far, with texts in English.
pub fn classify(f: &Findings) -> Assessment {
    classify_in(f, Lang::En)
}

/// Classifies the answers so far, with texts in `lang`.
pub fn classify_in(f: &Findings, lang: Lang) -> Assessment {
    assessment(f, &Analysis::new(f), lang)
}

pub(crate) fn assessment(f: &Findings, a: &Analysis, lang: Lang) -> Assessment {
    let mut explanations = Vec::with_capacity(MAX_LISTED);
    for (i, &e) in a.ranking.iter().enumerate().take(MAX_LISTED) {
        let e = e as usize;
        if i >= MIN_LISTED && a.posterior[e] < EXTRA_MIN_SCORE {
            break;
        }
        let def = &EXPLANATIONS[e];
        explanations.push(Explanation {
            id: def.id,
            name: text(lang, def.name),
            level: def.level,
            score: a.posterior[e],
            reasons: score::reasons_of(e, f, &a.slots)
                .into_iter()
                .map(|id| id.id())
                .collect(),
        });
    }
    let rules: Vec<Rule> = a
        .outcome
        .fired
        .iter()
        .map(|r| Rule {
            rule: r.rule as u8,
            because: r.because.clone(),
        })
        .collect();
    let unanswered: Vec<&'static str> = a.outcome.unanswered.iter().map(|id| id.id()).collect();
    Assessment {
        triage: a.level,
        advice: advice(a, lang),
        explanations,
        rules,
        complete: unanswered.is_empty(),
        unanswered,
        second_is_the_emergency: a.crossed,
    }
}

/// What to do now: the level's action; for an emergency, to bring the
/// medicines; the advice of the rules that set the level (and of R9 when
/// screening is incomplete, except on an emergency result: "we cannot say
/// this is safe to look after at home" only distracts from calling for
/// help, and `unanswered` still lists what was left open); for a routine or
/// self-care result, the first explanation's steps and its safety net.
fn advice(a: &Analysis, lang: Lang) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = vec![a.level.action(lang)];
    let mut push = |s: &'static str| {
        if !out.contains(&s) {
            out.push(s)
        }
    };
    if a.level == Level::Emergency {
        push(text(lang, t::EMERGENCY_MEDICINES));
    }
    for r in &a.outcome.fired {
        let def = &RULES[r.rule];
        if def.level == a.level || (def.special.is_some() && a.level != Level::Emergency) {
            push(text(lang, def.advice));
        }
    }
    if a.level >= Level::Routine {
        let top = &EXPLANATIONS[a.top()];
        top.todo.iter().for_each(|&x| push(text(lang, x)));
        push(text(lang, top.safety_net));
    }
    out
}
