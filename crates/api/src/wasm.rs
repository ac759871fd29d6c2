//! The bindings: JavaScript values in, through `js/boundary.js`, the core's
//! results out (see the crate's documentation). Here: what `js/boundary.js`
//! provides, and what the module exports; `read` decodes the host's values,
//! `lang` picks the language, `out` and `strings` make the results.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use twitch_triage::assess;
use twitch_triage::error::{Error, ErrorKind};
use twitch_triage::findings::Input;
use twitch_triage::interview::Interview as CoreInterview;

use crate::reading;

mod lang;
mod out;
mod read;
mod strings;

pub use lang::install_texts;
use lang::read_lang;
use read::{decode_value, read_findings, unreadable};

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
        second_is_the_emergency: bool,
    ) -> JsValue;
}

fn to_js_error(e: Error) -> JsValue {
    make_error(e.kind.as_str(), &e.key, &e.expected, &e.message)
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
