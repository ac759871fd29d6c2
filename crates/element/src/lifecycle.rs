//! The `<twitch-triage>` element, rendered by Rust into its shadow root:
//! its lifecycle (this file: the state of one element, its creation, its
//! attributes and language, rendering a screen into the DOM), `events`,
//! `form` (reading the answers), `model` (what a screen shows), `view`
//! (the frame of every screen), `view_question` and `view_result`.
//!
//! `js/element.js` defines the custom element (wasm-bindgen cannot subclass
//! `HTMLElement`), attaches the shadow root and forwards lifecycle calls to a
//! [`TwitchTriage`]. Everything else is here: one question per screen (GOV.UK
//! question pages: the question is the heading, a back link, "Continue", an
//! error summary, focus moved to the new heading), the result screen, the
//! events, copy and print. The element only renders: every decision comes
//! from the core (`Interview`, `classify`).
//!
//! Rendering builds DOM nodes (no `innerHTML`); styles come from one
//! constructable stylesheet (no inline styles), so the element works under
//! a strict Content Security Policy and Trusted Types. It makes no network
//! request and uses no storage.

use alloc::{
    rc::Rc,
    string::{String, ToString},
    vec::Vec,
};
use core::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Event, HtmlElement, ShadowRoot};

use crate::detail::Share;
use crate::dom::{focus, Res};
use crate::events::{on_change, on_click, on_submit};
use crate::form::form_answer;
use crate::model::{Model, Screen};
use crate::resolve::{valid_number, DEFAULT_NUMBER};
use crate::view::plan;
use twitch_triage::kb::{t, Lang};

/// `style.css`, minified by the build script.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// One stylesheet shared by every element of the page.
static SHEET: twitch_triage::OneThread<Cell<Option<CssStyleSheet>>> =
    twitch_triage::OneThread(Cell::new(None));

fn sheet() -> Res<CssStyleSheet> {
    SHEET.with(|s| {
        let sheet = match s.take() {
            Some(sheet) => sheet,
            None => {
                let sheet = CssStyleSheet::new()?;
                sheet.replace_sync(CSS)?;
                sheet
            }
        };
        s.set(Some(sheet.clone()));
        Ok(sheet)
    })
}

pub(crate) type Callback = Closure<dyn FnMut(JsValue)>;

/// One element: what its screen shows (the [`Model`]) and its DOM.
pub(crate) struct State {
    pub(crate) host: HtmlElement,
    pub(crate) root: ShadowRoot,
    pub(crate) model: Model,
    /// The host page was told the interview started (at the first answer).
    pub(crate) started: bool,
    /// The clipboard promise's callbacks (done, failed), kept alive until called.
    pub(crate) pending: Option<(Callback, Callback)>,
    /// `element.js`'s `fhirFile(lang, answers)`: makes the FHIR file on the
    /// device and saves it (the export's own module is loaded only then).
    pub(crate) export: JsValue,
    /// The download promise's callbacks (done, failed), kept alive until called.
    pub(crate) pending_download: Option<(Callback, Callback)>,
}

/// One `<twitch-triage>` element's state and rendering (in JavaScript, the
/// class `TwitchTriage` that `js/element.js` makes for each element).
#[wasm_bindgen]
pub struct TwitchTriage {
    state: Rc<RefCell<State>>,
    _listeners: Vec<Closure<dyn FnMut(Event)>>,
}

#[wasm_bindgen]
impl TwitchTriage {
    /// Takes over `root` (the host's shadow root, whose one element, made by
    /// `js/element.js`, it renders into) and shows the first question;
    /// `export` is `element.js`'s `fhirFile` (see [`State::export`]).
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        root: ShadowRoot,
        export: JsValue,
    ) -> Result<TwitchTriage, JsValue> {
        let sheet: JsValue = sheet()?.into();
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let mut first_state = State {
            model: Model::new(shown_lang(&host)),
            host,
            root: root.clone(),
            started: false,
            pending: None,
            export,
            pending_download: None,
        };
        // The first screen is rendered before any listener can run.
        read_attributes(&mut first_state);
        render(&first_state, false)?;
        let state = Rc::new(RefCell::new(first_state));
        let mut listeners = Vec::new();
        for (name, handler) in [
            (
                "submit",
                on_submit as fn(&Rc<RefCell<State>>, &Event) -> Res,
            ),
            ("click", on_click),
            ("change", on_change),
        ] {
            let st = state.clone();
            let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                // A handler that fails leaves the last good screen in place.
                let _ = handler(&st, &e);
            });
            root.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())?;
            listeners.push(closure);
        }
        Ok(TwitchTriage {
            state,
            _listeners: listeners,
        })
    }

    /// An observed attribute changed: `lang`, `emergency-number` or
    /// `share-answers`. The current screen is shown again; no answer is lost.
    /// False when the element is busy (a host's listener of its own events
    /// changed the attribute): `js/element.js` then calls again once the
    /// element is done.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self) -> Result<bool, JsValue> {
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return Ok(false);
        };
        // What is on the form, ticked, unticked or typed but not yet sent,
        // survives the new screen (a host's language switch mid-question, say);
        // a typed text that is not a valid answer stays in the field.
        if let Screen::Question(q) = s.model.screen {
            s.model.last[q] = form_answer(&mut s, q)?;
        }
        read_attributes(&mut s);
        render(&s, false)?;
        Ok(true)
    }
}

/// Installs a language pack fetched by `js/element.js`; false if it is not
/// one for this build.
#[wasm_bindgen(js_name = installTexts)]
pub fn install_texts(pack: &str) -> bool {
    twitch_triage::kb::install_texts(pack).is_ok()
}

/// The language `host` should be shown in (see [`resolve_lang`]), so that
/// `js/element.js` can fetch its texts first: its place in [`Lang::ALL`]
/// (en, es, zh-Hant), which `js/element.js` names. A number rather than
/// the code: returning a string cost the element about 0.1 KB gzip of
/// wasm and glue.
#[wasm_bindgen(js_name = languageFor)]
pub fn language_for(host: &HtmlElement) -> u8 {
    resolve_lang(host) as u8
}

/// The language to render in: the wanted one when its texts are installed,
/// else English, else one that is (the element starts only once a pack is
/// installed, so it never renders without texts, even when the wanted
/// language's pack and English's both failed to load).
pub(crate) fn shown_lang(host: &HtmlElement) -> Lang {
    let wanted = resolve_lang(host);
    if twitch_triage::kb::has_texts(wanted) {
        return wanted;
    }
    // Lang::ALL begins with English.
    Lang::ALL
        .into_iter()
        .find(|&l| twitch_triage::kb::has_texts(l))
        .unwrap_or(wanted)
}

/// The element's language: its `lang` attribute, else the nearest `lang` of
/// the page, else the browser's languages, else English.
pub(crate) fn resolve_lang(host: &HtmlElement) -> Lang {
    lang_tags(host)
        .iter()
        .find_map(|t| Lang::from_tag(t))
        .unwrap_or(Lang::En)
}

/// The language tags, in the order the language is chosen: the element's
/// `lang`, the nearest `lang` of the page, the browser's languages. The
/// default emergency number follows the first of them that names a region.
pub(crate) fn lang_tags(host: &HtmlElement) -> Vec<String> {
    let mut tags: Vec<String> = host.get_attribute("lang").into_iter().collect();
    tags.extend(
        host.parent_element()
            .and_then(|p| p.closest("[lang]").ok().flatten())
            .and_then(|e| e.get_attribute("lang")),
    );
    if let Some(w) = window_of(host) {
        tags.extend(
            w.navigator()
                .languages()
                .iter()
                .filter_map(|t| t.as_string()),
        );
    }
    tags
}

/// The host's window, through its document. (Not `web_sys::window()`: that
/// looks the global object up four ways, which costs about 1 KB of
/// WebAssembly and glue.)
pub(crate) fn window_of(host: &HtmlElement) -> Option<web_sys::Window> {
    host.owner_document()?.default_view()
}

pub(crate) fn read_attributes(s: &mut State) {
    let m = &mut s.model;
    m.interview.set_lang(shown_lang(&s.host));
    // The host's number; else the one for the region of a language tag
    // (kb/emergency_numbers.toml); else 112. Each default says where it
    // came from, under the number.
    let set = s
        .host
        .get_attribute("emergency-number")
        .map(|n| n.trim().to_string())
        .filter(|n| valid_number(n));
    (m.number, m.number_note) = match set {
        Some(n) => (n, None),
        None => match lang_tags(&s.host)
            .iter()
            .find_map(|t| twitch_triage::kb::emergency_number_for(t))
        {
            Some(n) => (n.into(), Some(t::EMERGENCY_NOTE_REGION)),
            None => (DEFAULT_NUMBER.into(), Some(t::EMERGENCY_NOTE)),
        },
    };
    // shadow-root="open": js/element.js gave the host page a shadow root its
    // scripts can read (only when the element is first connected).
    m.share = if s.host.has_attribute("share-answers")
        || s.host.get_attribute("shadow-root").as_deref() == Some("open")
    {
        Share::Answers
    } else if s.host.has_attribute("share-result") {
        Share::Result
    } else {
        Share::Nothing
    };
}

/// Shows `s`'s screen (`view::plan`) in the shadow root, and with
/// `move_focus` moves focus to its `data-focus` element.
pub(crate) fn render(s: &State, move_focus: bool) -> Res {
    let today = match s.model.screen {
        Screen::Result => today(s.model.interview.lang()),
        Screen::Question(_) => String::new(),
    };
    let p = plan(&s.model, &today);
    let doc = s.root.owner_document().ok_or(JsValue::NULL)?;
    let fragment = doc.create_document_fragment();
    p.build(&doc, &fragment)?;
    // Into the shadow root's one element, made by js/element.js and never
    // replaced: it carries the session-replay tools' "record nothing
    // inside" markers (SAFETY H18).
    s.root
        .first_element_child()
        .ok_or(JsValue::NULL)?
        .replace_children_with_node_1(&fragment);
    if move_focus {
        if let Some(target) = s.root.query_selector("[data-focus]")? {
            focus(&target);
        }
    }
    Ok(())
}

/// The device's date, written `lang`'s way, long, so never ambiguous (12/6
/// is 6 December in one country and 12 June in another): the printed
/// summary's head.
fn today(lang: Lang) -> String {
    let style = js_sys::JSON::parse(r#"{"dateStyle":"long"}"#).unwrap_or_default();
    js_sys::Date::new_0()
        .to_locale_date_string(lang.code(), &style)
        .into()
}
