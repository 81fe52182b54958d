//! Bounded per-thread memo tables for what is derived from a cell's text alone, so checking a form again after a keystroke recomputes only what the edit changed.

use std::cell::RefCell;
use std::collections::HashMap;

/// Entries kept before a table starts over (a 5,000-row form holds ~20,000 distinct texts).
const MAX_ENTRIES: usize = 1 << 16;

/// Text → derived value. Use inside a `thread_local!`.
pub struct Memo<V> {
    map: RefCell<HashMap<String, V>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            map: RefCell::new(HashMap::new()),
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
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key.to_string(), v.clone());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

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
}
