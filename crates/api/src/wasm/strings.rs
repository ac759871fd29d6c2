//! JavaScript strings for `&'static str`s, made once: every string in a
//! result (ids, names, advice) is static, and decoding each afresh on every
//! call was a third of `classify`'s cost (see BENCHMARKS.md). A small
//! open-addressing table keyed by address; when it is full, strings are
//! simply made anew.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

const SLOTS: usize = 2048;

thread_local! {
    static CACHE: RefCell<Vec<Option<(usize, usize, JsValue)>>> = RefCell::new(vec![None; SLOTS]);
}

pub fn js(s: &'static str) -> JsValue {
    let (ptr, len) = (s.as_ptr() as usize, s.len());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let mut i = (ptr >> 2).wrapping_mul(0x9e37_79b9) % SLOTS;
        for _ in 0..16 {
            match &c[i] {
                Some((p, l, v)) if *p == ptr && *l == len => return v.clone(),
                Some(_) => i = (i + 1) % SLOTS,
                None => {
                    let v = JsValue::from_str(s);
                    c[i] = Some((ptr, len, v.clone()));
                    return v;
                }
            }
        }
        JsValue::from_str(s)
    })
}
