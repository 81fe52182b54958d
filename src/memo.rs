//! Bounded per-thread memo tables for what is derived from a cell's text alone, so checking a form again after a keystroke recomputes only what the edit changed.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with `FastHasher`: for keys taken from the form being checked.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A hash set with `FastHasher`.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// A multiply-rotate hash (the Fx hash of rustc) several times quicker than SipHash on
/// short cell texts. It does not resist chosen collisions; a form built to collide only
/// slows its own check (tables here are bounded), nothing else shares them.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w.iter_mut().zip(rest).for_each(|(d, s)| *d = *s);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Entries kept before a table starts over (a 5,000-row form holds ~20,000 distinct texts).
const MAX_ENTRIES: usize = 1 << 16;
/// Key bytes kept before a table starts over: a few pastes of 1 MB cells would otherwise
/// keep their copies for as long as the page is open.
const MAX_KEY_BYTES: usize = 16 << 20;

/// Text → derived value. Use inside a `thread_local!`.
pub struct Memo<V> {
    map: RefCell<FastMap<String, V>>,
    /// The key of a `get_or_joined` lookup, built here instead of in a new String.
    scratch: RefCell<String>,
    /// The bytes of the keys in `map`.
    key_bytes: std::cell::Cell<usize>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            map: RefCell::new(FastMap::default()),
            scratch: RefCell::new(String::new()),
            key_bytes: std::cell::Cell::new(0),
        }
    }
}

impl<V> Memo<V> {
    /// Forgets every entry: for a table whose values depend on more than the key (a
    /// profile's phrase list) when that changes.
    pub fn clear(&self) {
        if let Ok(mut map) = self.map.try_borrow_mut() {
            map.clear();
            self.key_bytes.set(0);
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The value remembered for `key`, or `make()` remembered now.
    pub fn get_or(&self, key: &str, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.map.borrow().get(key) {
            return v.clone();
        }
        let v = make();
        let mut map = self.map.borrow_mut();
        let bytes = self.key_bytes.get().saturating_add(key.len());
        if map.len() >= MAX_ENTRIES || bytes > MAX_KEY_BYTES {
            map.clear();
            self.key_bytes.set(key.len());
        } else {
            self.key_bytes.set(bytes);
        }
        map.insert(key.to_string(), v.clone());
        v
    }

    /// `get_or` keyed by two texts together ("3:ab" + "c" for "ab", "c": the length keeps
    /// "ab", "c" apart from "a", "bc").
    pub fn get_or_joined(&self, a: &str, b: &str, make: impl FnOnce() -> V) -> V {
        self.get_or_built(
            |key| {
                push_len(key, a);
                key.push_str(b);
            },
            make,
        )
    }

    /// `get_or` keyed by what `build` writes into an empty string (kept between lookups, so
    /// a key of many parts costs no allocation).
    pub fn get_or_built(&self, build: impl FnOnce(&mut String), make: impl FnOnce() -> V) -> V {
        match self.scratch.try_borrow_mut() {
            Ok(mut key) => {
                key.clear();
                build(&mut key);
                self.get_or(&key, make)
            }
            // Only if `make` itself looks up a built key in this table.
            Err(_) => {
                let mut key = String::new();
                build(&mut key);
                self.get_or(&key, make)
            }
        }
    }
}

/// Appends `part` to a key of several parts as "len:part", so that no two lists of parts
/// spell the same key.
pub fn push_len(key: &mut String, part: &str) {
    push_decimal(key, part.len());
    key.push(':');
    key.push_str(part);
}

/// Appends `n` in decimal: a joined key is built on every lookup, and `write!` went through
/// the formatting machinery each time.
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &d in digits.get(i..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// Something derived from the value that holds it, worked out on first use: skipped by
/// serde, cloned with its holder, and never part of its holder's equality.
#[derive(Debug, Clone)]
pub struct Derived<T>(std::sync::OnceLock<T>);

impl<T> Default for Derived<T> {
    fn default() -> Self {
        Derived(std::sync::OnceLock::new())
    }
}

impl<T> Derived<T> {
    pub fn get_or_init(&self, make: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(make)
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn decimals_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("k");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("k{n}"));
        }
    }

    #[test]
    fn computes_once_per_key() {
        let memo: Memo<usize> = Memo::default();
        let calls = Cell::new(0);
        let make = |n: usize| {
            calls.set(calls.get() + 1);
            n
        };
        assert_eq!(memo.get_or("a", || make(1)), 1);
        assert_eq!(memo.get_or("a", || make(2)), 1);
        assert_eq!(memo.get_or("b", || make(3)), 3);
        assert_eq!(calls.get(), 2);
        assert_eq!(memo.get_or_joined("ab", "c", || make(4)), 4);
        assert_eq!(memo.get_or_joined("a", "bc", || make(5)), 5);
        assert_eq!(memo.get_or_joined("ab", "c", || make(6)), 4);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn starts_over_when_full() {
        let memo: Memo<usize> = Memo::default();
        for i in 0..MAX_ENTRIES + 10 {
            memo.get_or(&i.to_string(), || i);
        }
        assert!(memo.map.borrow().len() <= MAX_ENTRIES);
        assert_eq!(memo.get_or("0", || 7), 7);
    }

    #[test]
    fn starts_over_when_its_keys_grow_too_large() {
        let memo: Memo<usize> = Memo::default();
        let big = "字".repeat(MAX_KEY_BYTES / 3 / 4 + 1);
        for i in 0..5 {
            memo.get_or(&format!("{i}{big}"), || i);
        }
        assert!(memo.key_bytes.get() <= MAX_KEY_BYTES);
        assert!(memo.map.borrow().len() < 5);
        assert_eq!(memo.get_or(&format!("4{big}"), || 9), 4);
        memo.clear();
        assert_eq!(memo.get_or(&format!("4{big}"), || 9), 9);
    }
}
