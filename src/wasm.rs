//! The JavaScript API (wasm-bindgen): `classify`, `Interview`, `knowledge`.
//!
//! This layer only converts. Untrusted values are first copied into plain
//! data by `js/boundary.js` (so no host code runs while Rust holds state),
//! then read into the same [`InputMap`] / [`Input`] that JSON deserialises
//! to, and checked by the same core code. Results go back through
//! serde-wasm-bindgen as plain objects and arrays. Every error is a
//! `TwitchTriageError`; nothing here can panic on any input.
//!
//! The plain copy is read with a few js-sys calls rather than serde's
//! deserializer: serde's error machinery formats floats and would add about
//! 20 KB to the module for errors this path never produces.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::assess;
use crate::error::{Error, ErrorKind};
use crate::findings::{Findings, Input, InputMap, MAX_KEYS, MAX_LIST, MAX_STRING};
use crate::interview::Interview as CoreInterview;
use crate::kb::Lang;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(kind: &str, key: &str, expected: &str, message: &str) -> JsValue;
    #[wasm_bindgen(catch, js_name = plainFindings)]
    fn plain_findings(v: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = plainValue)]
    fn plain_value(v: &JsValue) -> Result<JsValue, JsValue>;
}

fn to_js_error(e: Error) -> JsValue {
    make_error(e.kind.as_str(), &e.key, &e.expected, &e.message)
}

/// A value from the host that could not even be read (a throwing getter or
/// Proxy). `js/boundary.js` says which key it was, when it knows.
fn unreadable(key: &str, thrown: JsValue) -> JsValue {
    // Only Reflect.get (imported with `catch`) touches the thrown value: even
    // an error object with a throwing `message` getter cannot escape here.
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let at = get(&thrown, "twitchTriageKey").and_then(|k| k.as_string());
    let cause = if at.is_some() {
        get(&thrown, "cause").unwrap_or(JsValue::UNDEFINED)
    } else {
        thrown
    };
    let mut expected = String::from("a value that can be read without errors");
    if let Some(msg) = cause
        .dyn_ref::<js_sys::Error>()
        .and_then(|e| get(e, "message"))
        .and_then(|m| m.as_string())
    {
        expected.push_str(" (reading it threw: ");
        expected.push_str(&msg.chars().take(200).collect::<String>());
        expected.push(')');
    }
    to_js_error(Error::new(
        ErrorKind::WrongType,
        at.as_deref().unwrap_or(key),
        &expected,
    ))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| {
            to_js_error(Error::new(
                ErrorKind::WrongType,
                "result",
                "a result that can be converted",
            ))
        })
}

/// One value of a plain copy (see `js/boundary.js`) as an [`Input`].
fn input_from_js(v: &JsValue, nested: bool) -> Input {
    if v.is_null() || v.is_undefined() {
        Input::Null
    } else if let Some(b) = v.as_bool() {
        Input::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Input::Number(n)
    } else if let Some(s) = v.as_string() {
        if s.len() > MAX_STRING {
            Input::TooLong
        } else {
            Input::Text(s)
        }
    } else if js_sys::Array::is_array(v) && !nested {
        let a = js_sys::Array::from(v);
        if a.length() as usize > MAX_LIST {
            Input::TooLong
        } else {
            Input::List(a.iter().map(|x| input_from_js(&x, true)).collect())
        }
    } else {
        Input::Object
    }
}

/// Reads an untrusted findings-like object into an [`InputMap`].
fn read_map(v: &JsValue, key: &str, expected: &str) -> Result<InputMap, JsValue> {
    let plain = plain_findings(v).map_err(|e| unreadable(key, e))?;
    if plain.is_undefined() {
        return Err(to_js_error(Error::new(
            ErrorKind::NotAnObject,
            key,
            expected,
        )));
    }
    let keys = js_sys::Object::keys(plain.unchecked_ref::<js_sys::Object>());
    let mut map = InputMap {
        entries: Vec::new(),
        total: keys.length() as usize,
    };
    for k in keys.iter().take(MAX_KEYS + 1) {
        // The copy is a plain object: reading it cannot throw.
        let value =
            js_sys::Reflect::get(&plain, &k).map_or(Input::Object, |x| input_from_js(&x, false));
        map.entries.push((k.as_string().unwrap_or_default(), value));
    }
    Ok(map)
}

fn read_findings(v: &JsValue) -> Result<Findings, JsValue> {
    let map = read_map(
        v,
        "findings",
        "an object mapping finding ids to answers, such as { age: 30, movement: \"flicker\" }",
    )?;
    Findings::from_map(&map).map_err(to_js_error)
}

/// The `lang` of an options object (`undefined` and `null` mean the default).
fn read_lang(options: &JsValue) -> Result<Lang, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Lang::default());
    }
    let map = read_map(
        options,
        "options",
        "an options object such as { lang: \"en\" }",
    )?;
    for (k, v) in &map.entries {
        match (k.as_str(), v) {
            ("lang", Input::Text(code)) => return Lang::parse(code).map_err(to_js_error),
            ("lang", Input::Null) => return Ok(Lang::default()),
            ("lang", _) => {
                return Lang::parse("").map_err(to_js_error);
            }
            _ => {}
        }
    }
    Ok(Lang::default())
}

/// Installs a language pack (`dist/lang/<lang>.txt`); the package's entry
/// points install every language before anything else runs. Returns the
/// language code.
#[wasm_bindgen(js_name = installTexts)]
pub fn install_texts(pack: JsValue) -> Result<String, JsValue> {
    let text = pack.as_string().ok_or_else(|| {
        to_js_error(Error::new(
            ErrorKind::WrongType,
            "texts",
            "the text of a language pack",
        ))
    })?;
    crate::kb::install_texts(&text)
        .map(|l| l.code().to_string())
        .map_err(to_js_error)
}

/// Classifies a findings object: `classify({ age: 30, ... }, { lang })`.
#[wasm_bindgen]
pub fn classify(findings: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = read_lang(&options)?;
    let f = read_findings(&findings)?;
    to_js(&assess::classify_in(&f, lang))
}

/// The knowledge base with its texts: `knowledge({ lang })`.
#[wasm_bindgen(js_name = knowledge)]
pub fn knowledge_js(options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::knowledge::knowledge(read_lang(&options)?))
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
        match q {
            Some(q) => to_js(&q),
            None => Ok(JsValue::NULL),
        }
    }

    /// Answers a question; a bad answer throws and changes nothing.
    pub fn answer(&self, question_id: JsValue, value: JsValue) -> Result<(), JsValue> {
        let id = match question_id.as_string() {
            Some(s) => s,
            None => {
                return Err(to_js_error(Error::new(
                    ErrorKind::UnknownQuestion,
                    "question_id",
                    "a question id string, as given by next()",
                )))
            }
        };
        let plain = plain_value(&value).map_err(|e| unreadable(&id, e))?;
        let input = input_from_js(&plain, false);
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
        to_js(&r)
    }

    /// The answers so far, as a findings object.
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        let f = self.inner.borrow().answers().clone();
        to_js(&f)
    }
}
