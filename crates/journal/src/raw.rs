//! A line's JSON object as read, before its fields are checked: keys in their order, with strings
//! borrowed from the line where possible and nested lists and objects kept in the same form, so
//! parsing allocates little. Only what ends up as an unknown field becomes a `serde_json::Value`.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

/// One JSON value as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw<'a> {
    Str(Cow<'a, str>),
    Bool(bool),
    Num(Number),
    Null,
    Array(Vec<Raw<'a>>),
    Object(RawObject<'a>),
    /// A value a field reader has already taken out of its object.
    Taken,
}

impl Raw<'_> {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Raw::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Raw::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Raw::Num(n) => n.as_f64(),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Raw<'_>]> {
        match self {
            Raw::Array(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn into_value(self) -> Value {
        match self {
            Raw::Str(s) => Value::String(s.into_owned()),
            Raw::Bool(b) => Value::Bool(b),
            Raw::Num(n) => Value::Number(n),
            Raw::Null | Raw::Taken => Value::Null,
            Raw::Array(items) => Value::Array(items.into_iter().map(Raw::into_value).collect()),
            Raw::Object(object) => Value::Object(object.into_map()),
        }
    }

    pub(crate) fn to_value(&self) -> Value {
        self.clone().into_value()
    }
}

/// A JSON object's entries in their order (a later duplicate key replaces the earlier value).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct RawObject<'a>(pub(crate) Vec<(Cow<'a, str>, Raw<'a>)>);

impl<'a> RawObject<'a> {
    /// Takes the value of a key out, leaving `Raw::Taken` in its place.
    pub(crate) fn take(&mut self, key: &str) -> Option<Raw<'a>> {
        let (_, value) = self.0.iter_mut().find(|(k, v)| k == key && !matches!(v, Raw::Taken))?;
        Some(std::mem::replace(value, Raw::Taken))
    }

    /// Whether the object has the key (and it was not taken).
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.0.iter().any(|(k, v)| k == key && !matches!(v, Raw::Taken))
    }

    /// The entries not taken, as a JSON map in their order.
    pub(crate) fn into_map(self) -> Map<String, Value> {
        self.0
            .into_iter()
            .filter(|(_, value)| !matches!(value, Raw::Taken))
            .map(|(key, value)| (key.into_owned(), value.into_value()))
            .collect()
    }
}

impl<'de> Deserialize<'de> for Raw<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Owned(v)))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw<'de>, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw<'de>, E> {
        Ok(Raw::Num(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw<'de>, E> {
        Ok(Raw::Num(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw<'de>, E> {
        Number::from_f64(v).map(Raw::Num).ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_unit<E>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4));
        while let Some(item) = seq.next_element::<Raw<'de>>()? {
            items.push(item);
        }
        Ok(Raw::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Raw<'de>, A::Error> {
        read_object(map).map(Raw::Object)
    }
}

/// An object's entries; a later duplicate key replaces the earlier value where it stood.
fn read_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<RawObject<'de>, A::Error> {
    let mut entries: Vec<(Cow<'de, str>, Raw<'de>)> = Vec::with_capacity(map.size_hint().unwrap_or(12));
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        let value = map.next_value::<Raw<'de>>()?;
        match entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => entries.push((key, value)),
        }
    }
    Ok(RawObject(entries))
}

/// An object key, borrowed from the line when it has no escapes (serde's own `Cow` always copies).
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads a line as a JSON object; anything else is `Err` with the value found, for the message.
pub(crate) enum TopLevel<'a> {
    Object(RawObject<'a>),
    NotAnObject(Value),
}

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TopLevel<'de>, A::Error> {
        read_object(map).map(TopLevel::Object)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<TopLevel<'de>, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(TopLevel::NotAnObject)
    }
    fn visit_str<E>(self, v: &str) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(Value::String(v.to_owned())))
    }
    fn visit_bool<E>(self, v: bool) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(v.into()))
    }
    fn visit_unit<E>(self) -> Result<TopLevel<'de>, E> {
        Ok(TopLevel::NotAnObject(Value::Null))
    }
}
