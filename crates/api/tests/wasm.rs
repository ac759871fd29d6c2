//! The JavaScript API in real JavaScript engines: run with
//! `cargo test -p twitch-triage-api --target wasm32-unknown-unknown --test wasm` (Node) and again
//! with `WASM_BINDGEN_USE_BROWSER=1` (headless Chromium). See scripts/test.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use twitch_triage_api::{classify, knowledge_js as knowledge, JsInterview as Interview};

#[wasm_bindgen(inline_js = "
export function throwingGetter() {
  const o = { age: 30 };
  Object.defineProperty(o, 'fever', { enumerable: true, get() { throw new Error('getter exploded'); } });
  return o;
}
export function throwingProxy() { return new Proxy({}, { ownKeys() { throw new Error('trap'); } }); }
export function protoKey() { return JSON.parse('{\"__proto__\": true}'); }
export function isTwitchTriageError(e) { return e instanceof Error && e.name === 'TwitchTriageError'; }
")]
extern "C" {
    #[wasm_bindgen(js_name = throwingGetter)]
    fn throwing_getter() -> JsValue;
    #[wasm_bindgen(js_name = throwingProxy)]
    fn throwing_proxy() -> JsValue;
    #[wasm_bindgen(js_name = protoKey)]
    fn proto_key() -> JsValue;
    #[wasm_bindgen(js_name = isTwitchTriageError)]
    fn is_twitch_triage_error(e: &JsValue) -> bool;
}

/// The WebAssembly build carries no texts: install the language packs the
/// build script made, as the package's entry points do.
fn setup() {
    for pack in [
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/en.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/es.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/zh-Hant.txt")),
    ] {
        twitch_triage_api::install_texts(JsValue::from_str(pack)).unwrap();
    }
}

fn json(s: &str) -> JsValue {
    JSON::parse(s).unwrap()
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

fn get_str(v: &JsValue, k: &str) -> String {
    get(v, k).as_string().unwrap_or_default()
}

/// The spec's worked cases, with the answers their stories give to what is
/// asked beyond the spec (tests/vignettes/beyond-spec.json, as
/// tests/common/mod.rs reads them).
fn vignettes() -> Array {
    let cases: Array = json(include_str!("../../../tests/vignettes/dev.json")).into();
    let beyond = json(include_str!("../../../tests/vignettes/beyond-spec.json"));
    for c in cases.iter() {
        let findings = get(&c, "findings");
        let told = get(&get(&beyond, "cases"), &get_str(&c, "id"));
        if !told.is_undefined() {
            for key in js_sys::Object::keys(&told.clone().into()).iter() {
                let key = key.as_string().unwrap();
                let answer = get(&told, &key);
                let value = if Array::is_array(&answer) {
                    Array::from(&get(&findings, &key))
                        .concat(&answer.into())
                        .into()
                } else {
                    answer
                };
                Reflect::set(&findings, &JsValue::from_str(&key), &value).unwrap();
            }
        }
        for id in Array::from(&get(&beyond, "screening")).iter() {
            if get(&findings, &id.as_string().unwrap()).is_undefined() {
                Reflect::set(&findings, &id, &JsValue::FALSE).unwrap();
            }
        }
    }
    cases
}

#[wasm_bindgen_test]
fn classify_meets_the_vignette_triage() {
    setup();
    let cases = vignettes();
    let mut first = 0;
    for c in cases.iter() {
        let a = classify(get(&c, "findings"), JsValue::UNDEFINED).unwrap();
        let expect = get(&c, "expect");
        assert_eq!(
            get_str(&a, "triage"),
            get_str(&expect, "triage"),
            "{}",
            get_str(&c, "id")
        );
        let top = get_str(&Array::from(&get(&a, "explanations")).get(0), "id");
        first += Array::from(&get(&expect, "top")).includes(&JsValue::from_str(&top), 0) as usize;
        assert_eq!(get(&a, "complete"), JsValue::TRUE);
    }
    assert!(first * 38 >= 34 * cases.length() as usize);
}

fn check_error(r: Result<impl std::fmt::Debug, JsValue>, kind: &str, key: &str, word: &str) {
    let e = r.expect_err("should throw");
    assert!(is_twitch_triage_error(&e), "not a TwitchTriageError: {e:?}");
    assert_eq!(get_str(&e, "kind"), kind);
    assert_eq!(get_str(&e, "key"), key);
    let msg = get_str(&e, "message");
    assert!(msg.contains(word), "{msg}");
}

#[wasm_bindgen_test]
fn bad_input_throws_a_twitch_triage_error_and_the_module_keeps_working() {
    setup();
    let u = JsValue::UNDEFINED;
    check_error(
        classify(JsValue::NULL, u.clone()),
        "not_an_object",
        "findings",
        "object",
    );
    check_error(
        classify(JsValue::from(3), u.clone()),
        "not_an_object",
        "findings",
        "object",
    );
    check_error(
        classify(json(r#"{"nope": 1}"#), u.clone()),
        "unknown_finding",
        "nope",
        "finding id",
    );
    check_error(
        classify(json(r#"{"age": 300}"#), u.clone()),
        "out_of_range",
        "age",
        "0 to 120",
    );
    check_error(
        classify(json(r#"{"weakness": "yes"}"#), u.clone()),
        "wrong_type",
        "weakness",
        "true, false",
    );
    check_error(
        classify(json(r#"{"medicines": ["aspirin"]}"#), u.clone()),
        "unknown_value",
        "medicines",
        "lithium",
    );
    check_error(
        classify(throwing_getter(), u.clone()),
        "wrong_type",
        "fever",
        "getter exploded",
    );
    check_error(
        classify(throwing_proxy(), u.clone()),
        "wrong_type",
        "findings",
        "trap",
    );
    check_error(
        classify(proto_key(), u.clone()),
        "unknown_finding",
        "__proto__",
        "finding id",
    );
    check_error(
        classify(json("{}"), json(r#"{"lang": "xx"}"#)),
        "unsupported_language",
        "lang",
        "en",
    );
    assert!(classify(json(r#"{"age": 30}"#), u).is_ok());
}

#[wasm_bindgen_test]
fn an_interview_runs_and_keeps_its_answers_after_errors() {
    setup();
    let iv = Interview::new(json(r#"{"lang": "en"}"#)).unwrap();
    let q = iv.next().unwrap();
    assert_eq!(get_str(&q, "id"), "emergency_signs");
    assert_eq!(get_str(&q, "kind"), "checklist");
    iv.answer("emergency_signs".into(), Array::new().into())
        .unwrap();
    iv.answer("age".into(), JsValue::from(40)).unwrap();
    let before = JSON::stringify(&iv.answers().unwrap()).unwrap();
    check_error(
        iv.answer("age".into(), JsValue::from("forty")),
        "wrong_answer_shape",
        "age",
        "whole number",
    );
    check_error(
        iv.answer(JsValue::from(7), JsValue::TRUE),
        "unknown_question",
        "question_id",
        "question id",
    );
    check_error(
        iv.answer("movement".into(), JsValue::from("wiggle")),
        "unknown_value",
        "movement",
        "flicker",
    );
    assert_eq!(JSON::stringify(&iv.answers().unwrap()).unwrap(), before);
    // Answer everything with "no" / "not sure" until the interview stops.
    let mut n = 0;
    loop {
        let q = iv.next().unwrap();
        if q.is_null() {
            break;
        }
        n += 1;
        assert!(n < 20);
        let answer = match get_str(&q, "kind").as_str() {
            "checklist" | "many" => Array::new().into(),
            "yesno" => JsValue::FALSE,
            "number" => JsValue::from(40),
            _ => Array::from(&get(&q, "options"))
                .get(0)
                .dyn_into::<js_sys::Object>()
                .map(|o| get(&o, "value"))
                .unwrap(),
        };
        iv.answer(get(&q, "id"), answer).unwrap();
    }
    let r = iv.result().unwrap();
    assert_eq!(get(&r, "complete"), JsValue::TRUE);
    assert!(iv.back());
}

#[wasm_bindgen_test]
fn knowledge_has_every_question_and_level() {
    setup();
    let k = knowledge(JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&get(&k, "levels")).length(), 4);
    assert_eq!(
        Array::from(&get(&k, "questions")).length() as usize,
        twitch_triage::kb::QUESTIONS.len()
    );
    assert_eq!(get_str(&k, "lang"), "en");
    let es = knowledge(json(r#"{"lang": "es"}"#)).unwrap();
    assert_eq!(get_str(&es, "lang"), "es");
    let first = Array::from(&get(&es, "questions")).get(0);
    assert_eq!(
        get_str(&first, "text"),
        "Primero: ¿tiene ahora alguno de estos problemas, o lo ha tenido hoy?"
    );
    let zh = classify(json(r#"{"age": 30}"#), json(r#"{"lang": "zh-Hant"}"#)).unwrap();
    let advice = Array::from(&get(&zh, "advice")).get(0).as_string().unwrap();
    assert!(
        advice
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{advice}"
    );
}

#[wasm_bindgen_test]
fn a_pack_for_another_build_is_refused() {
    check_error(
        twitch_triage_api::install_texts(JsValue::from_str(
            "twitch-triage texts 2 en 3 0000000000000000\na|b|c",
        )),
        "wrong_type",
        "texts",
        "this version",
    );
    check_error(
        twitch_triage_api::install_texts(JsValue::from(3)),
        "wrong_type",
        "texts",
        "language pack",
    );
}
