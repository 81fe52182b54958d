//! JSON read by hand: a small parser into a [`Value`] tree, and typed values read from it
//! (profiles, forms a portal passes, the page's options) with errors that name where they
//! are: `tree.level1[0].level2[1]: unknown field "nam"`.
//!
//! Derived serde readers compile a large generic reader per type (~110 KB of the page's
//! module for the profile and the form model), and `serde_json::Value` a deserializer and a
//! B-tree map; the page reads a built-in profile before its first findings, and every
//! function it calls is compiled then. These few functions are shared by all. Writing
//! JSON (reports) stays with serde.

use rust_decimal::Decimal;
use std::fmt::Display;

pub type Result<T> = std::result::Result<T, String>;

/// A parsed JSON value. Numbers are kept as written, to be read exactly when asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON object: its members ordered by key, each key once (the last written wins, as in
/// `serde_json`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// Members as written: ordered by key, the last of a repeated key kept. Sorted once
    /// (stable, so repeats stay in the order written), not inserted one by one: a hostile
    /// object of a million keys in no order would take a million moves per key. (The sort
    /// is 5.8 KB of the page's module; an unstable one by key and place, 7.1 KB.)
    fn of(mut members: Vec<(String, Value)>) -> Map {
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for (k, v) in members {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Map(out)
    }

    fn find(&self, key: &str) -> std::result::Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }

    /// Sets `key`, replacing what it held.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.find(&key) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number written as a whole number that fits in a u64 ("3"; not "3.0", "-1", "1e2").
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Nesting deeper than this is refused, not recursed into (as `serde_json` does).
const MAX_DEPTH: u32 = 128;

/// Parses JSON text (RFC 8259). The error says what is wrong and where (line, column).
pub fn parse(text: &str) -> Result<Value> {
    let mut p = Parser {
        text,
        at: 0,
        depth: 0,
    };
    p.space();
    let v = p.value()?;
    p.space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn error(&self, what: &str) -> String {
        let before = self.text.as_bytes().get(..self.at).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        // 1-based, at the byte that is wrong; 0 at the end of an empty line (as serde_json).
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count()
            + usize::from(self.at < self.text.len());
        format!("{what} at line {line} column {column}")
    }

    fn value(&mut self) -> Result<Value> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &str, v: Value) -> Result<Value> {
        for &b in word.as_bytes() {
            match self.peek() {
                Some(x) if x == b => self.at += 1,
                Some(_) => return Err(self.error("expected value")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(v)
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1; // the opening bracket
        self.space();
        Ok(())
    }

    fn object(&mut self) -> Result<Value> {
        self.enter()?;
        let mut members = Vec::new();
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.error("key must be a string"));
                }
                let key = self.string()?;
                self.space();
                if !self.eat(b':') {
                    return Err(self.error("expected `:`"));
                }
                self.space();
                let v = self.value()?;
                members.push((key, v));
                if self.closed(b'}', "expected `,` or `}`")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Object(Map::of(members)))
    }

    /// After an item: true at the closing bracket, false past a comma with another item to
    /// come (a comma before the bracket is refused, as is anything else).
    fn closed(&mut self, close: u8, expected: &str) -> Result<bool> {
        self.space();
        if self.eat(close) {
            return Ok(true);
        }
        if !self.eat(b',') {
            return Err(self.error(expected));
        }
        self.space();
        if self.peek() == Some(close) {
            return Err(self.error("trailing comma"));
        }
        Ok(false)
    }

    fn array(&mut self) -> Result<Value> {
        self.enter()?;
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                if self.closed(b']', "expected `,` or `]`")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn number(&mut self) -> Result<Value> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            p.at > from
        };
        self.eat(b'-');
        // No leading zeros: "0", "0.5", but not "01".
        if !self.eat(b'0') && !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.error("invalid number"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let _ = self.eat(b'+') || self.eat(b'-');
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let raw = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(raw.to_string()))
    }

    /// A string from its opening quote, escapes read.
    fn string(&mut self) -> Result<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // A run of plain characters: a quote, a backslash or a control byte ends it,
            // all ASCII, so the run is whole characters.
            let from = self.at;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            out.push_str(self.text.get(from..self.at).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                if !(0xD800..0xDC00).contains(&hi) {
                    return char::from_u32(hi)
                        .ok_or_else(|| self.error("lone trailing surrogate in hex escape"));
                }
                // A leading surrogate must be followed by a trailing one.
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                let lo = self.hex4()?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                    .ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or_default();
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(n)
            }
            _ => Err(self.error("invalid escape")),
        }
    }
}

/// Where a value sits: `at` plus a field name.
pub fn field_path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// A mistake at `at`.
pub fn error<T>(at: &str, what: impl Display) -> Result<T> {
    Err(if at.is_empty() {
        what.to_string()
    } else {
        format!("{at}: {what}")
    })
}

fn invalid_type<T>(at: &str, zh: &str, en: &str, got: &Value) -> Result<T> {
    let got = match got {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    error(at, format!("应为{zh} / invalid type: {got}, expected {en}"))
}

/// An object's fields, taken one by one; [`Fields::end`] then rejects any it did not take.
pub struct Fields<'a> {
    at: &'a str,
    map: &'a Map,
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    pub fn of(value: &'a Value, at: &'a str) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Fields {
                at,
                map,
                known: Vec::new(),
            }),
            other => invalid_type(at, "对象", "an object", other),
        }
    }

    /// The field `key`, read by `read`; null counts as absent.
    pub fn opt<T>(
        &mut self,
        key: &'static str,
        read: fn(&Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        self.known.push(key);
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v, &field_path(self.at, key)).map(Some),
        }
    }

    /// A field that must be there.
    pub fn req<T>(&mut self, key: &'static str, read: fn(&Value, &str) -> Result<T>) -> Result<T> {
        if let Some(v) = self.opt(key, read)? {
            return Ok(v);
        }
        // A misspelt name is both missing and unknown: say so, naming the misspelling.
        let typo = self
            .map
            .keys()
            .find(|k| !self.known.contains(&k.as_str()) && edit_distance(k, key) <= 2);
        match typo {
            Some(k) => error(
                self.at,
                format!("缺少字段 `{key}`，却有未知字段 `{k}` / missing field `{key}`, unknown field `{k}`"),
            ),
            None => error(self.at, format!("缺少字段 `{key}` / missing field `{key}`")),
        }
    }

    /// A field that may be left out, with `T`'s default then.
    pub fn or_default<T: Default>(
        &mut self,
        key: &'static str,
        read: fn(&Value, &str) -> Result<T>,
    ) -> Result<T> {
        Ok(self.opt(key, read)?.unwrap_or_default())
    }

    /// Rejects a field no reader took (a misspelt setting must not pass unnoticed).
    pub fn end(self) -> Result<()> {
        match self.map.keys().find(|k| !self.known.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => error(
                self.at,
                format!(
                    "未知字段 `{k}` / unknown field `{k}`, expected one of {}",
                    self.known.join(", ")
                ),
            ),
        }
    }
}

/// Characters to insert, delete or replace to turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let best = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(left + 1);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

pub fn string(v: &Value, at: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => invalid_type(at, "字符串", "a string", other),
    }
}

pub fn boolean(v: &Value, at: &str) -> Result<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => invalid_type(at, "true 或 false", "a boolean", other),
    }
}

pub fn uint(v: &Value, at: &str) -> Result<u32> {
    match v.as_u64().map(u32::try_from) {
        Some(Ok(n)) => Ok(n),
        _ => invalid_type(at, "非负整数", "an unsigned integer", v),
    }
}

/// An exact decimal written as a string ("90", "1.5"), as money and rates are kept.
pub fn decimal(v: &Value, at: &str) -> Result<Decimal> {
    let s = match v {
        Value::String(s) => s,
        other => return invalid_type(at, "数字字符串（如 \"90\"）", "a decimal string", other),
    };
    Decimal::from_str_exact(s.trim())
        .or_else(|_| error(at, format!("“{s}”不是数字 / invalid decimal \"{s}\"")))
}

pub fn list<T>(v: &Value, at: &str, read: fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &format!("{at}[{i}]")))
            .collect(),
        other => invalid_type(at, "数组", "an array", other),
    }
}

/// An object read as its entries, each value read by `read`.
pub fn map<T>(v: &Value, at: &str, read: fn(&Value, &str) -> Result<T>) -> Result<Entries<T>> {
    let Value::Object(m) = v else {
        return invalid_type(at, "对象", "an object", v);
    };
    let mut out = Vec::with_capacity(m.len());
    for (k, item) in m.iter() {
        out.push((k.clone(), read(item, &field_path(at, k))?));
    }
    Ok(Entries(out))
}

/// A JSON object's entries, each key once (in key order, as read): the few per-code
/// settings of a profile, looked up by key. A `BTreeMap` compiled some twenty functions per
/// value type into the page's module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<T> Entries<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

impl<T: serde::Serialize> serde::Serialize for Entries<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

pub fn strings(v: &Value, at: &str) -> Result<Vec<String>> {
    list(v, at, string)
}

/// An array of exactly two items.
pub fn pair<'v>(v: &'v Value, at: &str) -> Result<(&'v Value, &'v Value)> {
    match v.as_array().map(Vec::as_slice) {
        Some([a, b]) => Ok((a, b)),
        _ => invalid_type(at, "两项的数组", "an array of two", v),
    }
}

/// One of `names`' values, by its name.
pub fn one_of<T: Copy>(v: &Value, at: &str, names: &[(&str, T)]) -> Result<T> {
    let s = match v {
        Value::String(s) => s.as_str(),
        other => return invalid_type(at, "字符串", "a string", other),
    };
    match names.iter().find(|(n, _)| *n == s) {
        Some((_, t)) => Ok(*t),
        None => {
            let expected: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
            error(
                at,
                format!(
                    "未知取值 `{s}` / unknown variant `{s}`, expected one of {}",
                    expected.join(", ")
                ),
            )
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Default)]
    struct Limit {
        name: String,
        max: u32,
        strict: bool,
    }

    fn limit(v: &Value, at: &str) -> Result<Limit> {
        let mut f = Fields::of(v, at)?;
        let l = Limit {
            name: f.req("name", string)?,
            max: f.or_default("max", uint)?,
            strict: f.or_default("strict", boolean)?,
        };
        f.end()?;
        Ok(l)
    }

    #[test]
    fn reads_and_names_each_mistake() {
        let ok = |name: &str, max| {
            Ok(vec![Limit {
                name: name.into(),
                max,
                strict: false,
            }])
        };
        // (input, what is read, or the words the error holds)
        let cases: &[(&str, std::result::Result<Vec<Limit>, &str>)] = &[
            (r#"[{"name":"a","max":3}]"#, ok("a", 3)),
            (r#"[{"name":"a","max":null}]"#, ok("a", 0)),
            (r#"[{"name":"a"},{"max":1}]"#, Err("limits[1]: 缺少字段 `name` / missing field `name`")),
            (r#"[{"nmae":"a"}]"#, Err("limits[0]: 缺少字段 `name`，却有未知字段 `nmae` / missing field `name`, unknown field `nmae`")),
            (r#"[{"title":"a"}]"#, Err("limits[0]: 缺少字段 `name` / missing field `name`")),
            (r#"[{"name":"a","nam":1}]"#, Err("limits[0]: 未知字段 `nam` / unknown field `nam`, expected one of name, max, strict")),
            (r#"[{"name":"a","max":-1}]"#, Err("limits[0].max: 应为非负整数 / invalid type: number, expected an unsigned integer")),
            (r#"[{"name":"a","max":5000000000}]"#, Err("limits[0].max: 应为非负整数")),
            (r#"[{"name":1}]"#, Err("limits[0].name: 应为字符串 / invalid type: number")),
            (r#"[{"name":"a","strict":"yes"}]"#, Err("limits[0].strict: 应为true 或 false")),
            (r#"{"name":"a"}"#, Err("limits: 应为数组 / invalid type: object")),
            (r#"["a"]"#, Err("limits[0]: 应为对象 / invalid type: string")),
        ];
        for (json, want) in cases {
            let v: Value = parse(json).unwrap();
            match (list(&v, "limits", limit), want) {
                (Ok(got), Ok(w)) => assert_eq!(&got, w, "{json}"),
                (Err(e), Err(words)) => assert!(e.contains(words), "{json}: {e}"),
                (got, _) => panic!("{json}: {got:?}"),
            }
        }
    }

    #[test]
    fn decimals_names_and_pairs() {
        let v = |s: &str| -> Value { parse(s).unwrap() };
        assert_eq!(decimal(&v(r#"" 1.50""#), "x"), Ok(Decimal::new(150, 2)));
        assert!(decimal(&v("1.5"), "x")
            .unwrap_err()
            .contains("a decimal string"));
        assert!(decimal(&v(r#""ninety""#), "x")
            .unwrap_err()
            .contains("invalid decimal"));
        let names = [("linear", 1), ("steps", 2)];
        assert_eq!(one_of(&v(r#""steps""#), "kind", &names), Ok(2));
        assert_eq!(
            one_of(&v(r#""cubic""#), "kind", &names),
            Err(
                "kind: 未知取值 `cubic` / unknown variant `cubic`, expected one of linear, steps"
                    .to_string()
            )
        );
        assert!(pair(&v(r#"["a","b"]"#), "p").is_ok());
        assert!(pair(&v(r#"["a"]"#), "p")
            .unwrap_err()
            .contains("an array of two"));
        assert_eq!(field_path("", "a"), "a");
        for (a, b, d) in [
            ("name", "nam", 1),
            ("name", "nmae", 2),
            ("", "ab", 2),
            ("level2", "level1", 1),
            ("kind", "steps", 5),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
        assert_eq!(field_path("a[0]", "b"), "a[0].b");
    }
}
