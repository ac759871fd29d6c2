//! The bindings: JavaScript values in, through `js/boundary.js`, the core's
//! results out (see the crate's documentation).

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use twitch_triage::assess;
use twitch_triage::error::{Error, ErrorKind};
use twitch_triage::findings::{Findings, Input, InputMap, MAX_KEYS, MAX_LIST, MAX_STRING};
use twitch_triage::interview::Interview as CoreInterview;
use twitch_triage::kb::{has_texts, Lang};

use crate::reading;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(kind: &str, key: &str, expected: &str, message: &str) -> JsValue;
    #[wasm_bindgen(catch, js_name = findingsCode)]
    fn findings_code(
        v: &JsValue,
        ids: &JsValue,
        keys: u32,
        list: u32,
        text: u32,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = answerCode)]
    fn answer_code(v: &JsValue, list: u32, text: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = textOf)]
    fn text_of(v: &JsValue, units: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = thrownKey)]
    fn thrown_key(thrown: &JsValue, units: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = thrownMessage)]
    fn thrown_message(thrown: &JsValue, units: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = fromJson)]
    fn from_json(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = makeExplanation)]
    fn make_explanation(
        id: &JsValue,
        name: &JsValue,
        level: &JsValue,
        score: f64,
        reasons: Vec<JsValue>,
    ) -> JsValue;
    #[wasm_bindgen(js_name = makeRule)]
    fn make_rule(id: &JsValue, level: &JsValue, because: Vec<JsValue>) -> JsValue;
    #[wasm_bindgen(js_name = makeOption)]
    fn make_option(value: &JsValue, label: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = makeQuestion)]
    fn make_question(
        id: &JsValue,
        kind: &JsValue,
        finding: Option<JsValue>,
        text: &JsValue,
        hint: Option<JsValue>,
        options: Option<Vec<JsValue>>,
    ) -> JsValue;
    #[wasm_bindgen(js_name = makeAssessment)]
    fn make_assessment(
        triage: &JsValue,
        explanations: Vec<JsValue>,
        rules: Vec<JsValue>,
        unanswered: Vec<JsValue>,
        complete: bool,
        advice: Vec<JsValue>,
    ) -> JsValue;
}

fn to_js_error(e: Error) -> JsValue {
    make_error(e.kind.as_str(), &e.key, &e.expected, &e.message)
}

/// A value from the host that could not even be read (a throwing getter or
/// Proxy). `js/boundary.js` says which key it was, when it knows.
fn unreadable(key: &str, thrown: JsValue) -> JsValue {
    // Only `js/boundary.js` (imported with `catch`) touches the thrown
    // value, and hands over at most a short text: even an error object with
    // a throwing `message` getter, or a message of megabytes, cannot escape
    // or fill the memory here.
    let at = thrown_key(&thrown, reading::TEXT)
        .ok()
        .and_then(|k| k.as_string());
    let mut expected = String::from("a value that can be read without errors");
    if let Some(msg) = thrown_message(&thrown, reading::MESSAGE)
        .ok()
        .and_then(|m| m.as_string())
    {
        expected.push_str(" (reading it threw: ");
        expected.push_str(&msg.chars().take(reading::MESSAGE_QUOTE).collect::<String>());
        expected.push(')');
    }
    to_js_error(Error::new(
        ErrorKind::WrongType,
        at.as_deref().unwrap_or(key),
        &expected,
    ))
}

/// A result as JSON text, made into objects by `JSON.parse` (every property
/// its object's own: SAFETY H23).
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let failed = || {
        to_js_error(Error::new(
            ErrorKind::WrongType,
            "result",
            "a result that can be converted",
        ))
    };
    let json = serde_json::to_string(v).map_err(|_| failed())?;
    from_json(&json).map_err(|_| failed())
}

/// One value of the code `js/boundary.js` makes (see its header) as an [`Input`].
fn decode_value(code: &str, nested: bool) -> Input {
    let mut chars = code.chars();
    let tag = chars.next();
    let rest = chars.as_str();
    match tag {
        Some('t') => Input::Bool(true),
        Some('f') => Input::Bool(false),
        Some('z') => Input::Null,
        // Whole numbers only: an integer parser is a fraction of a float parser's size.
        Some('n') => rest
            .parse::<i64>()
            .map_or(Input::Object, |n| Input::Number(n as f64)),
        // Not a whole number (a fraction, NaN, Infinity): refused as such by the core.
        Some('x') => Input::Number(f64::NAN),
        Some('s') if rest.len() > MAX_STRING => Input::TooLong,
        Some('s') => Input::Text(rest.to_string()),
        Some('l') if !nested => {
            let items: Vec<Input> = if rest.is_empty() {
                Vec::new()
            } else {
                rest.split('\x1d').map(|x| decode_value(x, true)).collect()
            };
            if items.len() > MAX_LIST {
                Input::TooLong
            } else {
                Input::List(items)
            }
        }
        _ => Input::Object,
    }
}

/// The finding ids, as a JavaScript array made once (by `JSON.parse`, like
/// every array handed to the host: an array filled by `push` would meet a
/// setter for "0" on `Object.prototype`).
fn finding_ids() -> JsValue {
    thread_local! {
        static IDS: JsValue = {
            let ids: Vec<&str> = twitch_triage::kb::FINDINGS.iter().map(|f| f.id).collect();
            serde_json::to_string(&ids)
                .ok()
                .and_then(|json| from_json(&json).ok())
                .unwrap_or_else(|| js_sys::Array::new().into())
        };
    }
    IDS.with(JsValue::clone)
}

/// An untrusted findings-like object, as `js/boundary.js` codes it.
// A short-lived value on the stack: boxing the larger variant would cost an
// allocation on every call for nothing.
#[allow(clippy::large_enum_variant)]
enum Coded {
    /// Every key a finding id: the values, already checked.
    ByFinding(Findings),
    /// Any keys, in the caller's order.
    Keyed(InputMap),
}

fn read_coded(v: &JsValue, key: &str, expected: &str) -> Result<Coded, JsValue> {
    let code = findings_code(
        v,
        &finding_ids(),
        reading::KEYS,
        reading::LIST,
        reading::TEXT,
    )
    .map_err(|e| unreadable(key, e))?;
    let Some(code) = code.as_string() else {
        return Err(to_js_error(Error::new(
            ErrorKind::NotAnObject,
            key,
            expected,
        )));
    };
    // A built-in object other than a Map (a Promise, a Set, ...): the
    // message names what it was.
    if let Some(kind) = code.strip_prefix('\x1d') {
        let mut e = Error::new(ErrorKind::NotAnObject, key, expected);
        e.message.push_str(" (got: ");
        e.message.push_str(kind);
        e.message.push(')');
        return Err(to_js_error(e));
    }
    if let Some(values) = code.strip_prefix('#') {
        let mut f = Findings::new();
        for (id, value) in twitch_triage::kb::FindingId::all().zip(values.split('\x1e')) {
            if !value.is_empty() {
                f.set_input_at(id, &decode_value(value, false))
                    .map_err(to_js_error)?;
            }
        }
        return Ok(Coded::ByFinding(f));
    }
    // Any keys: US, the number of keys, then a record per key read.
    let mut map = InputMap::default();
    let mut records = code.strip_prefix('\x1f').unwrap_or_default().split('\x1e');
    map.total = records
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    for record in records {
        if map.entries.len() <= MAX_KEYS {
            let (k, v) = record.split_once('\x1f').unwrap_or((record, "z"));
            map.entries.push((k.to_string(), decode_value(v, false)));
        }
    }
    map.total = map.total.max(map.entries.len());
    Ok(Coded::Keyed(map))
}

/// Reads an untrusted object into an [`InputMap`] (options).
fn read_map(v: &JsValue, key: &str, expected: &str) -> Result<InputMap, JsValue> {
    match read_coded(v, key, expected)? {
        Coded::Keyed(map) => Ok(map),
        // Only keys that are finding ids (or no keys): no options key among
        // them, so any key there is an unknown option.
        Coded::ByFinding(f) => match f.known().next() {
            Some((id, _)) => Err(unknown_option(id.id())),
            None => Ok(InputMap::default()),
        },
    }
}

fn unknown_option(key: &str) -> JsValue {
    to_js_error(Error::new(
        ErrorKind::UnknownOption,
        key,
        "lang, the only option",
    ))
}

fn read_findings(v: &JsValue) -> Result<Findings, JsValue> {
    let expected =
        "an object mapping finding ids to answers, such as { age: 30, movement: \"flicker\" }";
    match read_coded(v, "findings", expected)? {
        Coded::ByFinding(f) => Ok(f),
        Coded::Keyed(map) => Findings::from_map(&map).map_err(to_js_error),
    }
}

/// The `lang` of an options object (`undefined` and `null` mean the default),
/// which must be a language whose texts are loaded.
fn read_lang(options: &JsValue) -> Result<Lang, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(default_lang());
    }
    let map = read_map(
        options,
        "options",
        "an options object such as { lang: \"en\" }",
    )?;
    let mut lang = default_lang();
    for (k, v) in &map.entries {
        lang = match (k.as_str(), v) {
            ("lang", Input::Text(code)) => Lang::parse(code).and_then(loaded),
            ("lang", Input::Null) => Ok(default_lang()),
            ("lang", _) => Lang::parse(""),
            (other, _) => return Err(unknown_option(other)),
        }
        .map_err(to_js_error)?;
    }
    Ok(lang)
}

thread_local! {
    /// The first language whose texts were installed.
    static FIRST_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language when none is asked for: the first one loaded. The main
/// entry loads English first; an entry such as `twitch-triage/es` loads its
/// own language, which stays the default if another entry is imported later.
fn default_lang() -> Lang {
    FIRST_LANG.with(|f| f.get()).unwrap_or_default()
}

/// `lang`, if its texts are loaded; else an error that says how to load them.
fn loaded(lang: Lang) -> Result<Lang, Error> {
    if has_texts(lang) {
        return Ok(lang);
    }
    let mut expected = String::from("a language whose texts are loaded (");
    twitch_triage::error::push_list(
        &mut expected,
        Lang::ALL
            .into_iter()
            .filter(|l| has_texts(*l))
            .map(Lang::code),
    );
    expected.push_str("): import \"twitch-triage/");
    expected.push_str(lang.code());
    expected.push_str("\" as well, or \"twitch-triage\" for every language");
    Err(Error::new(
        ErrorKind::UnsupportedLanguage,
        "lang",
        &expected,
    ))
}

/// Installs a language pack (the string that `dist/lang/<lang>.js`
/// exports); the package's entry points install their languages before
/// anything else runs (every language, or one for `twitch-triage/<lang>`).
/// Returns the language code.
#[wasm_bindgen(js_name = installTexts)]
pub fn install_texts(pack: JsValue) -> Result<String, JsValue> {
    let text = pack.as_string().ok_or_else(|| {
        to_js_error(Error::new(
            ErrorKind::WrongType,
            "texts",
            "the text of a language pack",
        ))
    })?;
    let lang = twitch_triage::kb::install_texts(&text).map_err(to_js_error)?;
    FIRST_LANG.with(|f| f.set(f.get().or(Some(lang))));
    Ok(lang.code().to_string())
}

/// Classifies a findings object: `classify({ age: 30, ... }, { lang })`.
#[wasm_bindgen]
pub fn classify(findings: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = read_lang(&options)?;
    let f = read_findings(&findings)?;
    Ok(out::assessment(&assess::classify_in(&f, lang)))
}

/// The knowledge base with its texts: `knowledge({ lang })`.
#[wasm_bindgen(js_name = knowledge)]
pub fn knowledge_js(options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&twitch_triage::knowledge::knowledge(read_lang(&options)?))
}

/// One person's interview. All methods take `&self`: the state sits in a
/// `RefCell` that is borrowed only after every host value has been read, so
/// even an exception thrown by host code cannot leave it borrowed.
#[wasm_bindgen(js_name = Interview)]
pub struct JsInterview {
    inner: RefCell<CoreInterview>,
}

#[wasm_bindgen(js_class = Interview)]
impl JsInterview {
    /// `new Interview({ lang })`
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsInterview, JsValue> {
        Ok(JsInterview {
            inner: RefCell::new(CoreInterview::new(read_lang(&options)?)),
        })
    }

    /// The next question, or `null` when the interview has enough to conclude.
    pub fn next(&self) -> Result<JsValue, JsValue> {
        let q = self.inner.borrow().next();
        Ok(q.map_or(JsValue::NULL, |q| out::question(&q)))
    }

    /// Answers a question; a bad answer throws and changes nothing.
    pub fn answer(&self, question_id: JsValue, value: JsValue) -> Result<(), JsValue> {
        // A string id, cut: no id is long, and the error quotes only its start.
        let id = match text_of(&question_id, reading::TEXT)
            .ok()
            .and_then(|id| id.as_string())
        {
            Some(s) => s,
            None => {
                return Err(to_js_error(Error::new(
                    ErrorKind::UnknownQuestion,
                    "question_id",
                    "a question id string, as given by next()",
                )))
            }
        };
        let code =
            answer_code(&value, reading::LIST, reading::TEXT).map_err(|e| unreadable(&id, e))?;
        let input = code
            .as_string()
            .map_or(Input::Object, |c| decode_value(&c, false));
        self.inner
            .borrow_mut()
            .answer(&id, &input)
            .map_err(to_js_error)
    }

    /// Takes back the last answer; `false` when there was none.
    pub fn back(&self) -> bool {
        self.inner.borrow_mut().back()
    }

    /// The result for the answers so far.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        let r = self.inner.borrow().result();
        Ok(out::assessment(&r))
    }

    /// The answers so far, as a findings object.
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        let f = self.inner.borrow().answers().clone();
        to_js(&f)
    }
}

/// JavaScript strings for `&'static str`s, made once: every string in a
/// result (ids, names, advice) is static, and decoding each afresh on every
/// call was a third of `classify`'s cost (see BENCHMARKS.md). A small
/// open-addressing table keyed by address; when it is full, strings are
/// simply made anew.
mod strings {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    const SLOTS: usize = 2048;

    thread_local! {
        static CACHE: RefCell<Vec<Option<(usize, usize, JsValue)>>> = RefCell::new(vec![None; SLOTS]);
    }

    pub fn js(s: &'static str) -> JsValue {
        let (ptr, len) = (s.as_ptr() as usize, s.len());
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let mut i = (ptr >> 2).wrapping_mul(0x9e37_79b9) % SLOTS;
            for _ in 0..16 {
                match &c[i] {
                    Some((p, l, v)) if *p == ptr && *l == len => return v.clone(),
                    Some(_) => i = (i + 1) % SLOTS,
                    None => {
                        let v = JsValue::from_str(s);
                        c[i] = Some((ptr, len, v.clone()));
                        return v;
                    }
                }
            }
            JsValue::from_str(s)
        })
    }
}

/// Results as plain objects, made by object literals in `js/boundary.js`
/// from cached strings (see [`strings`]).
mod out {
    use super::strings::js;
    use twitch_triage::assess::Assessment;
    use twitch_triage::interview::Question;
    use wasm_bindgen::JsValue;

    fn strs(items: &[&'static str]) -> Vec<JsValue> {
        items.iter().map(|s| js(s)).collect()
    }

    pub fn assessment(r: &Assessment) -> JsValue {
        let explanations = r
            .explanations
            .iter()
            .map(|e| {
                super::make_explanation(
                    &js(e.id),
                    &js(e.name),
                    &js(e.level.id()),
                    e.score,
                    strs(&e.reasons),
                )
            })
            .collect();
        let rules = r
            .rules
            .iter()
            .map(|rule| super::make_rule(&js(rule.id), &js(rule.level.id()), strs(&rule.because)))
            .collect();
        super::make_assessment(
            &js(r.triage.id()),
            explanations,
            rules,
            strs(&r.unanswered),
            r.complete,
            strs(&r.advice),
        )
    }

    pub fn question(q: &Question) -> JsValue {
        let options = q.options.as_ref().map(|options| {
            options
                .iter()
                .map(|o| super::make_option(&js(o.value), &js(o.label)))
                .collect()
        });
        super::make_question(
            &js(q.id),
            &js(q.kind.id()),
            q.finding.map(js),
            &js(q.text),
            q.hint.map(js),
            options,
        )
    }
}
