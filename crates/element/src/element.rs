//! The `<twitch-triage>` element, rendered by Rust into its shadow root.
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
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlInputElement,
    ShadowRoot,
};

use crate::detail::{complete_detail, Share};
use crate::dom::{focus, Plan, Res};
use crate::resolve::{valid_number, DEFAULT_NUMBER};
use twitch_triage::findings::typed_whole_number;
use twitch_triage::kb::{
    t, text, ExplanationDef, FindingKind, Lang, Level, QuestionKind, QUESTIONS,
};
use twitch_triage::summary::{
    describe_answer, describe_reason, fill, plain_text, push_joined, with_number,
};
use twitch_triage::{Input, Interview};

/// `style.css`, minified by the build script.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));
/// While printing, the host page shows only the element that asked to print.
const PRINT_PAGE_CSS: &str = "@media print{body *{visibility:hidden!important}[data-twitch-triage-printing],[data-twitch-triage-printing] *{visibility:visible!important}[data-twitch-triage-printing]{position:absolute!important;inset:0 auto auto 0!important;width:100%!important}}";
/// "Other possibilities" lists other explanations at least this likely (and
/// only those with a reason among the answers).
const ALSO_POSSIBLE_MIN: f64 = 0.05;

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
enum Screen {
    Question(usize),
    Result,
}

impl Screen {
    /// The interview's next question, or the result when it has none.
    fn next(interview: &Interview) -> Screen {
        interview
            .next_index()
            .map_or(Screen::Result, Screen::Question)
    }
}

type Callback = Closure<dyn FnMut(JsValue)>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyState {
    Idle,
    Done,
    Failed,
}

struct State {
    host: HtmlElement,
    root: ShadowRoot,
    interview: Interview,
    screen: Screen,
    /// The current question was submitted without a valid answer.
    error: bool,
    /// What was in the number field when the form was last read ("Continue"
    /// or a host's attribute change): shown again with the error, or when
    /// there is no answer to show, so the person can correct it rather than
    /// type it again.
    typed: String,
    /// The last answer given to each question, to show it again after "Back"
    /// (or left on its form when a host's attribute change rebuilt the screen).
    last: Vec<Option<Input>>,
    number: String,
    /// Where the number came from, when the host set none: the note shown
    /// under it (the region of a language tag, or 112 and "use your local
    /// number"); `None` for a number the host set.
    number_note: Option<twitch_triage::kb::TextId>,
    /// What the host page receives with the completion event (and is told
    /// on every screen, SAFETY H20): see [`Share`].
    share: Share,
    started: bool,
    copy: CopyState,
    /// The clipboard promise's callbacks (done, failed), kept alive until called.
    pending: Option<(Callback, Callback)>,
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
    /// `js/element.js`, it renders into) and shows the first question.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot) -> Result<TwitchTriage, JsValue> {
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
fn shown_lang(host: &HtmlElement) -> Lang {
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
fn resolve_lang(host: &HtmlElement) -> Lang {
    lang_tags(host)
        .iter()
        .find_map(|t| Lang::from_tag(t))
        .unwrap_or(Lang::En)
}

/// The language tags, in the order the language is chosen: the element's
/// `lang`, the nearest `lang` of the page, the browser's languages. The
/// default emergency number follows the first of them that names a region.
fn lang_tags(host: &HtmlElement) -> Vec<String> {
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
fn window_of(host: &HtmlElement) -> Option<web_sys::Window> {
    host.owner_document()?.default_view()
}

fn read_attributes(s: &mut State) {
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

// ---------------------------------------------------------------- events

/// "Continue": a click on the button (also what Enter in the number field
/// does), or the form's submit event. The click is handled, and its default
/// (submitting the form) prevented, so that the element also works where
/// forms cannot be submitted (an iframe sandboxed without `allow-forms`).
fn on_submit(st: &Rc<RefCell<State>>, e: &Event) -> Res {
    e.prevent_default();
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    let Screen::Question(q) = s.screen else {
        return Ok(());
    };
    match form_answer(&mut s, q)? {
        Some(input) if s.interview.answer(QUESTIONS[q].id, &input).is_ok() => {
            s.last[q] = Some(input);
            s.error = false;
            // The next screen first: a host's listener that throws cannot
            // swallow the Continue.
            let next = Screen::next(&s.interview);
            show(&mut s, next)?;
            if !s.started {
                s.started = true;
                dispatch(&s.host, "twitch-triage-start", "{}")?;
            }
            Ok(())
        }
        _ => {
            s.error = true;
            render(&mut s, true)
        }
    }
}

fn on_click(st: &Rc<RefCell<State>>, e: &Event) -> Res {
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
            let waiting = s.interview.next_index();
            if !(s.screen == Screen::Result && waiting.is_some()) {
                s.interview.back();
            }
            s.error = false;
            let screen = Screen::next(&s.interview);
            show(&mut s, screen)
        }
        "result" => show(&mut s, Screen::Result),
        "restart" => {
            let lang = s.interview.lang();
            s.interview = Interview::new(lang);
            s.last.iter_mut().for_each(|x| *x = None);
            s.started = false;
            s.error = false;
            let first = Screen::next(&s.interview);
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
        _ => Ok(()),
    }
}

/// "None of these" is exclusive: ticking it clears the others, and the reverse.
fn on_change(st: &Rc<RefCell<State>>, e: &Event) -> Res {
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
fn show(s: &mut State, screen: Screen) -> Res {
    s.screen = screen;
    s.copy = CopyState::Idle;
    render(s, true)?;
    if screen == Screen::Result {
        let r = s.interview.result();
        dispatch(
            &s.host,
            "twitch-triage-complete",
            &complete_detail(s.share, &r, s.interview.answers()),
        )?;
    }
    Ok(())
}

/// A bubbling, composed event on the host element.
fn dispatch(host: &HtmlElement, name: &str, detail_json: &str) -> Res {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail_json)?);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}

fn copy(st: &Rc<RefCell<State>>) -> Res {
    let Ok(mut s) = st.try_borrow_mut() else {
        return Ok(());
    };
    let summary = plain_text(&s.interview, &s.interview.result(), &s.number);
    let navigator = window_of(&s.host).ok_or(JsValue::NULL)?.navigator();
    // No clipboard (an insecure page, an old browser): show the text instead.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        s.copy = CopyState::Failed;
        return render(&mut s, false);
    }
    let promise = navigator.clipboard().write_text(&summary);
    let done = |ok: bool| {
        let st = st.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Ok(mut s) = st.try_borrow_mut() {
                s.copy = if ok {
                    CopyState::Done
                } else {
                    CopyState::Failed
                };
                let _ = render(&mut s, false);
            }
        })
    };
    let (ok, err) = (done(true), done(false));
    let _ = promise.then2(&ok, &err);
    s.pending = Some((ok, err));
    Ok(())
}

/// Prints only this element's summary: the page is hidden by a temporary
/// document stylesheet, the controls by the element's own print styles.
fn print(s: &State) -> Res {
    let doc = s.host.owner_document().ok_or(JsValue::NULL)?;
    let window = doc.default_view().ok_or(JsValue::NULL)?;
    let page = CssStyleSheet::new()?;
    page.replace_sync(PRINT_PAGE_CSS)?;
    let before = doc.adopted_style_sheets();
    let during = before.slice(0, before.length());
    during.push(&page);
    doc.set_adopted_style_sheets(&during);
    s.host.set_attribute("data-twitch-triage-printing", "")?;
    let printed = window.print();
    doc.set_adopted_style_sheets(&before);
    s.host.remove_attribute("data-twitch-triage-printing")?;
    printed
}

// ---------------------------------------------------------------- reading answers

/// The text in the question's number field ("" when the question has none).
fn field_text(root: &ShadowRoot) -> Res<String> {
    Ok(root
        .query_selector("input.number")?
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default())
}

/// The answer on question `q`'s form (see [`read_answer`]), keeping the
/// number field's text in `s.typed`.
fn form_answer(s: &mut State, q: usize) -> Res<Option<Input>> {
    s.typed = field_text(&s.root)?;
    read_answer(&s.root, q, &s.typed, s.interview.lang())
}

/// The answer on the form, or `None` when nothing valid was given
/// (`typed`: the number field's text, see [`field_text`]).
fn read_answer(root: &ShadowRoot, q: usize, typed: &str, lang: Lang) -> Res<Option<Input>> {
    let def = &QUESTIONS[q];
    // The ticked options' answers, from their places (see `option`); "none"
    // for "None of these". A place that is not one is left out.
    let items = choices(q, lang);
    let multiple = matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist);
    let checked = |sel: &str| -> Res<Vec<String>> {
        let list = root.query_selector_all(sel)?;
        Ok((0..list.length())
            .filter_map(|i| {
                list.get(i)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            })
            .filter_map(|i| {
                let place = typed_whole_number(&i.value())? as usize;
                match items.get(place) {
                    Some(c) => Some(c.0),
                    None if multiple && place == items.len() => Some("none"),
                    None => None,
                }
                .map(String::from)
            })
            .collect())
    };
    Ok(match def.kind {
        QuestionKind::Number => {
            let max = match def.finding.map(|f| f.def().kind) {
                Some(FindingKind::Int { max, .. }) => max as u32,
                _ => 0,
            };
            typed_whole_number(typed)
                .filter(|n| *n <= max)
                .map(|n| Input::Number(n as f64))
        }
        QuestionKind::One | QuestionKind::YesNo => checked("input[type=radio]:checked")?
            .first()
            .map(|v| match v.as_str() {
                "?" => Input::Null,
                "yes" => Input::Bool(true),
                "no" => Input::Bool(false),
                other => Input::Text(other.to_string()),
            }),
        QuestionKind::Many | QuestionKind::Checklist => {
            let values = checked("input[type=checkbox]:checked")?;
            if values.iter().any(|v| v == "none") {
                Some(Input::List(vec![]))
            } else if values.is_empty() {
                None
            } else {
                Some(Input::List(values.into_iter().map(Input::Text).collect()))
            }
        }
    })
}

// ---------------------------------------------------------------- rendering

fn render(s: &mut State, move_focus: bool) -> Res {
    let lang = s.interview.lang();
    let mut p = Plan::default();
    // Its own language and direction, whatever the page's: a screen reader
    // then reads it with the right voice, and a right-to-left page does not
    // flip it (every language it has is written left to right).
    p.open("div", "tt")
        .attr("part", "container")
        .attr("lang", lang.code())
        .attr("dir", "ltr");
    p.open("p", "emergency-line")
        .attr("part", "emergency-line")
        .text(with_number(lang, t::EMERGENCY_LINE, &s.number))
        .close();
    match s.screen {
        Screen::Question(q) => question(&mut p, s, q),
        Screen::Result => result(&mut p, s),
    }
    if s.share > Share::Nothing {
        p.open("p", "shared")
            .attr("part", "shared")
            .text(text(
                lang,
                if s.share == Share::Answers {
                    t::SHARED_ANSWERS
                } else {
                    t::SHARED_RESULT
                },
            ))
            .close();
    }
    p.open("p", "disclaimer")
        .attr("part", "disclaimer")
        .text(text(lang, t::DISCLAIMER))
        .close();
    p.close();
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

/// The banner's class for a level: by its place (emergency first), never its
/// id, which a session recorder could read in the class (SAFETY H18).
fn level_class(level: Level) -> &'static str {
    match level {
        Level::Emergency => "banner l0",
        Level::Urgent => "banner l1",
        Level::Routine => "banner l2",
        Level::SelfCare => "banner l3",
    }
}

fn number_text(n: usize) -> String {
    let mut s = String::new();
    twitch_triage::error::push_num(&mut s, n as u32);
    s
}

fn tel(number: &str) -> String {
    let mut href = String::from("tel:");
    for c in number.chars().filter(|c| !c.is_whitespace()) {
        // A raw '#' would end the number and start a URL fragment: phones
        // would dial "*112" for "*112#" (RFC 3966 escapes it).
        match c {
            '#' => href.push_str("%23"),
            _ => href.push(c),
        }
    }
    href
}

/// The "Back" link at the top of a question (after the first) and of the result.
fn back_link(p: &mut Plan, lang: Lang) {
    p.open("button", "link back")
        .attr("type", "button")
        .attr("data-action", "back")
        .attr("part", "back")
        .text(text(lang, t::BACK))
        .close();
}

fn question(p: &mut Plan, s: &State, q: usize) {
    let lang = s.interview.lang();
    let def = &QUESTIONS[q];
    let answered = s.interview.answered();
    if answered > 0 {
        back_link(p, lang);
    }
    if s.interview.result().triage == Level::Emergency {
        p.open("div", level_class(Level::Emergency))
            .attr("role", "alert")
            .attr("part", "banner");
        p.leaf("p", "", with_number(lang, t::EMERGENCY_DURING, &s.number));
        p.open("a", "call")
            .attr("href", tel(&s.number))
            .text(with_number(lang, t::CALL_NOW, &s.number))
            .close();
        p.action("link", "result", text(lang, t::SEE_RESULT_NOW));
        p.close();
    }
    let error_text = text(
        lang,
        match def.kind {
            QuestionKind::Number => t::ERROR_ENTER_NUMBER,
            QuestionKind::Many | QuestionKind::Checklist => t::ERROR_CHOOSE_MANY,
            _ => t::ERROR_CHOOSE_ONE,
        },
    );
    if s.error {
        p.open("div", "error-summary")
            .attr("role", "alert")
            .attr("tabindex", "-1")
            .attr("data-focus", "")
            .attr("part", "error-summary")
            .attr("aria-labelledby", "error-title");
        p.open("h2", "")
            .attr("id", "error-title")
            .text(text(lang, t::ERROR_TITLE))
            .close();
        p.open("ul", "")
            .open("li", "")
            .action("link", "fix", error_text)
            .close()
            .close();
        p.close();
    }
    p.open("form", "")
        .attr("novalidate", "")
        .attr("part", "form");
    if answered == 0 {
        p.leaf("p", "intro", text(lang, t::INTRO));
    }
    p.open("p", "progress")
        .attr("part", "progress")
        .text(fill(
            text(lang, t::QUESTION_N),
            "n",
            &number_text(answered + 1),
        ))
        .close();

    let group_class = if s.error { "group has-error" } else { "group" };
    let describedby = if s.error { "hint error" } else { "hint" };
    let heading = |p: &mut Plan| {
        p.open("h2", "")
            .attr("tabindex", "-1")
            .attr("part", "heading");
        if !s.error {
            p.attr("data-focus", "");
        }
    };
    let hint_and_error = |p: &mut Plan| {
        if let Some(h) = def.hint {
            p.open("p", "hint")
                .attr("id", "hint")
                .text(text(lang, h))
                .close();
        }
        if s.error {
            p.open("p", "error-message")
                .attr("id", "error")
                .text(error_text)
                .close();
        }
    };
    let previous = s.last[q].as_ref();

    if def.kind == QuestionKind::Number {
        // One field: its label is the heading (GOV.UK).
        p.open("div", group_class);
        heading(p);
        p.open("label", "")
            .attr("for", "answer")
            .text(text(lang, def.text))
            .close();
        p.close();
        hint_and_error(p);
        p.open("input", "number")
            .attr("id", "answer")
            .attr("name", "answer")
            .attr("type", "text")
            .attr("inputmode", "numeric")
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .attr("aria-describedby", describedby);
        if s.error {
            p.attr("aria-invalid", "true");
        }
        match previous {
            Some(Input::Number(x)) if !s.error => p.attr("value", number_text(*x as usize)),
            _ => p.attr("value", s.typed.clone()),
        };
        p.close().close();
    } else {
        p.open("fieldset", group_class)
            .attr("aria-describedby", describedby);
        p.open("legend", "");
        heading(p);
        p.text(text(lang, def.text)).close().close();
        hint_and_error(p);
        p.open("div", "options").attr("part", "options");
        let chosen = |v: &str| match previous {
            Some(Input::Text(x)) => x == v,
            Some(Input::List(xs)) => xs.iter().any(|x| matches!(x, Input::Text(t) if t == v)),
            Some(Input::Bool(b)) => (v == "yes" && *b) || (v == "no" && !*b),
            Some(Input::Null) => v == "?",
            _ => false,
        };
        let multiple = matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist);
        let kind = if multiple { "checkbox" } else { "radio" };
        let items = choices(q, lang);
        for (i, (value, label)) in items.iter().enumerate() {
            option(p, kind, i, label, chosen(value));
        }
        if multiple {
            p.leaf("p", "divider", text(lang, t::OR));
            let none_chosen = matches!(previous, Some(Input::List(xs)) if xs.is_empty());
            option(
                p,
                kind,
                items.len(),
                text(lang, t::NONE_OF_THESE),
                none_chosen,
            );
        }
        p.close().close();
    }
    p.open("button", "button")
        .attr("type", "submit")
        .attr("data-action", "continue")
        .attr("part", "button")
        .text(text(lang, t::CONTINUE))
        .close();
    p.close();
}

/// An option: its value is its place on the screen, never the finding's or
/// the answer's id, which a session recorder or a host's script could read
/// (SAFETY H18); [`read_answer`] maps it back through [`choices`].
/// A question's choices in screen order, as (answer, label): "yes" and "no",
/// the finding's values or the checklist's findings, then "?" (not sure) on a
/// question with one answer. A question with several answers has "None of
/// these" after them (at the place `choices(q).len()`).
fn choices(q: usize, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let def = &QUESTIONS[q];
    let mut items: Vec<(&'static str, &'static str)> = match def.kind {
        QuestionKind::YesNo => vec![
            ("yes", text(lang, t::ANSWER_YES)),
            ("no", text(lang, t::ANSWER_NO)),
        ],
        QuestionKind::Checklist => def
            .options
            .iter()
            .map(|f| (f.id(), text(lang, f.def().label)))
            .collect(),
        _ => def
            .finding
            .map_or(&[][..], |f| f.def().values)
            .iter()
            .map(|v| (v.id, text(lang, v.label)))
            .collect(),
    };
    if !matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist) {
        items.push(("?", text(lang, t::ANSWER_NOT_SURE)));
    }
    items
}

fn option(p: &mut Plan, kind: &'static str, i: usize, label: &'static str, checked: bool) {
    let place = number_text(i);
    let mut id = String::from("o");
    id.push_str(&place);
    p.open("div", "item");
    p.open("input", "")
        .attr("type", kind)
        .attr("id", id.clone())
        .attr("name", "answer")
        .attr("value", place);
    if checked {
        p.attr("checked", "");
    }
    p.close();
    p.open("label", "").attr("for", id).text(label).close();
    p.close();
}

fn result(p: &mut Plan, s: &State) {
    let lang = s.interview.lang();
    let r = s.interview.result();
    let answers = s.interview.answers();
    back_link(p, lang);

    p.open("div", level_class(r.triage)).attr("part", "banner");
    p.open("h2", "")
        .attr("tabindex", "-1")
        .attr("data-focus", "")
        .text(r.triage.title(lang))
        .close();
    p.leaf("p", "", r.triage.action(lang));
    if r.triage == Level::Emergency {
        p.open("a", "call")
            .attr("href", tel(&s.number))
            .text(with_number(lang, t::CALL_NOW, &s.number))
            .close();
        if let Some(note) = s.number_note {
            p.leaf("p", "note", with_number(lang, note, &s.number));
        }
    }
    p.close();

    let reasons = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| twitch_triage::kb::FindingId::by_name(id))
            .map(|f| describe_reason(f, answers, lang))
            .collect()
    };
    let section = |p: &mut Plan, class: &'static str, heading: String| {
        p.open("section", class)
            .attr("part", class)
            .leaf("h3", "", heading);
    };

    // What to do now: the rules' advice for an urgent or emergency result,
    // each saying why it sets the level, so it comes first, under the level
    // and before the explanations (SAFETY H17).
    let advice = |p: &mut Plan| {
        section(p, "advice", text(lang, t::WHAT_TO_DO).into());
        p.open("ul", "");
        // The level's action is already in the banner.
        for a in r.advice.iter().filter(|a| **a != r.triage.action(lang)) {
            p.leaf("li", "", *a);
        }
        p.close().close();
    };
    if r.triage <= Level::Urgent {
        advice(p);
    }

    let top = r
        .explanations
        .first()
        .and_then(|f| ExplanationDef::by_id(f.id));
    if let (Some(first), Some(def)) = (r.explanations.first(), top) {
        let mut heading = String::from(text(lang, t::MOST_LIKELY));
        heading.push_str(text(lang, t::LABEL_SEPARATOR));
        heading.push_str(first.name);
        section(p, "explanations", heading);
        p.open("div", "explanation");
        p.leaf("p", "", text(lang, def.summary));
        let why = reasons(&first.reasons);
        if !why.is_empty() {
            p.leaf("h4", "", text(lang, t::WHY)).open("ul", "");
            for w in why {
                p.leaf("li", "", w);
            }
            p.close();
        }
        p.close();
        // Others only when they are reasonably likely and something the
        // person said points to them: a list of long shots, or of causes
        // that rank only because they were never asked about (a medicine
        // side effect for someone not asked about medicines), would worry
        // people for no reason. The summary for a doctor lists them all.
        let others: Vec<_> = r.explanations[1..]
            .iter()
            .filter(|e| e.score >= ALSO_POSSIBLE_MIN && !e.reasons.is_empty())
            .collect();
        if !others.is_empty() {
            p.leaf("h4", "", text(lang, t::ALSO_POSSIBLE))
                .open("ul", "");
            for e in others {
                p.open("li", "").leaf("strong", "", e.name);
                let why = reasons(&e.reasons);
                if !why.is_empty() {
                    let mut line = String::new();
                    push_joined(&mut line, lang, why.iter().take(2));
                    p.leaf("span", "", fill(text(lang, t::ASIDE), "text", &line));
                }
                p.close();
            }
            p.close();
        }
        p.close();
    }

    if r.triage > Level::Urgent {
        advice(p);
    }

    if let Some(def) = top {
        section(p, "doctor", text(lang, t::TELL_DOCTOR).into());
        p.leaf("p", "", text(lang, def.tell_doctor)).close();
    }

    if !r.complete {
        section(p, "open", text(lang, t::OPEN_QUESTIONS).into());
        p.leaf("p", "", text(lang, t::OPEN_QUESTIONS_HINT))
            .open("ul", "");
        for f in r
            .unanswered
            .iter()
            .filter_map(|id| twitch_triage::kb::FindingId::by_name(id))
        {
            p.leaf("li", "", text(lang, f.def().label));
        }
        p.close().close();
    }

    section(p, "answers", text(lang, t::YOUR_ANSWERS).into());
    p.open("dl", "");
    for q in s.interview.asked_in_order() {
        p.leaf("dt", "", text(lang, QUESTIONS[q].text)).leaf(
            "dd",
            "",
            describe_answer(q, answers, lang),
        );
    }
    p.close().close();

    p.open("div", "actions").attr("part", "actions");
    p.action("secondary", "restart", text(lang, t::START_AGAIN));
    p.action("secondary", "copy", text(lang, t::COPY_SUMMARY));
    p.action("secondary", "print", text(lang, t::PRINT));
    p.open("p", "status")
        .attr("role", "status")
        .attr("aria-live", "polite");
    match s.copy {
        CopyState::Done => {
            p.text(text(lang, t::COPIED)).close();
        }
        CopyState::Failed => {
            p.text(text(lang, t::COPY_FAILED)).close();
            p.open("textarea", "copy-text")
                .attr("readonly", "")
                .attr("aria-label", text(lang, t::COPY_SUMMARY));
            p.text(plain_text(&s.interview, &r, &s.number)).close();
        }
        CopyState::Idle => {
            p.close();
        }
    }
    p.close();
}
