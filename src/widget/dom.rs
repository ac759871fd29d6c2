//! Building DOM nodes (never `innerHTML`): every text goes in through
//! `textContent`, every attribute through `setAttribute`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

pub type Res<T = ()> = Result<T, JsValue>;

pub struct Dom {
    pub doc: Document,
}

impl Dom {
    /// A new element `tag` with `class`, appended to `parent`.
    pub fn add(&self, parent: &Element, tag: &str, class: &str) -> Res<Element> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        parent.append_child(&e)?;
        Ok(e)
    }

    /// The same, with `text` as its content.
    pub fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Res<Element> {
        let e = self.add(parent, tag, class)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    /// A `<button type="button">` that triggers `action` (see `Widget::on_click`).
    pub fn action(&self, parent: &Element, class: &str, action: &str, label: &str) -> Res<Element> {
        let b = self.text(parent, "button", class, label)?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-action", action)?;
        Ok(b)
    }
}

/// Sets several attributes.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) -> Res {
    for (k, v) in pairs {
        e.set_attribute(k, v)?;
    }
    Ok(())
}

pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}
