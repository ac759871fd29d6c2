//! Bad input: each is refused with a typed error that names the offending
//! key and what was expected; the interview keeps its earlier answers and
//! the next valid call works.

use twitch_triage::{Error, ErrorKind, Findings, Input, InputMap, Interview, Lang};

fn findings_json(s: &str) -> Result<Findings, Error> {
    let map: InputMap = serde_json::from_str(s).expect("valid JSON object");
    Findings::from_map(&map)
}

fn assert_err(r: Result<impl std::fmt::Debug, Error>, kind: ErrorKind, key: &str, mentions: &str) {
    let e = r.expect_err("should be refused");
    assert_eq!(e.kind, kind, "{e}");
    assert_eq!(e.key, key, "{e}");
    assert!(e.message.contains(key), "message names the key: {e}");
    assert!(
        e.message.contains(mentions),
        "message says what was expected ({mentions}): {e}"
    );
}

#[test]
fn unknown_finding() {
    assert_err(
        findings_json(r#"{"age": 30, "twitchiness": true}"#),
        ErrorKind::UnknownFinding,
        "twitchiness",
        "finding id",
    );
}

#[test]
fn wrong_type() {
    assert_err(
        findings_json(r#"{"weakness": "yes"}"#),
        ErrorKind::WrongType,
        "weakness",
        "true, false or null",
    );
    assert_err(
        findings_json(r#"{"age": "thirty"}"#),
        ErrorKind::WrongType,
        "age",
        "whole number",
    );
    assert_err(
        findings_json(r#"{"movement": 3}"#),
        ErrorKind::WrongType,
        "movement",
        "flicker",
    );
    assert_err(
        findings_json(r#"{"medicines": "lithium"}"#),
        ErrorKind::WrongType,
        "medicines",
        "a list",
    );
    assert_err(
        findings_json(r#"{"medicines": [1]}"#),
        ErrorKind::WrongType,
        "medicines",
        "lithium",
    );
    assert_err(
        findings_json(r#"{"fever": {"value": true}}"#),
        ErrorKind::WrongType,
        "fever",
        "true, false or null",
    );
}

#[test]
fn out_of_range_age() {
    for bad in ["121", "-1", "30.5", "1e9"] {
        assert_err(
            findings_json(&format!(r#"{{"age": {bad}}}"#)),
            ErrorKind::OutOfRange,
            "age",
            "from 0 to 120",
        );
    }
    assert!(findings_json(r#"{"age": 0}"#).is_ok());
    assert!(findings_json(r#"{"age": 120}"#).is_ok());
}

#[test]
fn unknown_set_member_or_value() {
    assert_err(
        findings_json(r#"{"medicines": ["aspirin"]}"#),
        ErrorKind::UnknownValue,
        "medicines",
        "antidepressant",
    );
    assert_err(
        findings_json(r#"{"body_areas": ["elbow"]}"#),
        ErrorKind::UnknownValue,
        "body_areas",
        "arm_or_hand",
    );
    assert_err(
        findings_json(r#"{"movement": "wiggle"}"#),
        ErrorKind::UnknownValue,
        "movement",
        "flicker",
    );
}

#[test]
fn oversized_and_duplicate_input() {
    let long = "x".repeat(100_000);
    assert_err(
        findings_json(&format!(r#"{{"movement": "{long}"}}"#)),
        ErrorKind::TooLarge,
        "movement",
        "flicker",
    );
    let many: Vec<String> = (0..10_000).map(|i| format!("\"k{i}\": true")).collect();
    let e = findings_json(&format!("{{{}}}", many.join(","))).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("10000"), "{e}");
    let list: Vec<&str> = vec!["\"eyelid\""; 100];
    assert_err(
        findings_json(&format!(r#"{{"body_areas": [{}]}}"#, list.join(","))),
        ErrorKind::TooLarge,
        "body_areas",
        "a list",
    );
    assert_err(
        findings_json(r#"{"age": 3, "age": 4}"#),
        ErrorKind::DuplicateKey,
        "age",
        "at most once",
    );
    // A key taken from the input is quoted back only in part.
    let e = findings_json(&format!(r#"{{"{long}": 1}}"#)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownFinding);
    assert!(e.message.len() < 400, "{} bytes", e.message.len());
}

#[test]
fn serde_deserialize_gives_the_same_message() {
    let e = serde_json::from_str::<Findings>(r#"{"age": 300}"#).unwrap_err();
    assert!(
        e.to_string()
            .contains("\"age\": expected a whole number from 0 to 120"),
        "{e}"
    );
    let f: Findings = serde_json::from_str(
        r#"{"age": 30, "movement": "flicker", "medicines": ["lithium"], "fever": null}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&f).unwrap(),
        r#"{"age":30,"movement":"flicker","medicines":["lithium"]}"#
    );
}

/// An interview with two answers, and a check that they survive.
struct Kept(Interview, Findings);

impl Kept {
    fn new() -> Kept {
        let mut iv = Interview::default();
        iv.answer("emergency_signs", &Input::List(vec![])).unwrap();
        iv.answer("age", &Input::from(44)).unwrap();
        let f = iv.answers().clone();
        Kept(iv, f)
    }
    fn refuses(&mut self, q: &str, v: Input, kind: ErrorKind, mentions: &str) {
        let n = self.0.answered();
        let next = self.0.next();
        let e = self.0.answer(q, &v).expect_err("should be refused");
        assert_eq!(e.kind, kind, "{e}");
        assert_eq!(
            e.key,
            q.chars().take(64).collect::<String>()
                + if q.chars().count() > 64 { "…" } else { "" }
        );
        assert!(e.message.contains(mentions), "{e}");
        assert_eq!(self.0.answers(), &self.1, "answers kept after {e}");
        assert_eq!(self.0.answered(), n);
        assert_eq!(self.0.next(), next);
    }
}

#[test]
fn interview_refuses_bad_answers_and_keeps_earlier_ones() {
    let mut k = Kept::new();
    k.refuses(
        "where_is_it",
        Input::from("eyelid"),
        ErrorKind::UnknownQuestion,
        "body_areas",
    );
    k.refuses(
        "movement",
        Input::from(vec!["flicker"]),
        ErrorKind::WrongAnswerShape,
        "one of flicker",
    );
    k.refuses(
        "movement",
        Input::from("wiggle"),
        ErrorKind::UnknownValue,
        "flicker",
    );
    k.refuses(
        "age",
        Input::from(200),
        ErrorKind::OutOfRange,
        "from 0 to 120",
    );
    k.refuses(
        "age",
        Input::Number(f64::NAN),
        ErrorKind::OutOfRange,
        "from 0 to 120",
    );
    k.refuses(
        "age",
        Input::from("44"),
        ErrorKind::WrongAnswerShape,
        "whole number",
    );
    k.refuses(
        "strength",
        Input::from(vec!["fever"]),
        ErrorKind::UnknownValue,
        "weakness",
    );
    k.refuses(
        "strength",
        Input::from(true),
        ErrorKind::WrongAnswerShape,
        "a list",
    );
    k.refuses(
        "body_areas",
        Input::Null,
        ErrorKind::WrongAnswerShape,
        "a list",
    );
    k.refuses(
        "medicine_changed",
        Input::from("yes"),
        ErrorKind::WrongAnswerShape,
        "true, false",
    );
    k.refuses(
        "medicines",
        Input::List(vec![Input::List(vec![])]),
        ErrorKind::WrongAnswerShape,
        "lithium",
    );
    k.refuses("medicines", Input::TooLong, ErrorKind::TooLarge, "lithium");
    k.refuses(
        &"q".repeat(1000),
        Input::Null,
        ErrorKind::UnknownQuestion,
        "movement",
    );
    // And the next valid call works.
    k.0.answer("body_areas", &Input::from(vec!["eyelid"]))
        .unwrap();
    assert_eq!(k.0.answered(), 3);
}

#[test]
fn unsupported_language_names_the_supported_ones() {
    let e = Lang::parse("fr").unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnsupportedLanguage);
    assert_eq!(e.key, "lang");
    assert!(e.message.contains("en"), "{e}");
    assert_eq!(Lang::parse("EN").unwrap(), Lang::En);
}

#[test]
fn an_interview_refuses_endless_answers_and_keeps_working() {
    let mut iv = Interview::default();
    for i in 0..twitch_triage::interview::MAX_ANSWERS {
        iv.answer("age", &Input::from((i % 100) as i32)).unwrap();
    }
    let e = iv.answer("age", &Input::from(5)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("at most 256 answers"), "{e}");
    // Going back makes room again; nothing was lost.
    assert!(iv.back());
    iv.answer("age", &Input::from(7)).unwrap();
    assert_eq!(iv.answered(), twitch_triage::interview::MAX_ANSWERS);
}
