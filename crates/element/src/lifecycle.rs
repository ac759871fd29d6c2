//! The `<twitch-triage>` element, rendered by Rust into its shadow root:
//! its lifecycle (this file: the state of one element, its creation, its
//! attributes and language), `events`, `form` (reading the answers),
//! `view` (the frame of every screen), `view_question` and `view_result`.
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
    vec,
    vec::Vec,
};
use core::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Event, HtmlElement, ShadowRoot};

use crate::detail::Share;
use crate::dom::Res;
use crate::events::{on_change, on_click, on_submit};
use crate::form::form_answer;
use crate::resolve::{valid_number, DEFAULT_NUMBER};
use crate::view::render;
use twitch_triage::kb::{t, Lang, QUESTIONS};
use twitch_triage::{Input, Interview};

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

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Screen {
    Question(usize),
    Result,
}

impl Screen {
    /// The interview's next question, or the result when it has none.
    pub(crate) fn next(interview: &Interview) -> Screen {
        interview
            .next_index()
            .map_or(Screen::Result, Screen::Question)
    }
}

pub(crate) type Callback = Closure<dyn FnMut(JsValue)>;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CopyState {
    Idle,
    Done,
    Failed,
}

pub(crate) struct State {
    pub(crate) host: HtmlElement,
    pub(crate) root: ShadowRoot,
    pub(crate) interview: Interview,
    pub(crate) screen: Screen,
    /// The current question was submitted without a valid answer.
    pub(crate) error: bool,
    /// What was in the number field when the form was last read ("Continue"
    /// or a host's attribute change): shown again with the error, or when
    /// there is no answer to show, so the person can correct it rather than
    /// type it again.
    pub(crate) typed: String,
    /// The last answer given to each question, to show it again after "Back"
    /// (or left on its form when a host's attribute change rebuilt the screen).
    pub(crate) last: Vec<Option<Input>>,
    pub(crate) number: String,
    /// Where the number came from, when the host set none: the note shown
    /// under it (the region of a language tag, or 112 and "use your local
    /// number"); `None` for a number the host set.
    pub(crate) number_note: Option<twitch_triage::kb::TextId>,
    /// What the host page receives with the completion event (and is told
    /// on every screen, SAFETY H20): see [`Share`].
    pub(crate) share: Share,
    pub(crate) started: bool,
    pub(crate) copy: CopyState,
    /// The clipboard promise's callbacks (done, failed), kept alive until called.
    pub(crate) pending: Option<(Callback, Callback)>,
    /// `element.js`'s `fhirFile(lang, answers)`: makes the FHIR file on the
    /// device and saves it (the export's own module is loaded only then).
    pub(crate) export: JsValue,
    /// The last "Download for your doctor" failed (the file could not be
    /// made here): said under the buttons.
    pub(crate) download_failed: bool,
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
        let interview = Interview::new(shown_lang(&host));
        let first = Screen::next(&interview);
        let mut first_state = State {
            host,
            root: root.clone(),
            interview,
            screen: first,
            error: false,
            typed: String::new(),
            last: vec![None; QUESTIONS.len()],
            number: DEFAULT_NUMBER.into(),
            number_note: Some(t::EMERGENCY_NOTE),
            share: Share::Nothing,
            started: false,
            copy: CopyState::Idle,
            pending: None,
            export,
            download_failed: false,
            pending_download: None,
        };
        // The first screen is rendered before any listener can run.
        read_attributes(&mut first_state);
        render(&mut first_state, false)?;
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
        if let Screen::Question(q) = s.screen {
            s.last[q] = form_answer(&mut s, q)?;
        }
        read_attributes(&mut s);
        render(&mut s, false)?;
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
    s.interview.set_lang(shown_lang(&s.host));
    // The host's number; else the one for the region of a language tag
    // (kb/emergency_numbers.toml); else 112. Each default says where it
    // came from, under the number.
    let set = s
        .host
        .get_attribute("emergency-number")
        .map(|n| n.trim().to_string())
        .filter(|n| valid_number(n));
    (s.number, s.number_note) = match set {
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
    s.share = if s.host.has_attribute("share-answers")
        || s.host.get_attribute("shadow-root").as_deref() == Some("open")
    {
        Share::Answers
    } else if s.host.has_attribute("share-result") {
        Share::Result
    } else {
        Share::Nothing
    };
}
