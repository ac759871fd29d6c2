#![cfg(not(target_arch = "wasm32"))]
//! Properties over random answers: the safety rules are floors, screening
//! gaps never give self-care, a routine or self-care result never says to
//! get help now, nothing panics, the interview terminates (having asked
//! what could settle a rule or establish an exception behind the level).

mod common;

use proptest::prelude::*;
use twitch_triage::kb::{
    ExplanationDef, FindingId, FindingKind, Level, RuleDef, EXPLANATIONS, QUESTIONS, RULES,
};
use twitch_triage::{classify, Findings, Input, Interview, Value};

/// The spec's warning signs (clinical-spec.md, "Warning signs").
const WARNING_SIGNS: &[&str] = &[
    "breathing_difficulty",
    "breathless_on_effort",
    "loss_of_awareness",
    "sudden_confusion",
    "memory_decline",
    "weakness",
    "weakness_worsening",
    "one_sided_symptoms",
    "sudden_onset",
    "speech_or_swallowing",
    "muscle_wasting",
    "dexterity_loss_or_falls",
    "chest_pain",
    "head_injury",
    "fever",
    "stiff_neck_or_rash",
    "jaw_stiffness",
    "recent_wound",
    "bladder_bowel_or_saddle",
    "dark_urine",
    "agitated",
    "sweating_hot",
    "tingling_around_mouth",
    "pregnant_or_recently_gave_birth",
];

/// A value for finding `f` from a random seed. `unknown` and `yes` (out of
/// 100) set how often a finding is left unknown and a yes/no finding is yes,
/// so that both sparse and nearly complete answer sets come up.
fn value_with(f: FindingId, seed: u32, unknown: u32, yes: u32) -> Value {
    let def = f.def();
    if seed % 100 < unknown {
        return Value::Unknown;
    }
    let seed = seed / 100;
    match def.kind {
        FindingKind::Bool => Value::Bool(seed % 100 < yes),
        FindingKind::Int { min, max } => {
            Value::Int(min + (seed % (max as u32 - min as u32 + 1)) as u8)
        }
        FindingKind::One => Value::One((seed % def.values.len() as u32) as u8),
        FindingKind::Set => {
            // Sparse sets: mostly zero to two members.
            let n = def.values.len() as u32;
            let mut m = 0u16;
            if seed % 3 != 0 {
                m |= 1 << (seed % n);
            }
            if seed % 5 == 0 {
                m |= 1 << ((seed / 7) % n);
            }
            Value::Set(m)
        }
    }
}

fn value(f: FindingId, seed: u32) -> Value {
    value_with(f, seed, 25, 33)
}

fn findings_strategy() -> impl Strategy<Value = Findings> {
    (
        0u32..40,
        0u32..40,
        proptest::collection::vec(any::<u32>(), FindingId::all().count()),
    )
        .prop_map(|(unknown, yes, seeds)| {
            // Square the rates: most cases have few unknowns and few yes answers.
            let (unknown, yes) = (unknown * unknown / 16, yes * yes / 16);
            let mut f = Findings::new();
            for (id, s) in FindingId::all().zip(seeds) {
                f.set(id, value_with(id, s, unknown, yes)).unwrap();
            }
            f
        })
}

proptest! {
    // Past failures are kept beside this file (tests/properties.proptest-regressions)
    // and re-run first.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_warning_sign_never_lowers_the_level(f in findings_strategy()) {
        let before = classify(&f).triage;
        for name in WARNING_SIGNS {
            let id = FindingId::by_name(name).unwrap();
            if f.get(id) == Value::Bool(true) {
                continue;
            }
            let mut g = f.clone();
            g.set(id, Value::Bool(true)).unwrap();
            let after = classify(&g).triage;
            prop_assert!(after <= before, "{name}: {:?} -> {:?} for {:?}", before, after, f);
        }
    }

    #[test]
    fn never_self_care_while_screening_is_incomplete(f in findings_strategy()) {
        let a = classify(&f);
        prop_assert_eq!(a.complete, a.unanswered.is_empty());
        if !a.unanswered.is_empty() {
            prop_assert_ne!(a.triage, Level::SelfCare);
            prop_assert!(a.rules.iter().any(|r| r.id() == "R9"));
        }
    }

    #[test]
    fn a_routine_or_self_care_result_never_says_get_help_now(f in findings_strategy()) {
        let a = classify(&f);
        if a.triage >= Level::Routine {
            for line in &a.advice {
                prop_assert!(
                    !common::calls_for_help_unconditionally(line),
                    "{:?} result (first: {}) says {:?}", a.triage, a.explanations[0].id, line
                );
            }
        }
    }

    /// On a routine result only the level's action says to book an
    /// appointment, and an emergency result says once to bring the
    /// medicines (`tests/vignettes.rs::advice_says_each_thing_once`).
    #[test]
    fn the_advice_says_to_book_or_to_bring_the_medicines_once(f in findings_strategy()) {
        let a = classify(&f);
        if a.triage == Level::Routine {
            let books = a.advice.iter().filter(|x| x.contains("appointment")).count();
            prop_assert_eq!(books, 1, "first: {}, advice {:?}", a.explanations[0].id, a.advice);
        }
        if a.triage == Level::Emergency {
            let packets = a.advice.iter().filter(|x| x.contains("packets")).count();
            prop_assert_eq!(packets, 1, "advice {:?}", a.advice);
        }
    }

    /// An explanation whose requirement the answers rule out (spasticity
    /// without a stroke, MS or a spinal cord injury; a medicine side effect
    /// without a medicine) never comes first.
    #[test]
    fn an_explanation_is_never_first_without_what_it_requires(f in findings_strategy()) {
        let r = classify(&f);
        let top = ExplanationDef::by_id(r.explanations[0].id).unwrap();
        if let Some(req) = top.requires {
            prop_assert_ne!(twitch_triage::rules::eval(req, &f), twitch_triage::rules::Truth::False, "{} first", top.id);
        }
    }

    #[test]
    fn the_level_is_the_most_urgent_floor_and_first_explanation(f in findings_strategy()) {
        let a = classify(&f);
        let floor = a.rules.iter().map(|r| r.level()).min();
        let usual = a.explanations[0].level;
        prop_assert_eq!(a.triage, floor.map_or(usual, |x| x.min(usual)));
        for r in &a.rules {
            prop_assert!(a.triage <= r.level());
            let def = RULES.iter().find(|d| d.id() == r.id()).unwrap();
            prop_assert_eq!(def.level, r.level());
        }
        // Urgent and emergency results always trace to a named rule.
        if a.triage <= Level::Urgent {
            prop_assert!(a.rules.iter().any(|r| r.level() == a.triage));
        }
        prop_assert!(a.explanations.len() >= 3 && a.explanations.len() <= 5);
        // Best first by score, except that rule C1 may put first a cause an
        // emergency or urgent rule points to, and, when the lead is a cause
        // an emergency rule yields to, that rule's own second (its own
        // test, below).
        let sorted_from = if a.second_is_the_emergency() { 2 } else { 1 };
        prop_assert!(a.explanations[sorted_from..].windows(2).all(|w| w[0].score >= w[1].score));
        prop_assert!(!a.advice.is_empty());
    }

    /// Rule C1 (docs/SAFETY.md, H17): an emergency or urgent result leads
    /// with a cause one of its fired emergency or urgent rules points to,
    /// unless every such rule flags a risk independent of the cause (or the
    /// answers ruled out every cause they point to).
    #[test]
    fn an_urgent_or_emergency_result_leads_with_a_cause_its_rules_name(f in findings_strategy()) {
        let a = classify(&f);
        if a.triage > Level::Urgent {
            return Ok(());
        }
        let fired: Vec<&RuleDef> = a
            .rules
            .iter()
            .map(|r| RULES.iter().find(|d| d.id() == r.id()).unwrap())
            .filter(|d| d.level <= Level::Urgent)
            .collect();
        let named = |id: &str| {
            fired.iter().any(|d| d.evidence_for.iter().any(|&e| EXPLANATIONS[e as usize].id == id))
        };
        // A cause the answers ruled out (what it requires is missing) cannot
        // lead: the property holds when a fired rule names one that can.
        let possible = |e: &ExplanationDef| {
            e.requires
                .is_none_or(|req| twitch_triage::rules::eval(req, &f) != twitch_triage::rules::Truth::False)
        };
        let can_lead = fired
            .iter()
            .filter(|d| !d.independent)
            .any(|d| d.evidence_for.iter().any(|&e| possible(&EXPLANATIONS[e as usize])));
        if !can_lead {
            return Ok(());
        }
        prop_assert!(
            named(a.explanations[0].id),
            "{:?} leads an {:?} result whose rules {:?} point elsewhere",
            a.explanations[0].id,
            a.triage,
            fired.iter().map(|d| d.id()).collect::<Vec<_>>()
        );
        // And by one of the most urgent fired rules that name causes, when
        // one of the causes they name is possible.
        let top = fired.iter().filter(|d| !d.independent).map(|d| d.level).min().unwrap();
        let at_top: Vec<&&RuleDef> = fired.iter().filter(|d| !d.independent && d.level == top).collect();
        // Or, in an emergency, by an urgent rule, when every fired emergency
        // rule that names causes lists that cause in `yields_to` and the
        // scores make it CROSS_LEVEL_RATIO times as likely as each cause the
        // emergency rules name; the emergency's own cause is then second.
        let posterior = twitch_triage::score::posterior(&f);
        let lead = EXPLANATIONS.iter().position(|e| e.id == a.explanations[0].id).unwrap();
        let cross = top == Level::Emergency
            && fired.iter().any(|d| d.level == Level::Urgent && d.evidence_for.contains(&(lead as u8)))
            && at_top.iter().filter(|d| !d.evidence_for.is_empty()).all(|d| d.yields_to & (1 << lead) != 0)
            && at_top.iter().flat_map(|d| d.evidence_for.iter()).all(|&e| {
                posterior[lead] >= twitch_triage::assess::CROSS_LEVEL_RATIO * posterior[e as usize]
            });
        if cross {
            prop_assert!(
                at_top.iter().any(|d| d
                    .evidence_for
                    .iter()
                    .any(|&e| EXPLANATIONS[e as usize].id == a.explanations[1].id)),
                "{:?} leads across levels, but {:?} is second",
                a.explanations[0].id,
                a.explanations[1].id
            );
        }
        // When the lead is a cause an emergency rule yields to but another
        // emergency rule names (E25's infection beside E12's blocked
        // bladder), the yielding rule's own cause is second, as across levels.
        let kept = fired.iter().find(|d| {
            !cross
                && top == Level::Emergency
                && d.level == Level::Emergency
                && d.yields_to & (1 << lead) != 0
                && !d.evidence_for.contains(&(lead as u8))
        });
        if let Some(d) = kept {
            prop_assert!(
                d.evidence_for.iter().any(|&e| EXPLANATIONS[e as usize].id == a.explanations[1].id),
                "{:?} leads and {} yields to it, but {:?} is second",
                a.explanations[0].id,
                d.id(),
                a.explanations[1].id
            );
        }
        prop_assert_eq!(a.second_is_the_emergency(), cross || kept.is_some());
        if at_top.iter().any(|d| d.evidence_for.iter().any(|&e| possible(&EXPLANATIONS[e as usize]))) {
            prop_assert!(
                cross || at_top.iter().any(|d| d
                    .evidence_for
                    .iter()
                    .any(|&e| EXPLANATIONS[e as usize].id == a.explanations[0].id)),
                "{:?} leads, but the {:?} rules {:?} name others",
                a.explanations[0].id,
                top,
                at_top.iter().map(|d| d.id()).collect::<Vec<_>>()
            );
        }
    }

    /// Random commands, valid or not, in any order: the interview never
    /// panics, never offers a question already answered, and a bad answer
    /// changes nothing.
    #[test]
    fn interview_commands_in_any_order(cmds in proptest::collection::vec((0u8..4, any::<u16>(), any::<u32>()), 0..60)) {
        let mut iv = Interview::default();
        for (op, q, v) in cmds {
            match op {
                0 => {
                    if let Some(i) = iv.next_index() {
                        prop_assert!(!iv.was_asked(i), "offered {} again", QUESTIONS[i].id);
                    }
                }
                1 | 2 => {
                    let qi = q as usize % QUESTIONS.len();
                    let input = random_input(v, qi);
                    let before = iv.answers().clone();
                    let n = iv.answered();
                    if iv.answer(QUESTIONS[qi].id, &input).is_err() {
                        prop_assert_eq!(iv.answers(), &before);
                        prop_assert_eq!(iv.answered(), n);
                    }
                }
                _ => { iv.back(); }
            }
            let _ = iv.result();
        }
    }

    /// Answering whatever the interview asks, with random valid answers, it
    /// stops within one pass over the questions and never repeats one.
    #[test]
    fn the_interview_always_terminates(seeds in proptest::collection::vec(any::<u32>(), QUESTIONS.len())) {
        let mut iv = Interview::default();
        let mut asked = Vec::new();
        while let Some(i) = iv.next_index() {
            prop_assert!(!asked.contains(&i), "asked {} twice", QUESTIONS[i].id);
            prop_assert!(asked.len() < QUESTIONS.len());
            asked.push(i);
            let input = valid_input(seeds[asked.len() - 1], i);
            iv.answer(QUESTIONS[i].id, &input).unwrap();
        }
        let r = iv.result();
        if r.triage != Level::Emergency {
            // Every question that could still settle a rule was asked.
            for f in &r.unanswered {
                let f = FindingId::by_name(f).unwrap();
                prop_assert!(iv.was_asked(f.def().question as usize));
            }
        }
        // The first explanation rests on what it cannot be without: its
        // requirement was asked (spasticity is not shown to someone never
        // asked about a stroke, MS or a spinal cord injury).
        let top = ExplanationDef::by_id(r.explanations[0].id).unwrap();
        if let Some(req) = top.requires.filter(|_| r.triage != Level::Emergency) {
            let mut open = twitch_triage::rules::FindingSet::default();
            twitch_triage::rules::open(req, iv.answers(), &mut open);
            for f in open.iter() {
                prop_assert!(iv.was_asked(f.def().question as usize), "{}: {} not asked", top.id, f.id());
            }
        }
        // A level that only rules with an unsettled exception set was not
        // settled on before the question that could establish it.
        if r.triage < r.explanations[0].level {
            let outcome = twitch_triage::rules::evaluate(iv.answers());
            for f in twitch_triage::rules::lowerable(&outcome, iv.answers()).iter() {
                prop_assert!(iv.was_asked(f.def().question as usize), "{} not asked", f.id());
            }
        }
    }

    /// A self-care result rests on nothing unasked (SAFETY H3): every
    /// routine rule that could still fire, and every requirement of an
    /// explanation whose usual level is higher, was asked, or its question
    /// was not shown (its `ask_if` is false).
    #[test]
    fn a_self_care_result_leaves_no_routine_rule_or_requirement_unasked(seeds in proptest::collection::vec(any::<u32>(), QUESTIONS.len())) {
        let mut iv = Interview::default();
        let mut n = 0;
        while let Some(i) = iv.next_index() {
            iv.answer(QUESTIONS[i].id, &valid_input(seeds[n], i)).unwrap();
            n += 1;
        }
        if iv.result().triage == Level::SelfCare {
            let shown = |f: FindingId| {
                let q = &QUESTIONS[f.def().question as usize];
                iv.was_asked(f.def().question as usize)
                    || q.ask_if.is_some_and(|c| twitch_triage::rules::eval(c, iv.answers()) == twitch_triage::rules::Truth::False)
            };
            let outcome = twitch_triage::rules::evaluate(iv.answers());
            for f in outcome.open_routine.iter() {
                prop_assert!(shown(f), "routine rule's {} not asked", f.id());
            }
            for e in EXPLANATIONS.iter().filter(|e| e.level < Level::SelfCare) {
                if let Some(req) = e.requires {
                    let mut open = twitch_triage::rules::FindingSet::default();
                    twitch_triage::rules::open(req, iv.answers(), &mut open);
                    for f in open.iter() {
                        prop_assert!(shown(f), "{} requires {}, not asked", e.id, f.id());
                    }
                }
            }
        }
    }
}

/// A valid answer to question `qi`.
fn valid_input(seed: u32, qi: usize) -> Input {
    let q = &QUESTIONS[qi];
    match q.finding {
        None => Input::List(
            q.options
                .iter()
                .enumerate()
                .filter(|(i, _)| seed & (1 << i) != 0 && seed % 3 == 0)
                .map(|(_, f)| Input::from(f.id()))
                .collect(),
        ),
        Some(f) => match value(f, seed) {
            Value::Unknown if matches!(f.def().kind, FindingKind::Set) => Input::List(vec![]),
            Value::Unknown => Input::Null,
            Value::Bool(b) => Input::Bool(b),
            Value::Int(n) => Input::from(n as i32),
            Value::One(i) => Input::from(f.def().values[i as usize].id),
            Value::Set(_) => Input::List(
                Findings::new()
                    .set_members(f)
                    .map(Input::from)
                    .chain(
                        f.def()
                            .values
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| seed & (1 << i) != 0 && seed % 2 == 0)
                            .map(|(_, v)| Input::from(v.id)),
                    )
                    .collect(),
            ),
        },
    }
}

/// Any answer, often invalid.
fn random_input(seed: u32, qi: usize) -> Input {
    match seed % 9 {
        0 => Input::Null,
        1 => Input::Bool(seed % 2 == 0),
        2 => Input::Number((seed % 300) as f64 - 50.0),
        3 => Input::Number(f64::NAN),
        4 => Input::from("flicker"),
        5 => Input::List(vec![Input::from("fever"), Input::Number(1.0)]),
        6 => Input::Object,
        7 => Input::TooLong,
        _ => valid_input(seed, qi),
    }
}
