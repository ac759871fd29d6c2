//! The plain-text summary and answers in words.

mod common;

use twitch_triage::kb::{f, FindingId, Lang, QuestionDef};
use twitch_triage::summary::{
    describe_answer, describe_reason, fill, labelled, plain_text, push_joined,
};
use twitch_triage::{Input, Interview};

#[test]
fn lists_are_joined_with_each_languages_separator() {
    let mut s = String::from("x: ");
    push_joined(&mut s, Lang::En, ["a", "b", "c"]);
    assert_eq!(s, "x: a; b; c");
    push_joined(&mut s, Lang::En, Vec::<String>::new());
    assert_eq!(s, "x: a; b; c", "nothing to add, nothing added");
    let mut one = String::new();
    push_joined(&mut one, Lang::En, [String::from("only")]);
    assert_eq!(one, "only");
    let mut es = String::new();
    push_joined(&mut es, Lang::Es, ["a", "b"]);
    assert_eq!(es, "a; b");
    // Chinese text takes the full-width semicolon, with no space.
    let mut zh = String::new();
    push_joined(&mut zh, Lang::ZhHant, ["甲", "乙"]);
    assert_eq!(zh, "甲；乙");
}

#[test]
fn fill_replaces_only_the_named_placeholder() {
    assert_eq!(fill("Call {number} now", "number", "911"), "Call 911 now");
    assert_eq!(fill("{n} and {number}", "n", "3"), "3 and {number}");
    assert_eq!(fill("no braces {", "n", "3"), "no braces {");
}

#[test]
fn the_summary_holds_the_result_the_reasons_and_every_answer() {
    let c = common::case("dev-06");
    let (iv, asked) = common::simulate(&c);
    let r = iv.result();
    let s = plain_text(&iv, &r, "112");
    assert!(
        s.starts_with("Twitching: summary for a doctor (not a diagnosis)"),
        "{s}"
    );
    assert!(s.contains("Result: Get medical advice today."), "{s}");
    assert!(
        s.contains("Most likely: Signs that need a nerve specialist"),
        "{s}"
    );
    // The reasons, and the other explanations, each on one line.
    let reasons: Vec<String> = r.explanations[0]
        .reasons
        .iter()
        .map(|n| describe_reason(FindingId::by_name(n).unwrap(), iv.answers(), Lang::En))
        .collect();
    assert!(
        reasons.len() > 1,
        "the case has several reasons: {reasons:?}"
    );
    let why = format!("\nWhy we think so: {}\n", reasons.join("; "));
    assert!(s.contains(&why), "expected {why:?} in {s}");
    let others: Vec<&str> = r.explanations[1..].iter().map(|e| e.name).collect();
    assert!(!others.is_empty());
    let also = format!("\nOther possibilities: {}\n", others.join("; "));
    assert!(s.contains(&also), "expected {also:?} in {s}");
    assert!(s.contains("New weakness"), "{s}");
    assert!(s.contains("How old are you? 52 years"), "{s}");
    for q in &asked {
        let i = QuestionDef::by_name(q).unwrap();
        let text = twitch_triage::kb::text(Lang::En, twitch_triage::kb::QUESTIONS[i].text);
        assert!(s.contains(text), "answer to {q} missing");
    }
    assert!(s.contains("This is not a diagnosis."), "{s}");
    assert!(!s.contains("Call 112 now"), "not an emergency");
}

/// Which version of the rules and wording gave the result: the second line,
/// in every language ("Questionnaire version: 0.1.0+kb.45ba5454"), for a
/// doctor who reads the summary later.
#[test]
fn the_summary_names_the_questionnaires_version() {
    let version = twitch_triage::kb::KB_VERSION;
    let (number, fingerprint) = version.split_once("+kb.").unwrap();
    assert_eq!(number, env!("CARGO_PKG_VERSION"));
    assert!(
        fingerprint.len() == 8 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()),
        "{version}"
    );
    let (mut iv, _) = common::simulate(&common::case("dev-18"));
    for lang in Lang::ALL {
        iv.set_lang(lang);
        let s = plain_text(&iv, &iv.result(), "112");
        let second = s.lines().nth(1).unwrap();
        assert_eq!(
            second,
            labelled(lang, twitch_triage::kb::t::VERSION, version),
            "{s}"
        );
    }
    assert_eq!(
        labelled(Lang::En, twitch_triage::kb::t::VERSION, version),
        format!("Questionnaire version: {version}")
    );
    assert_eq!(
        labelled(Lang::ZhHant, twitch_triage::kb::t::VERSION, version),
        format!("問卷版本：{version}")
    );
}

#[test]
fn an_emergency_summary_says_to_call_the_number() {
    let mut iv = Interview::default();
    iv.answer("emergency_signs", &Input::from(vec!["chest_pain"]))
        .unwrap();
    let r = iv.result();
    let s = plain_text(&iv, &r, "999");
    assert!(s.contains("Call 999 now"), "{s}");
    assert!(s.contains("Chest pain or pressure"), "{s}");
    assert!(s.contains("Questions left open: "), "{s}");
    // What to do now (the rules' advice, saying why the level is set) comes
    // before the explanations on an urgent or emergency result (SAFETY H17).
    let (advice, most_likely) = (
        s.find("What to do now:").unwrap(),
        s.find("Most likely: ").unwrap(),
    );
    assert!(advice < most_likely, "{s}");
}

#[test]
fn below_urgent_the_summary_gives_the_explanations_first() {
    let c = common::cases()
        .into_iter()
        .find(|c| c.expect.triage == "routine")
        .unwrap();
    let (iv, _) = common::simulate(&c);
    let r = iv.result();
    assert!(r.triage > twitch_triage::Level::Urgent, "{:?}", r.triage);
    let s = plain_text(&iv, &r, "112");
    assert!(
        s.find("Most likely: ").unwrap() < s.find("What to do now:").unwrap(),
        "{s}"
    );
}

#[test]
fn answers_and_reasons_in_words() {
    let mut iv = Interview::default();
    iv.answer("emergency_signs", &Input::List(vec![])).unwrap();
    iv.answer("body_areas", &Input::from(vec!["eyelid", "face"]))
        .unwrap();
    iv.answer("movement", &Input::Null).unwrap();
    iv.answer("age", &Input::from(7)).unwrap();
    let a = iv.answers();
    let q = |id| QuestionDef::by_name(id).unwrap();
    assert_eq!(
        describe_answer(q("emergency_signs"), a, Lang::En),
        "None of these"
    );
    assert_eq!(
        describe_answer(q("body_areas"), a, Lang::En),
        "Eyelid or around the eye; Face, jaw, cheek or lips",
        "the options are separated by semicolons: one has commas of its own"
    );
    assert_eq!(describe_answer(q("movement"), a, Lang::En), "Not sure");
    assert_eq!(describe_answer(q("age"), a, Lang::En), "7 years");
    assert_eq!(
        describe_reason(f::BODY_AREAS, a, Lang::En),
        "Where it twitches: Eyelid or around the eye; Face, jaw, cheek or lips"
    );
    assert_eq!(
        describe_reason(f::CHEST_PAIN, a, Lang::En),
        "Chest pain or pressure"
    );
    let order: Vec<usize> = iv.asked_in_order().collect();
    assert_eq!(
        order,
        vec![
            q("emergency_signs"),
            q("body_areas"),
            q("movement"),
            q("age")
        ]
    );
}

/// The summary a person copies or prints for a doctor, in Traditional
/// Chinese: Chinese punctuation throughout (a full stop after the result's
/// title, colons before the lists, semicolons between ticked options), not
/// the English ". ", ":" and "; ".
#[test]
fn a_chinese_summary_has_chinese_punctuation() {
    let c = common::case("dev-34");
    let (mut iv, _) = common::simulate(&c);
    iv.set_lang(Lang::ZhHant);
    let r = iv.result();
    let s = plain_text(&iv, &r, "112");
    let title = r.triage.title(Lang::ZhHant);
    assert!(s.contains(&format!("{title}。")), "{s}");
    assert!(s.contains("現在該怎麼做：\n"), "{s}");
    assert!(s.contains("您的回答：\n"), "{s}");
    assert!(s.contains("腿不舒服想動）；大量流汗或覺得非常熱"), "{s}");
    for ascii in [". ", ":", "; "] {
        assert!(!s.contains(ascii), "{ascii:?} in {s}");
    }
    // And the English one keeps its own.
    iv.set_lang(Lang::En);
    let en = plain_text(&iv, &iv.result(), "112");
    assert!(en.contains("What to do now:\n"), "{en}");
    assert!(
        en.contains("restless legs in bed); Sweating heavily or feeling very hot"),
        "{en}"
    );
}
