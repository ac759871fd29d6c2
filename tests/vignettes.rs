//! Acceptance: `classify` on every worked case of the vignettes, the spec's
//! and our own. Run with `--nocapture` to see the per-case table and the
//! figures.

mod common;

use twitch_triage::classify;
use twitch_triage::kb::{text, ExplanationDef, Lang, Level, EXPLANATIONS, RULES};

#[test]
fn classify_meets_the_vignette_targets() {
    check(&common::cases(), 34, 38);
}

/// Our own cases, written from the spec's findings and explanations and the
/// sources, not from the spec's cases: every triage right, the expected
/// explanation always in the first three, and first at least 61 times in
/// 68 (now 66: `own-45`, sudden confusion with jerks today at 75 with
/// kidney disease, led with a fit once U19 named one, and leads again with
/// the expected body-chemistry cause since U24 names it too). They found
/// that tongue twitching with slurred speech was put
/// down to harmless twitching, with the nerve specialist's explanation not
/// even in the first three; that jerks a week after a blow to the head, or
/// in late pregnancy, came first as myoclonus rather than a brain injury or
/// a fit; that night cramps on a water tablet were put down to a kidney,
/// liver, thyroid or sugar problem the person does not have; that a spasm
/// spreading from the eye to the mouth left out movement disorders; and
/// that a foot twisting as one walks (dystonia) came first as harmless
/// twitching.
#[test]
fn classify_meets_the_targets_on_our_own_cases() {
    let cases = common::own_cases();
    assert_eq!(cases.len(), 68);
    check(&cases, 61, 68);
}

/// The blind structured set (issue 31; tests/vignettes/README.md): cases
/// written by helpers who had not read the knowledge base, measured as they
/// came. Prints triage (exact), under- and over-triage, first and top three;
/// fails on any under-triage.
#[test]
fn classify_on_the_blind_set() {
    let cases = common::blind_cases();
    let n = cases.len();
    let (mut exact, mut under, mut over, mut top1, mut top3) = (0, Vec::new(), Vec::new(), 0, 0);
    for c in &cases {
        let a = classify(&common::findings(c));
        let want = c.level();
        let (first, three) = c.first_and_top3(&a);
        exact += (a.triage == want) as usize;
        // Level's order: a < b means a is more urgent.
        if a.triage > want {
            under.push(c.id.clone());
        } else if a.triage < want {
            over.push(c.id.clone());
        }
        top1 += first as usize;
        top3 += three as usize;
        print_case(c, &a, first, three);
    }
    println!(
        "blind set: triage {exact}/{n}, under-triage {} {under:?}, over-triage {} {over:?}, first place {top1}/{n}, top three {top3}/{n}",
        under.len(),
        over.len()
    );
    assert!(under.is_empty(), "under-triage on the blind set: {under:?}");
}

/// Every triage right, every expected explanation in the first three, and
/// first place at least `num` times in `den`.
fn check(cases: &[common::Case], num: usize, den: usize) {
    let (mut triage_ok, mut top1, mut top3) = (0, 0, 0);
    let mut failures = Vec::new();
    for c in cases {
        let a = classify(&common::findings(c));
        let t_ok = a.triage.id() == c.expect.triage;
        let (first, three) = c.first_and_top3(&a);
        triage_ok += t_ok as usize;
        top1 += first as usize;
        top3 += three as usize;
        print_case(c, &a, first, three);
        if !t_ok || !three {
            failures.push(format!(
                "{}: triage {} want {}, top {:?} want {:?}",
                c.id,
                a.triage.id(),
                c.expect.triage,
                a.explanations.iter().map(|e| e.id).collect::<Vec<_>>(),
                c.expect.top
            ));
        }
        assert!(
            a.complete && a.unanswered.is_empty(),
            "{}: screening incomplete: {:?}",
            c.id,
            a.unanswered
        );
    }
    let n = cases.len();
    println!("classify: triage {triage_ok}/{n}, first place {top1}/{n}, top three {top3}/{n}");
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(triage_ok, n);
    assert_eq!(top3, n);
    assert!(
        top1 * den >= num * n,
        "first place {top1}/{n} is below {num}/{den}"
    );
}

/// "What to do now" says each thing once. On a routine result the level's
/// action ("Book an appointment with a doctor in the next days to weeks")
/// comes first, so neither the routine rules' advice nor the steps of a
/// routine explanation (shown only on routine results) say again to book
/// one: they give the reason, or what to ask for. And where a rule's advice
/// and a step of the first explanation would say the same thing (R3 and a
/// medicine side effect, R4 and spasticity, R6 and a body-chemistry cause),
/// they are one text, which `advice` lists once. Before, a result with
/// numbness for months said to book an appointment four times, and a
/// medicine side effect said twice to ask the pharmacist and twice to keep
/// taking the medicines; a serotonin reaction said twice to bring the
/// medicines. (On an urgent or emergency result the rules' advice says
/// again to call, on purpose: that must not be missed.)
#[test]
fn advice_says_each_thing_once() {
    // The rules whose advice is, word for word, this step of the explanation.
    const SHARED: [(&str, &str, usize); 3] = [
        ("R3", "medication_effect", 0),
        ("R4", "spasticity", 1),
        ("R6", "metabolic_cause", 0),
    ];
    let book = |lang| match lang {
        Lang::En => "appointment",
        Lang::Es => "cita",
        Lang::ZhHant => "預約",
    };
    for lang in Lang::ALL {
        let word = book(lang);
        assert!(Level::Routine.action(lang).contains(word));
        let routine_rules = RULES.iter().filter(|r| r.level == Level::Routine);
        for t in routine_rules.map(|r| r.advice).chain(
            EXPLANATIONS
                .iter()
                .filter(|e| e.level == Level::Routine)
                .flat_map(|e| e.todo.iter().copied().chain([e.safety_net])),
        ) {
            assert!(!text(lang, t).contains(word), "{}", text(lang, t));
        }
        for (rule, explanation, step) in SHARED {
            let r = RULES.iter().find(|r| r.id() == rule).unwrap();
            let e = ExplanationDef::by_id(explanation).unwrap();
            assert_eq!(text(lang, r.advice), text(lang, e.todo[step]));
        }
    }
    let mut shown = [0; 3];
    for c in common::cases().iter().chain(&common::own_cases()) {
        let a = classify(&common::findings(c));
        let top = a.explanations[0].id;
        if a.triage == Level::Routine {
            let books = a.advice.iter().filter(|x| x.contains("appointment"));
            assert_eq!(books.count(), 1, "{}: {:#?}", c.id, a.advice);
        }
        // An emergency result says once to bring the medicines (E8 and E9
        // said it again beside the line every emergency result has).
        if a.triage == Level::Emergency {
            let packets = a.advice.iter().filter(|x| x.contains("packets"));
            assert_eq!(packets.count(), 1, "{}: {:#?}", c.id, a.advice);
        }
        for (i, (rule, explanation, _)) in SHARED.into_iter().enumerate() {
            if a.triage == Level::Routine
                && top == explanation
                && a.rules.iter().any(|r| r.id() == rule)
            {
                let r = RULES.iter().find(|r| r.id() == rule).unwrap();
                let advice = text(Lang::En, r.advice);
                assert_eq!(a.advice.iter().filter(|x| **x == advice).count(), 1);
                shown[i] += 1;
            }
        }
    }
    // The worked cases hold each pair at least once.
    assert!(shown.iter().all(|n| *n > 0), "{shown:?}");
}

/// One line per case: the level and the first explanation against what the
/// case expects, and the rules that fired.
fn print_case(c: &common::Case, a: &twitch_triage::Assessment, first: bool, three: bool) {
    println!(
        "{} triage {:9} (want {:9}) first {:24} {} rules {:?}{}",
        c.id,
        a.triage.id(),
        c.expect.triage,
        a.explanations[0].id,
        if first {
            "ok"
        } else if three {
            "top3"
        } else {
            "MISS"
        },
        a.rules.iter().map(|r| r.id()).collect::<Vec<_>>(),
        if first {
            String::new()
        } else {
            format!(" (want {:?})", c.expect.top)
        },
    );
}
