//! Reading what the host hands over: the compact code `js/boundary.js`
//! makes of an untrusted value, decoded into the core's `Input` /
//! `InputMap` and checked by the core; and the errors for a value that
//! could not even be read.

use wasm_bindgen::prelude::*;

use twitch_triage::error::{Error, ErrorKind};
use twitch_triage::findings::{Findings, Input, InputMap, MAX_KEYS, MAX_LIST, MAX_STRING};

use super::{findings_code, from_json, thrown_key, thrown_message, to_js_error};
use crate::reading;

/// A value from the host that could not even be read (a throwing getter or
/// Proxy). `js/boundary.js` says which key it was, when it knows.
pub(super) fn unreadable(key: &str, thrown: JsValue) -> JsValue {
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

/// One value of the code `js/boundary.js` makes (see its header) as an [`Input`].
pub(super) fn decode_value(code: &str, nested: bool) -> Input {
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
pub(super) fn read_map(v: &JsValue, key: &str, expected: &str) -> Result<InputMap, JsValue> {
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

pub(super) fn unknown_option(key: &str) -> JsValue {
    to_js_error(Error::new(
        ErrorKind::UnknownOption,
        key,
        "lang, the only option",
    ))
}

pub(super) fn read_findings(v: &JsValue) -> Result<Findings, JsValue> {
    let expected =
        "an object mapping finding ids to answers, such as { age: 30, movement: \"flicker\" }";
    match read_coded(v, "findings", expected)? {
        Coded::ByFinding(f) => Ok(f),
        Coded::Keyed(map) => Findings::from_map(&map).map_err(to_js_error),
    }
}
