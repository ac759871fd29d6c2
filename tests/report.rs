mod common;
use twitch_triage::classify;

#[test]
#[ignore]
fn report() {
    for c in common::cases() {
        let a = classify(&common::findings(&c));
        let top: Vec<String> = a.explanations.iter().map(|e| format!("{}({:.2})", e.id, e.score)).collect();
        let ok1 = c.expect.top.contains(&a.explanations[0].id.to_string());
        let rules: Vec<&str> = a.rules.iter().map(|r| r.id).collect();
        println!("{} {} {:10} exp {:10} | {} | want {:?} | {:?}", c.id, if ok1 {"OK "} else {"BAD"}, a.triage.id(), c.expect.triage, top.join(" "), c.expect.top, rules);
    }
}
