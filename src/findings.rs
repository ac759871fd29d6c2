//! The answers so far: a value (or "unknown") for every finding.
//!
//! Input arrives as an untrusted map of finding id to [`Input`] (from Rust,
//! JSON through serde, or JavaScript through serde-wasm-bindgen) and is
//! checked here, once, into a fixed-size [`Findings`] table. One value,
//! [`Input`], and its deserialisation are in `findings/input.rs`.

use alloc::{
    string::{String, ToString},
    vec::Vec,
};
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::error::{push_list, push_num, Error, ErrorKind};
use crate::kb::{FindingDef, FindingId, FindingKind, FINDINGS};

mod input;
pub use input::Input;

/// Number of findings.
pub const FINDING_COUNT: usize = FINDINGS.len();

/// Longest string accepted anywhere in the input (ids and values are short).
pub const MAX_STRING: usize = 64;
/// Longest list accepted (the largest set has 12 members).
pub const MAX_LIST: usize = 32;
/// Most keys accepted in a findings map.
pub const MAX_KEYS: usize = FINDING_COUNT;

/// One finding's value. `Unknown` is "not asked" or "not sure".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    Unknown,
    Bool(bool),
    Int(u8),
    /// Index into the finding's values.
    One(u8),
    /// Bit set over the finding's values.
    Set(u16),
}

/// The answers so far: one [`Value`] per finding.
#[derive(Clone, PartialEq, Eq)]
pub struct Findings {
    values: [Value; FINDING_COUNT],
}

impl Default for Findings {
    fn default() -> Self {
        Findings {
            values: [Value::Unknown; FINDING_COUNT],
        }
    }
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for id in FindingId::all() {
            let v = self.get(id);
            if v != Value::Unknown {
                m.entry(&id.id(), &v);
            }
        }
        m.finish()
    }
}

impl Findings {
    /// No answers yet.
    pub fn new() -> Findings {
        Findings::default()
    }

    pub fn get(&self, f: FindingId) -> Value {
        self.values[f.0 as usize]
    }

    pub fn is_known(&self, f: FindingId) -> bool {
        self.get(f) != Value::Unknown
    }

    /// Sets a finding after checking the value fits its kind.
    pub fn set(&mut self, f: FindingId, v: Value) -> Result<(), Error> {
        check(f.def(), v)?;
        self.values[f.0 as usize] = v;
        Ok(())
    }

    /// Sets a finding from untrusted input (`null` makes it unknown) and
    /// returns which finding it was.
    pub fn set_input(&mut self, key: &str, input: &Input) -> Result<FindingId, Error> {
        let f = FindingId::by_name(key).ok_or_else(|| {
            let mut expected = String::from("one of the finding ids, such as ");
            push_list(&mut expected, FINDINGS.iter().take(4).map(|f| f.id));
            expected.push_str(" (see knowledge().findings)");
            Error::new(ErrorKind::UnknownFinding, key, &expected)
        })?;
        self.set_input_at(f, input)?;
        Ok(f)
    }

    /// Sets finding `f` from untrusted input (`null` makes it unknown).
    pub fn set_input_at(&mut self, f: FindingId, input: &Input) -> Result<(), Error> {
        self.values[f.0 as usize] = value_from_input(f.def(), input)?;
        Ok(())
    }

    /// Builds findings from a parsed map, refusing the first bad entry.
    pub fn from_map(map: &InputMap) -> Result<Findings, Error> {
        if map.total > MAX_KEYS {
            let mut expected = String::from("at most ");
            push_num(&mut expected, MAX_KEYS as u32);
            expected.push_str(" answers, one per finding; got ");
            push_num(&mut expected, map.total.min(u32::MAX as usize) as u32);
            return Err(Error::new(ErrorKind::TooLarge, "findings", &expected));
        }
        let mut out = Findings::new();
        let mut seen = crate::rules::FindingSet::default();
        for (k, v) in &map.entries {
            let id = out.set_input(k, v)?;
            if seen.contains(id) {
                return Err(Error::new(
                    ErrorKind::DuplicateKey,
                    k,
                    "each finding at most once",
                ));
            }
            seen.insert(id);
        }
        Ok(out)
    }

    /// Every finding's value, in knowledge-base order.
    pub fn values(&self) -> &[Value; FINDING_COUNT] {
        &self.values
    }

    /// Known findings with their values.
    pub fn known(&self) -> impl Iterator<Item = (FindingId, Value)> + '_ {
        FindingId::all()
            .map(|f| (f, self.get(f)))
            .filter(|(_, v)| *v != Value::Unknown)
    }

    /// The value ids of a set finding (empty when unknown or not a set).
    pub fn set_members(&self, f: FindingId) -> impl Iterator<Item = &'static str> {
        let mask = match self.get(f) {
            Value::Set(m) => m,
            _ => 0,
        };
        f.def()
            .values
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask & (1 << i) != 0)
            .map(|(_, v)| v.id)
    }
}

fn check(def: &FindingDef, v: Value) -> Result<(), Error> {
    let ok = match (def.kind, v) {
        (_, Value::Unknown) => true,
        (FindingKind::Bool, Value::Bool(_)) => true,
        (FindingKind::Int { min, max }, Value::Int(n)) => n >= min && n <= max,
        (FindingKind::One, Value::One(i)) => (i as usize) < def.values.len(),
        (FindingKind::Set, Value::Set(m)) => (m as u32) < (1u32 << def.values.len()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            kind_error(def.kind, v),
            def.id,
            &expected_for(def),
        ))
    }
}

fn kind_error(kind: FindingKind, v: Value) -> ErrorKind {
    match (kind, v) {
        (FindingKind::Int { .. }, Value::Int(_)) => ErrorKind::OutOfRange,
        (FindingKind::One, Value::One(_)) | (FindingKind::Set, Value::Set(_)) => {
            ErrorKind::UnknownValue
        }
        _ => ErrorKind::WrongType,
    }
}

/// What a finding accepts, in words.
pub(crate) fn expected_for(def: &FindingDef) -> String {
    let mut s = String::new();
    match def.kind {
        FindingKind::Bool => s.push_str("true, false or null"),
        FindingKind::Int { min, max } => {
            s.push_str("a whole number from ");
            push_num(&mut s, min as u32);
            s.push_str(" to ");
            push_num(&mut s, max as u32);
            s.push_str(", or null");
        }
        FindingKind::One => {
            s.push_str("one of ");
            push_list(&mut s, def.values.iter().map(|v| v.id));
            s.push_str(", or null");
        }
        FindingKind::Set => {
            s.push_str("a list (possibly empty) of ");
            push_list(&mut s, def.values.iter().map(|v| v.id));
            s.push_str(", or null");
        }
    }
    s
}

/// The value index of `name` among `def`'s values.
pub(crate) fn value_index(def: &FindingDef, name: &str) -> Option<u8> {
    def.values
        .iter()
        .position(|v| v.id == name)
        .map(|i| i as u8)
}

/// Checks one untrusted value against a finding's kind.
pub(crate) fn value_from_input(def: &FindingDef, input: &Input) -> Result<Value, Error> {
    let wrong = |kind| Err(Error::new(kind, def.id, &expected_for(def)));
    match (def.kind, input) {
        (_, Input::Null) => Ok(Value::Unknown),
        (FindingKind::Bool, Input::Bool(b)) => Ok(Value::Bool(*b)),
        (FindingKind::Int { min, max }, Input::Number(x)) => {
            if crate::math::is_whole(*x) && *x >= min as f64 && *x <= max as f64 {
                Ok(Value::Int(*x as u8))
            } else {
                wrong(ErrorKind::OutOfRange)
            }
        }
        (FindingKind::One, Input::Text(s)) => match value_index(def, s) {
            Some(i) => Ok(Value::One(i)),
            None => wrong(ErrorKind::UnknownValue),
        },
        (FindingKind::Set, Input::List(items)) => {
            let mut mask = 0u16;
            for it in items {
                match it {
                    Input::Text(s) => match value_index(def, s) {
                        Some(i) => mask |= 1 << i,
                        None => return wrong(ErrorKind::UnknownValue),
                    },
                    _ => return wrong(ErrorKind::WrongType),
                }
            }
            Ok(Value::Set(mask))
        }
        (_, Input::TooLong) => wrong(ErrorKind::TooLarge),
        _ => wrong(ErrorKind::WrongType),
    }
}

/// A whole number as a person types it into a field: digits with spaces
/// around them. Full-width digits count too ("３４"): Chinese and Japanese
/// input methods type them, and a person who typed their age must not be
/// told to type a number. Anything else (signs, decimals, words) is `None`,
/// and so is a number too large for `u32`.
pub fn typed_whole_number(text: &str) -> Option<u32> {
    let mut n: u32 = 0;
    let mut digits = false;
    for c in text.trim().chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
        digits = true;
    }
    digits.then_some(n)
}

/// An untrusted findings map, before checking: its entries in input order
/// (up to [`MAX_KEYS`] + 1 of them) and how many keys it had in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputMap {
    pub entries: Vec<(String, Input)>,
    pub total: usize,
}

impl InputMap {
    pub fn insert(&mut self, key: &str, value: impl Into<Input>) -> &mut Self {
        self.entries.push((key.to_string(), value.into()));
        self.total += 1;
        self
    }
}

impl<'de> Deserialize<'de> for InputMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<InputMap, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = InputMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of finding ids to answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputMap, A::Error> {
                let mut out = InputMap::default();
                while let Some(k) = map.next_key::<KeyString>()? {
                    out.total += 1;
                    if out.entries.len() <= MAX_KEYS {
                        let v = map.next_value::<Input>()?;
                        out.entries.push((k.0, v));
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// A map key, cut to a readable length (keys over the limit cannot be finding ids).
struct KeyString(String);

impl<'de> Deserialize<'de> for KeyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyString, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a finding id")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<KeyString, E> {
                let mut end = s.len().min(MAX_STRING + 1);
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                Ok(KeyString(s[..end].to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Findings {
    /// Deserialises and checks; a bad entry is a deserialisation error whose
    /// message is [`Error::message`]. Use [`Findings::from_map`] on an
    /// [`InputMap`] to get the typed [`Error`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Findings, D::Error> {
        let map = InputMap::deserialize(d)?;
        Findings::from_map(&map).map_err(|e| de::Error::custom(e.message))
    }
}

impl Serialize for Findings {
    /// Serialises the known findings as a map: booleans, numbers, value ids
    /// and lists of value ids, in knowledge-base order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.known().count()))?;
        for (f, v) in self.known() {
            let def = f.def();
            match v {
                Value::Bool(b) => m.serialize_entry(def.id, &b)?,
                Value::Int(n) => m.serialize_entry(def.id, &n)?,
                Value::One(i) => m.serialize_entry(def.id, def.values[i as usize].id)?,
                Value::Set(_) => m.serialize_entry(def.id, &Members(self, f))?,
                Value::Unknown => {}
            }
        }
        m.end()
    }
}

struct Members<'a>(&'a Findings, FindingId);

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for id in self.0.set_members(self.1) {
            seq.serialize_element(id)?;
        }
        seq.end()
    }
}
