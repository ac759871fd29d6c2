//! Acceptance: `classify` on every worked case of the vignettes, the spec's
//! and our own. Run with `--nocapture` to see the per-case table and the
//! figures.

mod common;

use twitch_triage::classify;

#[test]
fn classify_meets_the_vignette_targets() {
    check(&common::cases(), 34, 38);
}

/// Our own cases, written from the spec's findings and explanations and the
/// sources, not from the spec's cases: every triage right, the expected
/// explanation always in the first three, and first at least 61 times in
/// 68 (now 64). They found that tongue twitching with slurred speech was put
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

/// Every triage right, every expected explanation in the first three, and
/// first place at least `num` times in `den`.
fn check(cases: &[common::Case], num: usize, den: usize) {
    let (mut triage_ok, mut top1, mut top3) = (0, 0, 0);
    let mut failures = Vec::new();
    for c in cases {
        let a = classify(&common::findings(c));
        let ids: Vec<&str> = a.explanations.iter().map(|e| e.id).collect();
        let t_ok = a.triage.id() == c.expect.triage;
        let first = c.expect.top.iter().any(|t| t == ids[0]);
        let three = ids
            .iter()
            .take(3)
            .any(|id| c.expect.top.iter().any(|t| t == id));
        triage_ok += t_ok as usize;
        top1 += first as usize;
        top3 += three as usize;
        println!(
            "{} triage {:9} (want {:9}) first {:24} {} rules {:?}",
            c.id,
            a.triage.id(),
            c.expect.triage,
            ids[0],
            if first { "ok" } else { "MISS" },
            a.rules.iter().map(|r| r.id).collect::<Vec<_>>()
        );
        if !t_ok || !three {
            failures.push(format!(
                "{}: triage {} want {}, top {:?} want {:?}",
                c.id,
                a.triage.id(),
                c.expect.triage,
                ids,
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
