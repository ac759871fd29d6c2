//! Acceptance: `classify` on every worked case of the vignettes.
//! Run with `--nocapture` to see the per-case table and the figures.

mod common;

use twitch_triage::classify;

#[test]
fn classify_meets_the_vignette_targets() {
    let cases = common::cases();
    let (mut triage_ok, mut top1, mut top3) = (0, 0, 0);
    let mut failures = Vec::new();
    for c in &cases {
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
    assert!(top1 * 38 >= 34 * n, "first place {top1}/{n} is below 34/38");
}
