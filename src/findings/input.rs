//! One untrusted value, [`Input`], as it comes from Rust, JSON through
//! serde, or JavaScript, with its serde `Deserialize` impl: bounded (a
//! string or list over the limits of [`super`] is kept only as too long)
//! and flat (nested lists and objects are not descended into).

use alloc::{
    string::{String, ToString},
    vec::Vec,
};
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{MAX_LIST, MAX_STRING};

/// An untrusted value, as it comes from JSON or JavaScript, before it is
/// checked against a finding or question.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Input>),
    /// A nested object: never valid as an answer, kept only to report it.
    Object,
    /// A string or list over the size limits; its content is dropped.
    TooLong,
}

impl From<bool> for Input {
    fn from(b: bool) -> Input {
        Input::Bool(b)
    }
}
impl From<i32> for Input {
    fn from(n: i32) -> Input {
        Input::Number(n as f64)
    }
}
impl From<f64> for Input {
    fn from(n: f64) -> Input {
        Input::Number(n)
    }
}
impl From<&str> for Input {
    fn from(s: &str) -> Input {
        Input::Text(s.to_string())
    }
}
impl<T: Into<Input>> From<Vec<T>> for Input {
    fn from(v: Vec<T>) -> Input {
        Input::List(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<Input>> From<Option<T>> for Input {
    fn from(v: Option<T>) -> Input {
        v.map_or(Input::Null, Into::into)
    }
}

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Input, D::Error> {
        d.deserialize_any(InputVisitor { depth: 0 })
    }
}

struct InputVisitor {
    depth: u8,
}

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an answer value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Input, E> {
        Ok(Input::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Input, E> {
        Ok(Input::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Input, E> {
        Ok(Input::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Input, E> {
        Ok(Input::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Input, E> {
        if s.len() > MAX_STRING {
            Ok(Input::TooLong)
        } else {
            Ok(Input::Text(s.to_string()))
        }
    }
    fn visit_none<E>(self) -> Result<Input, E> {
        Ok(Input::Null)
    }
    fn visit_unit<E>(self) -> Result<Input, E> {
        Ok(Input::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Input, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
        let mut items = Vec::new();
        let mut too_long = false;
        // Nested lists are never valid answers: read them flat, without recursion.
        while let Some(item) = if self.depth > 0 || too_long {
            seq.next_element::<IgnoredAny>()?.map(|_| Input::Object)
        } else {
            seq.next_element_seed(ElementSeed)?
        } {
            if items.len() >= MAX_LIST {
                too_long = true;
            } else {
                items.push(item);
            }
        }
        Ok(if too_long {
            Input::TooLong
        } else {
            Input::List(items)
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Input::Object)
    }
}

/// Reads one list element; nested lists and objects are not descended into.
struct ElementSeed;

impl<'de> de::DeserializeSeed<'de> for ElementSeed {
    type Value = Input;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Input, D::Error> {
        d.deserialize_any(InputVisitor { depth: 1 })
    }
}
