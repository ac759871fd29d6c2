//! The FHIR export's own WebAssembly (`dist/twitch_triage_fhir.wasm`), the
//! one home of the export in the browser and in Node: `<twitch-triage>`
//! loads it only when a person asks for the file for their doctor (so the
//! element's first load carries none of it), and the npm package's
//! `twitch-triage/fhir` entry runs it (so the main API's module carries none
//! of it either). Both fetch it against a digest baked in by the build
//! (SAFETY H19).
//!
//! No wasm-bindgen: a few exported functions and one buffer each way, which
//! `element.js` (`fhirFile`) and `crates/fhir/js/fhir-api.js` drive:
//!
//! 1. `input(len)` gives the address of a buffer of `len` bytes to write into;
//! 2. `install()` installs the language pack written there (1 if it is one
//!    of this version's);
//! 3. `run(op)` reads the request written there (JSON) and writes its answer
//!    (JSON) to the output buffer: 1, or 0 and the error
//!    (`{"kind", "key", "expected", "message"}`) there. The operations:
//!    [`QUESTIONNAIRE`], [`RESPONSE`], [`READ`];
//! 4. `output()` and `output_len()` give the output buffer.

use std::cell::RefCell;

use serde::Deserialize;
use twitch_triage::findings::InputMap;
use twitch_triage::{fhir, kb, Error, ErrorKind, Lang};

/// `{"lang"}`: the Questionnaire.
pub const QUESTIONNAIRE: u32 = 1;
/// `{"lang", "authored", "answers", "bundle"}`: the QuestionnaireResponse, or
/// with `bundle` the Bundle of both (the file the element saves). `answers`
/// as `classify` takes them, `null` for "Not sure".
pub const RESPONSE: u32 = 2;
/// The text of a QuestionnaireResponse or of a Bundle holding one: its answers.
pub const READ: u32 = 3;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    lang: String,
    #[serde(default)]
    authored: Option<String>,
    #[serde(default)]
    answers: InputMap,
    #[serde(default)]
    bundle: bool,
}

fn request(text: &str) -> Result<Request, Error> {
    serde_json::from_str(text).map_err(|e| {
        let mut expected = String::from("{\"lang\", \"authored\", \"answers\", \"bundle\"} (");
        expected.push_str(&e.to_string());
        expected.push(')');
        Error::new(ErrorKind::NotAnObject, "request", &expected)
    })
}

fn lang(code: &str) -> Result<Lang, Error> {
    let lang = Lang::parse(code)?;
    if !kb::has_texts(lang) {
        return Err(Error::new(
            ErrorKind::UnsupportedLanguage,
            "lang",
            "a language whose texts are installed",
        ));
    }
    Ok(lang)
}

/// Operation `op` on the request `text`: the answer's JSON text.
pub fn answer(op: u32, text: &str) -> Result<String, Error> {
    let json = match op {
        QUESTIONNAIRE => fhir::questionnaire(lang(&request(text)?.lang)?),
        RESPONSE => {
            let r = request(text)?;
            let lang = lang(&r.lang)?;
            let (findings, unsure) = fhir::read_map(&r.answers)?;
            let authored = r.authored.as_deref();
            if r.bundle {
                fhir::bundle(&findings, unsure, lang, authored)?
            } else {
                fhir::response(&findings, unsure, lang, authored)?
            }
        }
        READ => {
            let map = fhir::read_json(text)?;
            let answers: serde_json::Map<String, serde_json::Value> = map
                .entries
                .iter()
                .map(|(k, v)| (k.clone(), input_json(v)))
                .collect();
            serde_json::Value::Object(answers)
        }
        _ => return Err(Error::new(ErrorKind::UnknownOption, "op", "1, 2 or 3")),
    };
    Ok(json.to_string())
}

fn input_json(v: &twitch_triage::Input) -> serde_json::Value {
    use twitch_triage::Input;
    match v {
        Input::Bool(b) => (*b).into(),
        Input::Number(n) => serde_json::Value::from(*n as i64),
        Input::Text(t) => t.as_str().into(),
        Input::List(l) => l.iter().map(input_json).collect(),
        _ => serde_json::Value::Null,
    }
}

fn error_json(e: &Error) -> String {
    serde_json::json!({
        "kind": e.kind.as_str(),
        "key": e.key,
        "expected": e.expected,
        "message": e.message,
    })
    .to_string()
}

/// The address of a buffer of `len` bytes for the next call's input.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with(|i| {
        let mut i = i.borrow_mut();
        i.clear();
        i.resize(len, 0);
        i.as_mut_ptr()
    })
}

fn input_text() -> String {
    INPUT.with(|i| String::from_utf8_lossy(&i.borrow()).into_owned())
}

/// Installs the language pack in the input buffer: 1 if it is one of this
/// version's, else 0.
#[no_mangle]
pub extern "C" fn install() -> u32 {
    u32::from(kb::install_texts(&input_text()).is_ok())
}

/// Runs operation `op` on the request in the input buffer: 1 and the
/// answer in the output buffer, or 0 and the error there.
#[no_mangle]
pub extern "C" fn run(op: u32) -> u32 {
    let (ok, out) = match answer(op, &input_text()) {
        Ok(json) => (1, json),
        Err(e) => (0, error_json(&e)),
    };
    OUTPUT.with(|o| *o.borrow_mut() = out.into_bytes());
    ok
}

#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn output_len() -> usize {
    OUTPUT.with(|o| o.borrow().len())
}
