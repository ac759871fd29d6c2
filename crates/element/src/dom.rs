//! Building DOM nodes (never `innerHTML`): a screen is first described as a
//! flat list of steps ([`Plan`]), then one loop ([`Plan::build`]) turns it
//! into elements with `createElement`, `setAttribute` and `textContent`.
//! Keeping every web-sys call in that one loop keeps the WebAssembly module
//! small: a screen's code only pushes plain values. The plan is plain data,
//! so it compiles natively too: the snapshot tests read its steps
//! ([`Plan::ops`]); only [`Plan::build`] and [`focus`] touch the DOM.

use alloc::{borrow::Cow, vec::Vec};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};
#[cfg(target_arch = "wasm32")]
use web_sys::{Document, Element, HtmlElement, Node};

#[cfg(target_arch = "wasm32")]
pub type Res<T = ()> = Result<T, JsValue>;

pub type Str = Cow<'static, str>;

/// One step of a [`Plan`].
pub enum Op {
    /// A new child element (tag, class) of the current one, which it becomes.
    Open(&'static str, &'static str),
    Attr(&'static str, Str),
    Text(Str),
    /// Back to the parent.
    Close,
}

#[derive(Default)]
pub struct Plan {
    ops: Vec<Op>,
}

impl Plan {
    pub fn open(&mut self, tag: &'static str, class: &'static str) -> &mut Self {
        self.ops.push(Op::Open(tag, class));
        self
    }
    pub fn attr(&mut self, name: &'static str, value: impl Into<Str>) -> &mut Self {
        self.ops.push(Op::Attr(name, value.into()));
        self
    }
    pub fn text(&mut self, text: impl Into<Str>) -> &mut Self {
        self.ops.push(Op::Text(text.into()));
        self
    }
    pub fn close(&mut self) -> &mut Self {
        self.ops.push(Op::Close);
        self
    }
    /// A complete element with only text in it.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        class: &'static str,
        text: impl Into<Str>,
    ) -> &mut Self {
        self.open(tag, class).text(text).close()
    }
    /// A `<button type="button">` that triggers `action` (see `on_click`).
    pub fn action(
        &mut self,
        class: &'static str,
        action: &'static str,
        label: impl Into<Str>,
    ) -> &mut Self {
        self.open("button", class)
            .attr("type", "button")
            .attr("data-action", action)
            .text(label)
            .close()
    }

    /// The steps, in order.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Creates the elements under `parent`.
    #[cfg(target_arch = "wasm32")]
    pub fn build(&self, doc: &Document, parent: &Node) -> Res {
        let mut stack: Vec<Node> = alloc::vec![parent.clone()];
        for op in &self.ops {
            let Some(current) = stack.last() else { break };
            match op {
                Op::Open(tag, class) => {
                    let e = doc.create_element(tag)?;
                    if !class.is_empty() {
                        e.set_class_name(class);
                    }
                    current.append_child(&e)?;
                    stack.push(e.into());
                }
                Op::Attr(name, value) => current
                    .unchecked_ref::<Element>()
                    .set_attribute(name, value)?,
                Op::Text(text) => current.set_text_content(Some(text)),
                Op::Close => {
                    stack.pop();
                }
            }
        }
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}
