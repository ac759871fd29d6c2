//! What the element does on the person's clicks, its form's submits and
//! changes: moving between screens, telling the host page, copy and print.

use alloc::rc::Rc;
use alloc::string::String;
use core::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlInputElement,
};

use crate::detail::{answers_json, complete_detail};
use crate::dom::{focus, Res};
use crate::form::form_answer;
use crate::lifecycle::{render, window_of, Callback, State};
use crate::model::{CopyState, Screen};
use twitch_triage::kb::QUESTIONS;
use twitch_triage::summary::plain_text;
use twitch_triage::Interview;

/// While printing, the host page shows only the element that asked to print:
/// the rest is hidden, and what holds no part of it takes no room (else a
/// long page would print blank pages after the summary; where `:has()` is
/// not supported, that rule alone is dropped). Its own box starts at the
/// page's corner, without the page's margin, border or shadow.
const PRINT_PAGE_CSS: &str = "@media print{body *{visibility:hidden!important}[data-twitch-triage-printing],[data-twitch-triage-printing] *{visibility:visible!important}[data-twitch-triage-printing]{position:absolute!important;inset:0 auto auto 0!important;width:100%!important;margin:0!important;border:0!important;box-shadow:none!important}body :not(:has([data-twitch-triage-printing]),[data-twitch-triage-printing],[data-twitch-triage-printing] *){display:none!important}}";

/// "Continue": a click on the button (also what Enter in the number field
/// does), or the form's submit event. The click is handled, and its default
/// (submitting the form) prevented, so that the element also works where
/// forms cannot be submitted (an iframe sandboxed without `allow-forms`).
pub(crate) fn on_submit(st: &Rc<RefCell<State>>, e: &Event) -> Res {
    e.prevent_default();
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    let Screen::Question(q) = s.model.screen else {
        return Ok(());
    };
    match form_answer(&mut s, q)? {
        Some(input) if s.model.interview.answer(QUESTIONS[q].id, &input).is_ok() => {
            s.model.last[q] = Some(input);
            s.model.error = false;
            // The next screen first: a host's listener that throws cannot
            // swallow the Continue.
            let next = Screen::next(&s.model.interview);
            show(&mut s, next)?;
            if !s.started {
                s.started = true;
                dispatch(&s.host, "twitch-triage-start", "{}")?;
            }
            Ok(())
        }
        _ => {
            s.model.error = true;
            render(&s, true)
        }
    }
}

pub(crate) fn on_click(st: &Rc<RefCell<State>>, e: &Event) -> Res {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    let Some(button) = target.closest("[data-action]")? else {
        return Ok(());
    };
    let action = button.get_attribute("data-action").unwrap_or_default();
    if action == "continue" {
        return on_submit(st, e);
    }
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    match action.as_str() {
        "back" => {
            // From a result reached early ("see my result now"), go back to
            // the question that was waiting; otherwise take back the last answer.
            let waiting = s.model.interview.next_index();
            if !(s.model.screen == Screen::Result && waiting.is_some()) {
                s.model.interview.back();
            }
            s.model.error = false;
            let screen = Screen::next(&s.model.interview);
            show(&mut s, screen)
        }
        "result" => show(&mut s, Screen::Result),
        "restart" => {
            let lang = s.model.interview.lang();
            s.model.interview = Interview::new(lang);
            s.model.last.iter_mut().for_each(|x| *x = None);
            s.started = false;
            s.model.error = false;
            let first = Screen::next(&s.model.interview);
            show(&mut s, first)
        }
        "fix" => {
            if let Some(input) = s.root.query_selector("input")? {
                focus(&input);
            }
            Ok(())
        }
        "copy" => {
            drop(s);
            copy(st)
        }
        "print" => print(&s),
        "download" => {
            drop(s);
            download(st)
        }
        _ => Ok(()),
    }
}

/// "None of these" is exclusive: ticking it clears the others, and the reverse.
pub(crate) fn on_change(st: &Rc<RefCell<State>>, e: &Event) -> Res {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Ok(());
    };
    if input.type_() != "checkbox" || !input.checked() {
        return Ok(());
    }
    let Ok(s) = st.try_borrow() else {
        return Ok(());
    };
    // "None of these" is the last box.
    let boxes = s.root.query_selector_all("input[type=checkbox]")?;
    let last = boxes.length().saturating_sub(1);
    let none = boxes
        .get(last)
        .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        .as_ref()
        == Some(&input);
    for i in 0..boxes.length() {
        if let Some(b) = boxes
            .get(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        {
            if b != input && (none || i == last) {
                b.set_checked(false);
            }
        }
    }
    Ok(())
}

/// Moves to `screen`, telling the host page when the result is reached.
pub(crate) fn show(s: &mut State, screen: Screen) -> Res {
    s.model.screen = screen;
    s.model.copy = CopyState::Idle;
    render(s, true)?;
    if screen == Screen::Result {
        let r = s.model.interview.result();
        dispatch(
            &s.host,
            "twitch-triage-complete",
            &complete_detail(s.model.share, &r, s.model.interview.answers()),
        )?;
    }
    Ok(())
}

/// A bubbling, composed event on the host element.
pub(crate) fn dispatch(host: &HtmlElement, name: &str, detail_json: &str) -> Res {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail_json)?);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}

pub(crate) fn copy(st: &Rc<RefCell<State>>) -> Res {
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    let summary = plain_text(
        &s.model.interview,
        &s.model.interview.result(),
        &s.model.number,
    );
    let navigator = window_of(&s.host).ok_or(JsValue::NULL)?.navigator();
    // No clipboard (an insecure page, an old browser): show the text instead.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        s.model.copy = CopyState::Failed;
        return render(&s, false);
    }
    let promise = navigator.clipboard().write_text(&summary);
    s.pending = Some(settled(st, &promise, |s, ok| {
        s.model.copy = if ok {
            CopyState::Done
        } else {
            CopyState::Failed
        }
    }));
    Ok(())
}

/// Runs `then` with whether `promise` was fulfilled, once it settles, and
/// shows the screen again; returns the two callbacks, which must be kept
/// alive until then. (One function for copy and download: a `fn`, so its
/// code is in the module once.)
fn settled(
    st: &Rc<RefCell<State>>,
    promise: &js_sys::Promise,
    then: fn(&mut State, bool),
) -> (Callback, Callback) {
    let done = |ok: bool| {
        let st = st.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Ok(mut s) = st.try_borrow_mut() {
                then(&mut s, ok);
                let _ = render(&s, false);
            }
        })
    };
    let (ok, err) = (done(true), done(false));
    let _ = promise.then2(&ok, &err);
    (ok, err)
}

/// "Download for your doctor": `element.js` loads the FHIR export's own
/// module (only now), makes the file from the answers on the device and
/// saves it; nothing is sent. A failure is said under the buttons.
pub(crate) fn download(st: &Rc<RefCell<State>>) -> Res {
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    let mut answers = String::new();
    answers_json(
        &mut answers,
        s.model.interview.answers(),
        s.model.interview.not_sure(),
    );
    let lang = JsValue::from_str(s.model.interview.lang().code());
    let made = s
        .export
        .dyn_ref::<js_sys::Function>()
        .and_then(|f| f.call2(&JsValue::NULL, &lang, &answers.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = made else {
        s.model.download_failed = true;
        return render(&s, false);
    };
    s.pending_download = Some(settled(st, &promise, |s, ok| s.model.download_failed = !ok));
    Ok(())
}

/// Prints only this element's summary: the page is hidden by a temporary
/// document stylesheet, the controls by the element's own print styles.
pub(crate) fn print(s: &State) -> Res {
    let doc = s.host.owner_document().ok_or(JsValue::NULL)?;
    let window = doc.default_view().ok_or(JsValue::NULL)?;
    let page = CssStyleSheet::new()?;
    page.replace_sync(PRINT_PAGE_CSS)?;
    // A copy of the page's own sheets: the array the getter returns is live
    // (an ObservableArray), and would hold the print sheet too by the time
    // it is put back, hiding the whole page from the browser's own print.
    let live = doc.adopted_style_sheets();
    let before = live.slice(0, live.length());
    let during = live.slice(0, live.length());
    during.push(&page);
    doc.set_adopted_style_sheets(&during);
    s.host.set_attribute("data-twitch-triage-printing", "")?;
    let printed = window.print();
    doc.set_adopted_style_sheets(&before);
    s.host.remove_attribute("data-twitch-triage-printing")?;
    printed
}
