//! Typed errors for every bad input. Each names the offending key and what
//! was expected. Messages are built by concatenation, not `format!`, to keep
//! the WebAssembly build small.

use alloc::string::{String, ToString};
use core::fmt;

/// What kind of input was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The findings were not a map (object) of finding ids to values.
    NotAnObject,
    /// A key that is not a finding id.
    UnknownFinding,
    /// A value of the wrong type for its finding (e.g. a string for a yes/no finding).
    WrongType,
    /// A number outside the finding's range, or not a whole number.
    OutOfRange,
    /// A string that is not one of the finding's values or the question's options.
    UnknownValue,
    /// A question id that does not exist.
    UnknownQuestion,
    /// An answer whose shape does not fit the question's kind.
    WrongAnswerShape,
    /// A language that is not supported.
    UnsupportedLanguage,
    /// More input than any valid answer needs.
    TooLarge,
    /// The same finding twice in one map.
    DuplicateKey,
    /// An options key that does not exist (a misspelt `lang` would
    /// otherwise give English without a word).
    UnknownOption,
    /// A FHIR resource that is not a QuestionnaireResponse (or a Bundle
    /// holding one) to twitch-triage's Questionnaire, or not shaped as one.
    NotAResponse,
}

impl ErrorKind {
    /// Every kind (the npm package's `ErrorKind` type is checked against it:
    /// crates/api/tests/contracts.rs).
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::NotAnObject,
        ErrorKind::UnknownFinding,
        ErrorKind::WrongType,
        ErrorKind::OutOfRange,
        ErrorKind::UnknownValue,
        ErrorKind::UnknownQuestion,
        ErrorKind::WrongAnswerShape,
        ErrorKind::UnsupportedLanguage,
        ErrorKind::TooLarge,
        ErrorKind::DuplicateKey,
        ErrorKind::UnknownOption,
        ErrorKind::NotAResponse,
    ];

    /// The machine-readable name used across the JavaScript boundary.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotAnObject => "not_an_object",
            ErrorKind::UnknownFinding => "unknown_finding",
            ErrorKind::WrongType => "wrong_type",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::UnknownValue => "unknown_value",
            ErrorKind::UnknownQuestion => "unknown_question",
            ErrorKind::WrongAnswerShape => "wrong_answer_shape",
            ErrorKind::UnsupportedLanguage => "unsupported_language",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::UnknownOption => "unknown_option",
            ErrorKind::NotAResponse => "not_a_response",
        }
    }
}

/// A refused input: what kind, which key, and a readable message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The offending finding id, question id or argument name.
    pub key: String,
    /// What was expected, in words.
    pub expected: String,
    /// A full sentence for people: names the key and what was expected.
    pub message: String,
}

/// At most this many characters of a key taken from the input are quoted back.
pub const KEY_QUOTE_MAX: usize = 64;

impl Error {
    pub fn new(kind: ErrorKind, key: &str, expected: &str) -> Error {
        let key = shorten(key);
        let mut message = String::with_capacity(key.len() + expected.len() + 48);
        message.push_str(match kind {
            ErrorKind::UnknownFinding => "unknown finding \"",
            ErrorKind::UnknownOption => "unknown option \"",
            ErrorKind::UnknownQuestion => "unknown question \"",
            _ => "\"",
        });
        message.push_str(&key);
        message.push_str("\": expected ");
        message.push_str(expected);
        Error {
            kind,
            key,
            expected: expected.to_string(),
            message,
        }
    }
}

/// Keys come from untrusted input: quote at most a short prefix of them.
fn shorten(key: &str) -> String {
    match key.char_indices().nth(KEY_QUOTE_MAX) {
        None => key.to_string(),
        Some((i, _)) => {
            let mut s = key.get(..i).unwrap_or_default().to_string();
            s.push('…');
            s
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for Error {}

/// Appends a small unsigned number in decimal (avoids pulling in `format!`;
/// the element uses it too).
pub fn push_num(s: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        s.push(b as char);
    }
}

/// Appends `a, b, c`.
pub fn push_list<'a>(s: &mut String, items: impl Iterator<Item = &'a str>) {
    for (i, it) in items.enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(it);
    }
}
