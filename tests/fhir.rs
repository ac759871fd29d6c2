//! The FHIR R4 export (src/fhir/), natively: the Questionnaire's shape,
//! every follow-up's `enableWhen`, and the round trip of every worked case
//! (dev, own and blind sets, as whole interviews) through a
//! QuestionnaireResponse. The official FHIR R4 JSON schema checks the same
//! outputs as the npm package makes them (tests/node/fhir.test.mjs).
//! Needs the export: `--features fhir` (scripts/test passes it).
#![cfg(feature = "fhir")]

mod common;

use serde_json::Value as J;
use std::collections::BTreeSet;
use twitch_triage::fhir::{self, ASSESSMENT, NO, UNKNOWN, YES};
use twitch_triage::kb::{Lang, FINDINGS, QUESTIONS, SNOMED_CHECKED};
use twitch_triage::rules::FindingSet;
use twitch_triage::{classify_in, ErrorKind, Findings, InputMap};

fn link_ids(items: &J, out: &mut Vec<String>) {
    for it in items.as_array().into_iter().flatten() {
        out.push(it["linkId"].as_str().unwrap().to_string());
        link_ids(&it["item"], out);
    }
}

fn item<'a>(items: &'a J, link: &str) -> Option<&'a J> {
    items.as_array()?.iter().find_map(|it| {
        if it["linkId"] == link {
            Some(it)
        } else {
            item(&it["item"], link)
        }
    })
}

#[test]
fn the_questionnaire_has_one_unique_item_per_finding_and_a_follow_up_condition_for_each_ask_if() {
    for lang in Lang::ALL {
        let q = fhir::questionnaire(lang);
        let mut ids = Vec::new();
        link_ids(&q["item"], &mut ids);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "linkIds are unique: {ids:?}");
        for f in FINDINGS.iter() {
            let it = item(&q["item"], f.id).unwrap_or_else(|| panic!("{} has an item", f.id));
            assert!(
                !it["text"].as_str().unwrap().is_empty(),
                "{} has a text in {lang:?}",
                f.id
            );
        }
        for qd in QUESTIONS.iter() {
            let link = qd.finding.map_or(qd.id, |f| f.id());
            let it = item(&q["item"], link).unwrap();
            assert_eq!(
                qd.ask_if.is_some(),
                it.get("enableWhen").is_some(),
                "{}: a follow-up (ask_if) exactly when FHIR's enableWhen says so",
                qd.id
            );
            if let Some(w) = it["enableWhen"].as_array() {
                assert_eq!(w.len() > 1, it.get("enableBehavior").is_some(), "{}", qd.id);
                for c in w {
                    let target = c["question"].as_str().unwrap();
                    assert!(
                        item(&q["item"], target).is_some(),
                        "{}: enableWhen names {target}",
                        qd.id
                    );
                }
            }
        }
        assert_eq!(q["language"], lang.code());
        assert_eq!(q["version"], twitch_triage::kb::KB_VERSION);
        let result = item(&q["item"], ASSESSMENT).unwrap();
        assert_eq!(result["readOnly"], true);
    }
}

#[test]
fn the_follow_up_conditions_say_what_the_knowledge_base_says() {
    let q = fhir::questionnaire(Lang::En);
    let when = |link: &str| item(&q["item"], link).unwrap().clone();
    // "body_areas has eyelid & body_areas has face"
    let both = when("eye_and_mouth_together");
    assert_eq!(both["enableBehavior"], "all");
    let w = both["enableWhen"].as_array().unwrap();
    assert_eq!(w.len(), 2);
    assert!(w
        .iter()
        .all(|c| c["question"] == "body_areas" && c["operator"] == "="));
    // "unless duration = hours": asked unless it started within hours.
    let course = QUESTIONS
        .iter()
        .find(|q| q.ask_if.is_some() && q.finding.map(|f| f.id()) == Some("course"))
        .unwrap();
    let c = when(course.finding.unwrap().id());
    assert_eq!(c["enableWhen"][0]["operator"], "!=");
    assert_eq!(c["enableWhen"][0]["answerCoding"]["code"], "hours");
}

#[test]
fn the_snomed_codes_of_yes_no_and_unknown_are_checked_ones() {
    for (code, term) in [(YES, "Yes"), (NO, "No"), (UNKNOWN, "Unknown")] {
        assert!(
            SNOMED_CHECKED
                .iter()
                .any(|s| s.code == code && s.display == term),
            "{code}"
        );
    }
}

/// The answers a whole interview of `c` gave, with its "not sure"s.
fn interview_answers(c: &common::Case) -> (Findings, FindingSet) {
    let (iv, _) = common::simulate(c);
    (iv.answers().clone(), iv.not_sure())
}

#[test]
fn every_worked_case_reads_back_to_the_same_answers_and_assessment() {
    let cases = common::cases()
        .into_iter()
        .chain(common::own_cases())
        .chain(common::blind_cases());
    let mut n = 0;
    for c in cases {
        for (fs, unsure) in [
            (common::findings(&c), FindingSet::default()),
            interview_answers(&c),
        ] {
            for lang in Lang::ALL {
                let qr = fhir::response(&fs, unsure, lang, Some("2026-12-06T15:30:00Z")).unwrap();
                let text = serde_json::to_string(&qr).unwrap();
                let map = fhir::read_json(&text).unwrap_or_else(|e| panic!("{}: {e}", c.id));
                let (back, back_unsure) = fhir::read_map(&map).unwrap();
                assert_eq!(back, fs, "{}: the same answers", c.id);
                assert_eq!(back_unsure, unsure, "{}: the same \"not sure\"s", c.id);
                let a = classify_in(&fs, lang);
                assert_eq!(classify_in(&back, lang), a, "{}: the same assessment", c.id);
                // The result group says what classify says.
                let r = item(&qr["item"], &format!("{ASSESSMENT}.level")).unwrap();
                assert_eq!(
                    r["answer"][0]["valueCoding"]["code"],
                    a.triage.id(),
                    "{}",
                    c.id
                );
                let rules = item(&qr["item"], &format!("{ASSESSMENT}.rules"));
                let fired: Vec<&str> = rules
                    .map(|r| {
                        r["answer"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|a| a["valueCoding"]["code"].as_str().unwrap())
                            .collect()
                    })
                    .unwrap_or_default();
                assert_eq!(
                    fired,
                    a.rules.iter().map(|r| r.id()).collect::<Vec<_>>(),
                    "{}",
                    c.id
                );
                let listed = item(&qr["item"], &format!("{ASSESSMENT}.explanations")).unwrap();
                assert_eq!(
                    listed["answer"].as_array().unwrap().len(),
                    a.explanations.len(),
                    "{}",
                    c.id
                );
                assert_eq!(
                    qr["status"],
                    if a.complete {
                        "completed"
                    } else {
                        "in-progress"
                    }
                );
                // A Bundle (the downloaded file) reads back the same.
                let b = fhir::bundle(&fs, unsure, lang, None).unwrap();
                assert_eq!(fhir::read(&b).unwrap(), map, "{}", c.id);
                n += 1;
            }
        }
    }
    assert!(n >= 3 * 2 * (38 + 68 + 84), "{n} round trips");
}

#[test]
fn bad_fhir_is_refused_with_what_was_expected() {
    let kind = |s: &str| fhir::read_json(s).unwrap_err().kind;
    assert_eq!(kind("not json"), ErrorKind::NotAResponse);
    assert_eq!(
        kind(r#"{"resourceType":"Patient"}"#),
        ErrorKind::NotAResponse
    );
    assert_eq!(
        kind(
            r#"{"resourceType":"QuestionnaireResponse","questionnaire":"http://example.org/Questionnaire/phq9"}"#
        ),
        ErrorKind::NotAResponse
    );
    let ours = |items: &str| {
        format!(
            r#"{{"resourceType":"QuestionnaireResponse","questionnaire":"urn:twitch-triage:questionnaire|0","status":"completed","item":{items}}}"#
        )
    };
    assert_eq!(
        kind(&ours(
            r#"[{"linkId":"shoe_size","answer":[{"valueInteger":9}]}]"#
        )),
        ErrorKind::UnknownFinding
    );
    assert_eq!(
        kind(&ours(r#"[{"linkId":"movement","answer":[{"valueCoding":{"system":"urn:twitch-triage:values:movement","code":"wobble"}}]}]"#))
            .as_str(),
        "unknown_value"
    );
    let e = fhir::read_json(&ours(
        r#"[{"linkId":"chest_pain","answer":[{"valueBoolean":true}]}]"#,
    ))
    .unwrap_err();
    assert!(e.message.contains("373066001"), "{}", e.message);
    assert_eq!(
        kind(&ours(
            r#"[{"linkId":"age","answer":[{"valueInteger":300}]}]"#
        )),
        ErrorKind::OutOfRange
    );
    assert_eq!(kind(&"x".repeat(fhir::MAX_JSON + 1)), ErrorKind::TooLarge);
    // Deeply nested items are refused, not followed.
    let deep = ours(&format!(
        "{}{}",
        r#"[{"linkId":"emergency_signs","item":"#.repeat(5),
        "[]}]".repeat(5)
    ));
    assert_eq!(kind(&deep), ErrorKind::NotAResponse);
}

#[test]
fn authored_must_be_a_fhir_date_time() {
    let f = Findings::new();
    for ok in [
        "2026-12-06",
        "2026-12-06T15:30:00Z",
        "2026-12-06T15:30:00.123+01:00",
        "2026-12-06T23:59:60-14:00",
    ] {
        assert!(
            fhir::response(&f, FindingSet::default(), Lang::En, Some(ok)).is_ok(),
            "{ok}"
        );
    }
    for bad in [
        "",
        "06/12/2026",
        "2026-13-01",
        "2026-12-06T15:30Z",
        "2026-12-06T15:30:00",
        "2026-12-06T15:30:00+15:00",
        "2026-12-06T15:30:00.Z",
    ] {
        let e = fhir::response(&f, FindingSet::default(), Lang::En, Some(bad)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::WrongType, "{bad}");
    }
    let _ = InputMap::default();
}
