//! Acceptance: a simulated person answers the interview for every vignette.

mod common;

use twitch_triage::kb::{Level, QUESTIONS, RULES};
use twitch_triage::rules::{eval, Truth};
use twitch_triage::{classify, Input, Interview};

#[test]
fn simulated_interviews_meet_the_vignette_targets() {
    check(&common::cases());
}

/// The same on our own cases (tests/vignettes.rs says why they exist).
#[test]
fn simulated_interviews_meet_the_targets_on_our_own_cases() {
    check(&common::own_cases());
}

fn check(cases: &[common::Case]) {
    let n = cases.len();
    let (mut triage_ok, mut top1, mut top1_classify) = (0, 0, 0);
    let mut counts = Vec::new();
    for c in cases {
        let (iv, asked) = common::simulate(c);
        let a = iv.result();
        let full = classify(&common::findings(c));
        let first = c.expect.top.iter().any(|t| t == a.explanations[0].id);
        triage_ok += (a.triage.id() == c.expect.triage) as usize;
        top1 += first as usize;
        top1_classify += c.expect.top.iter().any(|t| t == full.explanations[0].id) as usize;
        counts.push(asked.len());
        println!(
            "{} {:9} first {:24} {:2} questions: {}",
            c.id,
            a.triage.id(),
            a.explanations[0].id,
            asked.len(),
            asked.join(" ")
        );
        assert_eq!(a.triage.id(), c.expect.triage, "{}: triage", c.id);

        // Every emergency and urgent rule is settled: it fired, or the answers
        // rule it out, or what is left open was asked and answered "not sure".
        // Only an emergency result may stop before that.
        if a.triage != Level::Emergency {
            for r in RULES.iter().filter(|r| r.level <= Level::Urgent) {
                let cond = r.cond.unwrap();
                if eval(cond, iv.answers()) == Truth::Unknown {
                    let mut open = Default::default();
                    twitch_triage::rules::open(cond, iv.answers(), &mut open);
                    for f in open.iter() {
                        assert!(
                            iv.was_asked(f.def().question as usize),
                            "{}: rule {} left open: {} never asked",
                            c.id,
                            r.id(),
                            f.id()
                        );
                        assert!(
                            a.unanswered.contains(&f.id()),
                            "{}: {} open but not listed",
                            c.id,
                            f.id()
                        );
                    }
                }
            }
        }
    }
    counts.sort();
    let median = counts[n / 2];
    let max = *counts.last().unwrap();
    println!("interview: triage {triage_ok}/{n}, first place {top1}/{n} (classify: {top1_classify}/{n}), questions median {median}, max {max}");
    assert_eq!(triage_ok, n);
    assert!(
        top1 >= top1_classify,
        "interview first place {top1} below classify's {top1_classify}"
    );
    assert!(median <= 12, "median {median}");
    assert!(max <= 18, "max {max}");
}

#[test]
fn the_same_answers_give_the_same_questions() {
    for c in common::cases() {
        let (_, a) = common::simulate(&c);
        let (_, b) = common::simulate(&c);
        assert_eq!(a, b, "{}", c.id);
    }
}

#[test]
fn red_flags_are_screened_first() {
    let iv = Interview::default();
    assert_eq!(iv.next().unwrap().id, "emergency_signs");
}

#[test]
fn an_emergency_answer_gives_an_emergency_result_at_once() {
    let mut iv = Interview::default();
    iv.answer("emergency_signs", &Input::from(vec!["chest_pain"]))
        .unwrap();
    let r = iv.result();
    assert_eq!(r.triage, Level::Emergency);
    assert!(r.rules.iter().any(|x| x.id() == "E5"));
    assert!(
        r.advice.iter().any(|a| a.contains("medicines")),
        "emergency advice mentions bringing medicines"
    );
}

#[test]
fn not_sure_leaves_findings_unanswered_and_never_self_care() {
    let c = common::case("dev-18");
    let mut iv = Interview::default();
    while let Some(i) = iv.next_index() {
        let q = &QUESTIONS[i];
        let v = if q.id == "sudden_onset" || q.id == "age" {
            Input::Null
        } else {
            common::simulated_answer(&c, i)
        };
        iv.answer(q.id, &v).unwrap();
    }
    // "Not sure" about the age leaves U6, U7 and E6 open.
    let r = iv.result();
    assert!(!r.complete);
    assert!(r.unanswered.contains(&"age"));
    assert!(r
        .rules
        .iter()
        .any(|x| x.id() == "R9" && x.because().contains(&"age")));
    assert_ne!(r.triage, Level::SelfCare);
}

#[test]
fn back_undoes_the_last_answer() {
    let mut iv = Interview::default();
    iv.answer("emergency_signs", &Input::from(Vec::<&str>::new()))
        .unwrap();
    iv.answer("age", &Input::from(40)).unwrap();
    let before = iv.answers().clone();
    let next = iv.next().unwrap().id;
    iv.answer(next, &Input::from(vec!["leg_or_foot"])).unwrap();
    assert!(iv.back());
    assert_eq!(iv.answers(), &before);
    assert_eq!(
        iv.next().unwrap().id,
        next,
        "the undone question is asked again"
    );
    assert!(iv.back() && iv.back());
    assert!(!iv.back(), "nothing left to undo");
    assert_eq!(iv.answered(), 0);
    assert_eq!(iv.next().unwrap().id, "emergency_signs");
}

#[test]
fn answering_again_and_going_back_restores_the_first_answer() {
    let mut iv = Interview::default();
    iv.answer("movement", &Input::from("flicker")).unwrap();
    iv.answer("movement", &Input::from("jerk")).unwrap();
    assert!(iv.back());
    assert_eq!(
        iv.answers().get(twitch_triage::kb::f::MOVEMENT),
        twitch_triage::Value::One(0)
    );
    assert!(iv.was_asked(twitch_triage::kb::QuestionDef::by_name("movement").unwrap()));
}

#[test]
fn a_follow_up_made_irrelevant_by_a_changed_answer_no_longer_counts() {
    use twitch_triage::kb::{f, QuestionDef};
    use twitch_triage::Value;
    let q = |id| QuestionDef::by_name(id).unwrap();
    let mut iv = Interview::default();
    iv.answer("body_areas", &Input::from(vec!["eyelid", "face"]))
        .unwrap();
    iv.answer("eye_and_mouth", &Input::from(true)).unwrap();
    // Changed through the API (the widget's Back takes answers back in
    // order instead): the eye and face no longer twitch, so whether they
    // pull together no longer counts, and is not listed as answered.
    iv.answer("body_areas", &Input::from(vec!["arm_or_hand"]))
        .unwrap();
    assert_eq!(iv.answers().get(f::EYE_AND_MOUTH_TOGETHER), Value::Unknown);
    assert!(!iv.was_asked(q("eye_and_mouth")));
    assert!(!iv.asked_in_order().any(|i| i == q("eye_and_mouth")));
    assert!(iv
        .result()
        .explanations
        .iter()
        .all(|e| !e.reasons.contains(&"eye_and_mouth_together")));
    // Back brings both answers back.
    assert!(iv.back());
    assert_eq!(
        iv.answers().get(f::EYE_AND_MOUTH_TOGETHER),
        Value::Bool(true)
    );
    assert!(iv.was_asked(q("eye_and_mouth")));
    assert_eq!(
        iv.asked_in_order().collect::<Vec<_>>(),
        [q("body_areas"), q("eye_and_mouth")]
    );
    // Likewise "is it in the muscles the stroke weakened" once there was no
    // stroke after all.
    iv.answer("conditions", &Input::from(vec!["stroke_history"]))
        .unwrap();
    iv.answer("on_stroke_side", &Input::from(true)).unwrap();
    iv.answer("conditions", &Input::from(Vec::<&str>::new()))
        .unwrap();
    assert_eq!(iv.answers().get(f::ON_STROKE_SIDE), Value::Unknown);
    // A follow-up answered while its condition is already false is what the
    // caller said on purpose: it stays.
    iv.answer("on_stroke_side", &Input::from(false)).unwrap();
    iv.answer("age", &Input::from(40)).unwrap();
    assert_eq!(iv.answers().get(f::ON_STROKE_SIDE), Value::Bool(false));
}

/// A person on an antidepressant, agitated and sweating a lot, with twitches
/// that started today; `movement` and `when` as given (absent: "not sure").
fn on_antidepressant(movement: Option<&str>, when: &[&str]) -> common::Case {
    let mut f = serde_json::Map::new();
    for q in &twitch_triage::kb::FINDINGS {
        if q.kind == twitch_triage::kb::FindingKind::Bool {
            f.insert(q.id.into(), false.into());
        }
    }
    f.insert("agitated".into(), true.into());
    f.insert("sweating_hot".into(), true.into());
    f.insert("medicines".into(), serde_json::json!(["antidepressant"]));
    f.insert("age".into(), 30.into());
    f.insert("body_areas".into(), serde_json::json!(["leg_or_foot"]));
    f.insert("distribution".into(), "several_spots".into());
    f.insert("duration".into(), "hours".into());
    f.insert("course".into(), "stable".into());
    f.insert("when".into(), serde_json::json!(when));
    if let Some(m) = movement {
        f.insert("movement".into(), m.into());
    }
    serde_json::from_value(serde_json::json!({
        "id": "antidepressant", "story": "", "findings": f,
        "expect": { "triage": "", "top": [] }
    }))
    .unwrap()
}

#[test]
fn not_sure_never_lowers_a_floor_and_an_exception_is_asked_first() {
    let e8 = |a: &twitch_triage::Assessment| a.rules.iter().any(|r| r.id() == "E8");
    // Serotonin toxicity (E8) holds "unless sleep-only jerks". Not sure what
    // the movement looks like: that does not establish the exception.
    let (iv, _) = common::simulate(&on_antidepressant(None, &["falling_asleep"]));
    let r = iv.result();
    assert!(e8(&r), "{:?}", r.rules);
    assert_eq!(r.triage, Level::Emergency);
    // Jerks that come only when falling asleep: the interview asks when
    // before it settles on an emergency, and the exception holds.
    let (iv, asked) = common::simulate(&on_antidepressant(Some("jerk"), &["falling_asleep"]));
    let r = iv.result();
    assert!(asked.contains(&"when"), "{asked:?}");
    assert!(!e8(&r), "{:?}", r.rules);
    assert_ne!(r.triage, Level::Emergency);
    // The same jerks at rest too: E8 fires.
    let (iv, _) = common::simulate(&on_antidepressant(
        Some("jerk"),
        &["falling_asleep", "at_rest"],
    ));
    assert!(e8(&iv.result()));
}

/// dev-05 ("after a stroke the affected leg has painful stiff spasms"),
/// with `stroke_history` and `ms_or_spinal_injury` as given.
fn stiff_painful_leg(stroke: bool, ms: bool) -> common::Case {
    let mut c = common::case("dev-05");
    c.findings.insert("stroke_history".into(), stroke.into());
    c.findings.insert("on_stroke_side".into(), stroke.into());
    c.findings.insert("ms_or_spinal_injury".into(), ms.into());
    c
}

#[test]
fn spasticity_is_shown_only_to_someone_asked_about_a_stroke_ms_or_a_spinal_injury() {
    // Painful stiff spasms point to spasticity so strongly that the model
    // predicts the stroke from them, and asking about one seemed pointless:
    // the result said "after a stroke, in MS ..." to someone never asked.
    for (stroke, ms) in [(true, false), (false, true), (false, false)] {
        let c = stiff_painful_leg(stroke, ms);
        let (iv, asked) = common::simulate(&c);
        assert!(asked.contains(&"conditions"), "{asked:?}");
        let first = iv.result().explanations[0].id;
        if stroke || ms {
            assert_eq!(first, "spasticity");
        } else {
            // Neither: the explanation cannot be spasticity (nor recovery
            // after a stroke), however well the spasms fit.
            assert!(
                !["spasticity", "stroke_recovery"].contains(&first),
                "{first}"
            );
            let r = classify(&common::findings(&c));
            assert!(
                r.explanations
                    .iter()
                    .all(|e| e.id != "spasticity" || e.score < 0.01),
                "{:?}",
                r.explanations
            );
        }
    }
}

/// The first explanation for case `c`, from `classify` on all its answers
/// and from the simulated interview.
fn firsts(c: &common::Case) -> [&'static str; 2] {
    let (iv, _) = common::simulate(c);
    [
        classify(&common::findings(c)).explanations[0].id,
        iv.result().explanations[0].id,
    ]
}

/// Asserts that `explanation` comes first for case `c`, in `classify` and in
/// the interview, exactly when `expected` holds; returns both firsts.
fn first_exactly_when(
    c: &common::Case,
    explanation: &str,
    expected: bool,
    what: impl std::fmt::Debug,
) -> [&'static str; 2] {
    let both = firsts(c);
    for first in both {
        assert_eq!(first == explanation, expected, "{what:?}: {first}");
    }
    both
}

/// `id` with `finding` answered `value`.
fn with(id: &str, finding: &str, value: serde_json::Value) -> common::Case {
    let mut c = common::case(id);
    c.findings.insert(finding.into(), value);
    c
}

#[test]
fn eyelid_twitching_is_shown_only_when_the_eyelid_alone_twitches() {
    // An eyelid twitch that spreads to the cheek or mouth is something else
    // (its own safety net says to see a doctor then): the result still
    // named "Eyelid twitching" first, and "it goes away by itself".
    // dev-02: a flickering eyelid, lots of coffee, short nights.
    for (areas, eyelid) in [
        (&["eyelid"][..], true),
        (&["eyelid", "face"], false),
        (&["eyelid", "arm_or_hand"], false),
    ] {
        let c = with("dev-02", "body_areas", areas.into());
        first_exactly_when(&c, "eyelid_twitch", eyelid, areas);
    }
    // The eye closing and the cheek pulling for months: a facial spasm
    // (movement_disorder) comes first, asked or classified.
    assert_eq!(
        firsts(&common::own_case("own-37")),
        ["movement_disorder"; 2]
    );
}

#[test]
fn sleep_starts_are_shown_only_for_jerks_that_come_only_when_falling_asleep() {
    // Jerks as one falls asleep and also in the first hours after waking
    // (in a young person, a sign of myoclonic epilepsy) came out as
    // harmless sleep starts, 89% likely, although the rules already treat
    // them as more than sleep-only jerks. dev-08: a jolt when falling
    // asleep, here at 16.
    for (when, sleep_starts) in [
        (&["falling_asleep"][..], true),
        (&["falling_asleep", "after_waking"], false),
        (&["falling_asleep", "at_rest"], false),
    ] {
        let mut c = with("dev-08", "when", when.into());
        c.findings.insert("age".into(), 16.into());
        let both = first_exactly_when(&c, "sleep_starts", sleep_starts, when);
        if when.contains(&"after_waking") {
            assert_eq!(both, ["myoclonus"; 2]);
        }
    }
}

#[test]
fn after_a_stroke_only_the_muscles_it_weakened_are_waking_up_or_spastic() {
    // Muscles "waking up" after a stroke, and spasticity after one, are in
    // the muscles the stroke weakened. Twitching elsewhere still came out
    // as recovery (41%), and painful stiff spasms as spasticity (100%),
    // when the person said it was not in those muscles.
    for (id, explanation) in [("dev-04", "stroke_recovery"), ("dev-05", "spasticity")] {
        for on_side in [true, false] {
            for first in firsts(&with(id, "on_stroke_side", on_side.into())) {
                assert!(
                    (first == explanation) == on_side
                        && (on_side || !["stroke_recovery", "spasticity"].contains(&first)),
                    "{id}, on the stroke side {on_side}: {first}"
                );
            }
        }
    }
}

#[test]
fn a_tremor_is_shown_only_for_rhythmic_shaking() {
    // A tremor is rhythmic shaking by definition: jerks when holding a cup
    // or writing (dev-19's hands, here not shaking) came out as a tremor.
    for (movement, tremor) in [("shaking", true), ("jerk", false), ("cramp", false)] {
        let c = with("dev-19", "movement", movement.into());
        first_exactly_when(&c, "tremor", tremor, movement);
    }
}

#[test]
fn a_spasm_of_one_side_of_the_face_is_asked_about_when_the_eye_and_face_twitch() {
    // own-61: for months, one side of the face twitches from the eye to the
    // mouth, and it is getting worse (a hemifacial spasm). No answer could
    // say "one side of the face", which the spec's movement_disorder points
    // towards: the result gave harmless everyday twitching first (52%).
    let asked = |c: &common::Case| common::simulate(c).1.contains(&"eye_and_mouth");
    let c = common::own_case("own-61");
    assert!(asked(&c));
    for together in [true, false] {
        let mut c = c.clone();
        c.findings
            .insert("eye_and_mouth_together".into(), together.into());
        first_exactly_when(&c, "movement_disorder", together, together);
        if !together {
            assert_eq!(firsts(&c), ["benign_fasciculation"; 2]);
        }
    }
    // Asked exactly when the eyelid and the face both twitch.
    for (areas, expected) in [
        (&["eyelid", "face"][..], true),
        (&["eyelid"], false),
        (&["face"], false),
        (&["eyelid", "arm_or_hand"], false),
    ] {
        let mut c = common::own_case("own-61");
        c.findings.insert("body_areas".into(), areas.into());
        assert_eq!(asked(&c), expected, "{areas:?}");
    }
    // But not once the result is an emergency (it only refines the
    // explanation): the same face with chest pain.
    let mut c = common::own_case("own-61");
    c.findings.insert("chest_pain".into(), true.into());
    assert!(!asked(&c));
    assert_eq!(common::simulate(&c).0.result().triage, Level::Emergency);
}

/// A self-care result never rests on an explanation with a higher usual
/// level that is possible only through an answer never asked for (step 4 of
/// `Interview::next`). own-26: a stroke two months ago, the weak arm now
/// flickers. No rule asks about a stroke for a flicker, and the model alone
/// finds the question hardly worth asking; without it the result was
/// "harmless everyday twitching, look after it at home".
#[test]
fn a_self_care_result_asks_what_a_routine_explanation_requires() {
    let c = common::own_case("own-26");
    let (iv, asked) = common::simulate(&c);
    assert!(asked.contains(&"conditions"), "{asked:?}");
    let a = iv.result();
    assert_eq!(a.triage, Level::Routine);
    assert_eq!(a.explanations[0].id, "stroke_recovery");
    // Someone without a stroke, MS or a known condition is asked too, and
    // keeps the self-care result.
    let mut calm = c.clone();
    calm.findings.insert("stroke_history".into(), false.into());
    calm.findings.insert("on_stroke_side".into(), false.into());
    let (iv, asked) = common::simulate(&calm);
    assert!(asked.contains(&"conditions"), "{asked:?}");
    assert_eq!(iv.result().triage, Level::SelfCare);
}

/// A self-care result must not rest on an unsettled routine rule (step 2):
/// the question most likely to fire one comes first, so the others need not
/// be asked. Sore, twitching calves for weeks (own-32, with pain) fire R1
/// once the person says it is in several places, which is likely; asking
/// first about a stroke or MS (R4, with pain) would rarely settle anything.
/// Since U28 (a foot problem with diabetes, urgent) the known conditions
/// are part of the safety screening, asked before any routine rule is
/// settled; the routine question still follows.
#[test]
fn the_routine_rule_most_likely_to_fire_is_settled_first() {
    let mut c = common::own_case("own-32");
    c.findings.insert("pain".into(), true.into());
    let (iv, asked) = common::simulate(&c);
    let at = |q: &str| asked.iter().position(|x| *x == q);
    assert_eq!(iv.result().triage, Level::Routine);
    let distribution = at("distribution").expect("distribution asked");
    assert!(
        at("conditions").is_some_and(|c| c < distribution),
        "{asked:?}"
    );
    for q in ["course", "medicines", "medicine_changed"] {
        assert!(at(q).is_none_or(|i| distribution < i), "{q}: {asked:?}");
    }
}

/// Step 4's question competes in step 2, weighed by the share of the
/// posterior of the explanations whose requirement it asks: for own-26,
/// twitching in the arm a stroke weakened, the stroke is asked once that
/// share is larger than the next routine rule's chance of firing, before
/// how it changes, the medicines and whether one changed. Before, all three
/// came first (none fires) and then the stroke: 14 questions for a result
/// that the stroke settles.
#[test]
fn what_a_likely_routine_explanation_requires_is_asked_before_the_routine_rules() {
    let c = common::own_case("own-26");
    let (iv, asked) = common::simulate(&c);
    let at = |q: &str| asked.iter().position(|x| *x == q);
    assert_eq!(iv.result().triage, Level::Routine);
    assert_eq!(iv.result().explanations[0].id, "stroke_recovery");
    let conditions = at("conditions").expect("conditions asked");
    for q in ["course", "medicines", "medicine_changed"] {
        assert!(
            at(q).is_none_or(|i| conditions < i),
            "{q} before conditions: {asked:?}"
        );
    }
    assert!(asked.len() <= 12, "{} questions: {asked:?}", asked.len());
}

/// An interview with its first screens answered: no emergency sign, `age`,
/// twitching in `areas` that looks like `movement` (None: "not sure"),
/// started `duration` ago.
fn begun(age: i32, areas: &[&str], movement: Option<&str>, duration: &str) -> Interview {
    let mut iv = Interview::default();
    iv.answer("emergency_signs", &Input::from(Vec::<&str>::new()))
        .unwrap();
    iv.answer("age", &Input::from(age)).unwrap();
    iv.answer("body_areas", &Input::from(areas.to_vec()))
        .unwrap();
    iv.answer("movement", &movement.map_or(Input::Null, Input::from))
        .unwrap();
    iv.answer("duration", &Input::from(duration)).unwrap();
    iv
}

/// Plays `iv` to its end, answering each question asked from `given`, or
/// else "none", "no" or "not sure" (the age 30); the questions asked, in order.
fn played(iv: &mut Interview, given: &[(&str, Input)]) -> Vec<&'static str> {
    use twitch_triage::kb::QuestionKind;
    let mut asked = Vec::new();
    while let Some(i) = iv.next_index() {
        let q = &QUESTIONS[i];
        asked.push(q.id);
        let input = match given.iter().find(|(id, _)| *id == q.id) {
            Some((_, input)) => input.clone(),
            None => match q.kind {
                QuestionKind::Many | QuestionKind::Checklist => Input::from(Vec::<&str>::new()),
                QuestionKind::YesNo => Input::from(false),
                QuestionKind::Number => Input::from(30),
                QuestionKind::One => Input::Null,
            },
        };
        iv.answer(q.id, &input).unwrap();
    }
    asked
}

/// A list answer: `item` ticked or nothing.
fn ticked(on: bool, item: &'static str) -> Input {
    Input::from(if on { vec![item] } else { vec![] })
}

/// Whether the interview asks about any wound (rule U27: tetanus), for
/// twitching in `areas` that looks like `movement` (None: "not sure"), with
/// or without stiff muscles, everything else answered no or none.
fn asks_about_a_wound(areas: &[&str], movement: Option<&str>, stiff: bool) -> bool {
    let mut iv = begun(30, areas, movement, "days");
    iv.answer("body_signs", &ticked(stiff, "stiffness"))
        .unwrap();
    played(&mut iv, &[]).contains(&"any_wound")
}

#[test]
fn the_wound_question_is_asked_for_a_stiff_face_jaw_or_neck_only() {
    // Stiff or tight muscles with the face or neck twitching; a cramp
    // there; a movement not known (it could be a cramp): asked.
    assert!(asks_about_a_wound(&["face"], Some("flicker"), true));
    assert!(asks_about_a_wound(&["neck"], Some("jerk"), true));
    assert!(asks_about_a_wound(&["face"], Some("cramp"), false));
    assert!(asks_about_a_wound(&["face"], None, false));
    // Not for a leg, nor for a face that only flickers.
    assert!(!asks_about_a_wound(&["leg_or_foot"], Some("cramp"), true));
    assert!(!asks_about_a_wound(&["face"], Some("flicker"), false));
}

/// Whether the interview asks about the feet (rules U28 and E23: a diabetic
/// foot problem), for a flicker in the arms for months, with or without
/// diabetes, pins and needles and a temperature, everything else answered
/// no or none.
fn asks_about_the_feet(diabetes: bool, numb: bool, fever: bool) -> bool {
    let mut iv = begun(60, &["arm_or_hand"], Some("flicker"), "months");
    iv.answer("conditions", &ticked(diabetes, "diabetes"))
        .unwrap();
    iv.answer("body_signs", &ticked(numb, "numbness_tingling"))
        .unwrap();
    iv.answer("illness_signs", &ticked(fever, "fever")).unwrap();
    played(&mut iv, &[]).contains(&"feet")
}

#[test]
fn the_feet_question_is_asked_with_diabetes_only() {
    // With diabetes, whatever else (U28), and never without it.
    assert!(asks_about_the_feet(true, false, false));
    assert!(asks_about_the_feet(true, true, true));
    assert!(!asks_about_the_feet(false, true, true));
    assert!(!asks_about_the_feet(false, false, false));
    // Nothing answered yet about conditions, with pins and needles ticked
    // first (as in the first version of U28): the conditions question still
    // comes, and ticking diabetes there brings the feet.
    let mut iv = begun(60, &["leg_or_foot"], Some("flicker"), "months");
    iv.answer("body_signs", &ticked(true, "numbness_tingling"))
        .unwrap();
    let asked = played(
        &mut iv,
        &[
            ("conditions", Input::from(vec!["diabetes"])),
            ("feet", Input::from(true)),
        ],
    );
    let at = |q: &str| asked.iter().position(|x| *x == q);
    let (c, f) = (at("conditions").expect("conditions asked"), at("feet"));
    assert!(f.is_some_and(|f| c < f), "{asked:?}");
    assert_eq!(iv.result().triage, Level::Urgent, "{asked:?}");
}

#[test]
fn the_stroke_side_is_asked_for_rule_u17_only_from_two_weeks() {
    // New shaking after a stroke (U17): in the first 2 weeks the rule fires
    // whatever the side, so the screening does not ask it for U17; from 2
    // weeks to 3 months only "no" turns the rule off, so it is asked (the
    // eighth story set, docs/reviews/rules-U31-U17-side.md). Everything else
    // answered "none" or "no".
    let play = |duration: &str| {
        let mut iv = begun(
            84,
            &["arm_or_hand", "leg_or_foot"],
            Some("shaking"),
            duration,
        );
        iv.answer("conditions", &ticked(true, "stroke_history"))
            .unwrap();
        let asked = played(&mut iv, &[]);
        (asked, iv.result())
    };
    let (asked, r) = play("days");
    assert!(r.rules.iter().any(|x| x.id() == "U17"), "{asked:?}");
    let (asked_weeks, r) = play("weeks");
    assert!(asked_weeks.contains(&"on_stroke_side"), "{asked_weeks:?}");
    // "no" (the default answer) turns it off from 2 weeks.
    assert!(!r.rules.iter().any(|x| x.id() == "U17"), "{asked_weeks:?}");
    assert!(!asked.contains(&"on_stroke_side"), "{asked:?}");
}
