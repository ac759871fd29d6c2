//! The `<twitch-triage>` element in headless Chromium (wasm-bindgen-test):
//! rendering, answering, back, the error summary and the result screen.
//! Run with `cargo test -p twitch-triage-element --target wasm32-unknown-unknown
//! --features std --test element` and `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CustomEvent, Element, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use twitch_triage_element::TwitchTriage;

wasm_bindgen_test_configure!(run_in_browser);

struct Page {
    host: HtmlElement,
    root: ShadowRoot,
    element: TwitchTriage,
    events: Rc<RefCell<Vec<(String, String)>>>,
    _listeners: Vec<Closure<dyn FnMut(CustomEvent)>>,
    /// What "Download for your doctor" handed to the export (the language
    /// and the answers' JSON), and whether the export fails.
    exported: Rc<RefCell<Vec<(String, String)>>>,
    export_fails: Rc<std::cell::Cell<bool>>,
    _export: Closure<dyn FnMut(JsValue, JsValue) -> js_sys::Promise>,
}

/// The element's build carries no texts: install the packs, as `element.js` does.
#[path = "common/packs.rs"]
mod packs;
use packs::install_packs;

/// The number an element with no `emergency-number` and no `lang` shows in
/// this browser: the one for the region of its first language that names
/// a listed region (kb/emergency_numbers.toml), else 112.
fn default_number() -> String {
    let languages = web_sys::window().unwrap().navigator().languages();
    languages
        .iter()
        .filter_map(|t| t.as_string())
        .find_map(|t| twitch_triage::kb::emergency_number_for(&t))
        .unwrap_or("112")
        .to_string()
}

fn page(attributes: &[(&str, &str)]) -> Page {
    install_packs();
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    for (k, v) in attributes {
        host.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    // The box the element renders into, as js/element.js makes it.
    root.append_child(&doc.create_element("div").unwrap())
        .unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in ["twitch-triage-start", "twitch-triage-complete"] {
        let ev = events.clone();
        let l = Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
            assert!(
                e.bubbles() && e.composed(),
                "events bubble and are composed"
            );
            ev.borrow_mut().push((
                e.type_(),
                js_sys::JSON::stringify(&e.detail())
                    .unwrap()
                    .as_string()
                    .unwrap(),
            ));
        });
        host.add_event_listener_with_callback(name, l.as_ref().unchecked_ref())
            .unwrap();
        listeners.push(l);
    }
    let exported = Rc::new(RefCell::new(Vec::new()));
    let export_fails = Rc::new(std::cell::Cell::new(false));
    let export = {
        let (exported, fails) = (exported.clone(), export_fails.clone());
        Closure::<dyn FnMut(JsValue, JsValue) -> js_sys::Promise>::new(
            move |lang: JsValue, answers: JsValue| {
                exported
                    .borrow_mut()
                    .push((lang.as_string().unwrap(), answers.as_string().unwrap()));
                if fails.get() {
                    js_sys::Promise::reject(&JsValue::NULL)
                } else {
                    js_sys::Promise::resolve(&JsValue::NULL)
                }
            },
        )
    };
    // The regions' numbers as element.js passes them (its
    // emergency-numbers.js, which tests/languages.rs checks is this table).
    let numbers = twitch_triage::kb::EMERGENCY_NUMBERS.to_string();
    let element =
        TwitchTriage::new(host.clone(), root.clone(), export.as_ref().clone(), numbers).unwrap();
    Page {
        host,
        root,
        element,
        events,
        _listeners: listeners,
        exported,
        export_fails,
        _export: export,
    }
}

impl Page {
    fn one(&self, sel: &str) -> Element {
        self.root
            .query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("no {sel}"))
    }
    fn has(&self, sel: &str) -> bool {
        self.root.query_selector(sel).unwrap().is_some()
    }
    fn heading(&self) -> String {
        self.one("h2").text_content().unwrap()
    }
    fn click(&self, sel: &str) {
        self.one(sel).dyn_into::<HtmlElement>().unwrap().click();
    }
    /// The question on screen, found by its heading among the questions in
    /// any language (the screen carries no question id: SAFETY H18).
    fn question(&self) -> Option<twitch_triage::Question> {
        let heading = self
            .root
            .query_selector("form h2")
            .unwrap()?
            .text_content()?;
        twitch_triage::Lang::ALL
            .iter()
            .flat_map(|&l| twitch_triage::knowledge(l).questions)
            .find(|q| q.text == heading)
    }
    /// The selector of the option for `value` (a finding or value id, "yes",
    /// "no", "?" or "none") on the question shown: an option's value is its
    /// place on the screen, never the id.
    fn option(&self, value: &str) -> String {
        let q = self.question().expect("a question on screen");
        let options: Vec<&str> = match &q.options {
            Some(o) => o.iter().map(|o| o.value).collect(),
            None => vec!["yes", "no"],
        };
        let place = options
            .iter()
            .position(|v| *v == value)
            .or(matches!(value, "?" | "none").then_some(options.len()))
            .unwrap_or_else(|| panic!("no option {value} on {}", q.id));
        format!("input[value=\"{place}\"]")
    }
    fn check(&self, value: &str) {
        let sel = self.option(value);
        self.click(&sel);
        assert!(self
            .one(&sel)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .checked());
    }
    fn input(&self, value: &str) -> HtmlInputElement {
        self.one(&self.option(value)).dyn_into().unwrap()
    }
    /// The result's level, from the banner's heading.
    fn level(&self) -> Option<&'static str> {
        let banner = self
            .root
            .query_selector(".banner h2")
            .unwrap()?
            .text_content()?;
        twitch_triage::Lang::ALL
            .iter()
            .flat_map(|&l| twitch_triage::knowledge(l).levels)
            .find(|l| l.title == banner)
            .map(|l| l.id.id())
    }
    /// On the result screen (it has the actions; a question has a form).
    fn on_result(&self) -> bool {
        self.has(".actions")
    }
    fn submit(&self) {
        self.click("button[type=submit]");
    }
    fn focused(&self) -> Option<Element> {
        self.root.active_element()
    }
    /// Answers the current question with "no", "none", "not sure" or the first option.
    fn answer_plainly(&self) {
        if self.has("input.number") {
            self.one("input.number")
                .dyn_into::<HtmlInputElement>()
                .unwrap()
                .set_value("40");
        } else if self.has("input[type=checkbox]") {
            self.check("none");
        } else if self.question().is_some_and(|q| q.options.is_none()) {
            self.check("no");
        } else {
            self.click("input");
        }
        self.submit();
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.host.remove();
    }
}

#[wasm_bindgen_test]
fn renders_the_first_question_as_a_fieldset_with_its_heading() {
    let p = page(&[]);
    assert_eq!(
        p.heading(),
        "First, do you have any of these now, or have you had them today?"
    );
    assert!(
        p.has("fieldset legend h2"),
        "the question is the legend's heading"
    );
    // Every sign the knowledge base lists, and "None of these".
    let signs = twitch_triage::kb::QUESTIONS
        .iter()
        .find(|q| q.id == "emergency_signs")
        .unwrap()
        .options
        .len();
    assert_eq!(
        p.root
            .query_selector_all("input[type=checkbox]")
            .unwrap()
            .length() as usize,
        signs + 1,
        "{signs} signs and None of these"
    );
    assert!(p
        .one(".emergency-line")
        .text_content()
        .unwrap()
        .contains(&format!("call {} now", default_number())));
    assert!(p
        .one(".disclaimer")
        .text_content()
        .unwrap()
        .contains("not a diagnosis"));
    assert!(
        !p.has("[data-action=back]"),
        "no back link on the first question"
    );
    assert_eq!(p.one(".progress").text_content().unwrap(), "Question 1");
    assert!(
        p.focused().is_none(),
        "the first render does not take focus from the page"
    );
}

#[wasm_bindgen_test]
fn submitting_nothing_shows_an_error_summary_and_focuses_it() {
    let p = page(&[]);
    p.submit();
    let summary = p.one(".error-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert!(summary
        .text_content()
        .unwrap()
        .contains("There is a problem"));
    assert_eq!(p.focused().unwrap(), summary);
    assert!(p.has("fieldset.has-error"));
    assert_eq!(
        p.one("fieldset")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("hint error")
    );
    // The link in the summary moves focus to the field.
    p.click(".error-summary [data-action=fix]");
    assert_eq!(p.focused().unwrap().tag_name(), "INPUT");
    // Answering clears the error.
    p.check("none");
    p.submit();
    assert!(!p.has(".error-summary"));
    assert_eq!(p.heading(), "How old are you?");
}

#[wasm_bindgen_test]
fn none_of_these_is_exclusive() {
    let p = page(&[]);
    p.check("chest_pain");
    p.check("none");
    assert!(!p.input("chest_pain").checked());
    p.check("jaw_stiffness");
    assert!(!p.input("none").checked());
}

#[wasm_bindgen_test]
fn answering_moves_focus_to_the_new_heading_and_back_restores_the_answer() {
    let p = page(&[]);
    p.check("none");
    p.submit();
    assert_eq!(p.heading(), "How old are you?");
    assert_eq!(
        p.focused().unwrap().tag_name(),
        "H2",
        "focus on the new heading"
    );
    assert!(p
        .one("label[for=answer]")
        .text_content()
        .unwrap()
        .contains("How old"));
    // A bad age is refused with the error summary; the answer so far stays.
    p.one("input.number")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .set_value("250");
    p.submit();
    assert!(p.has(".error-summary"));
    assert_eq!(p.heading(), "There is a problem");
    assert_eq!(
        p.one("input.number")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "250",
        "what was typed stays in the field, to be corrected"
    );
    // Back: the first question again, with "None of these" still ticked.
    p.click("[data-action=back]");
    assert_eq!(
        p.heading(),
        "First, do you have any of these now, or have you had them today?"
    );
    assert!(p.input("none").checked());
    assert_eq!(p.focused().unwrap().tag_name(), "H2");
}

#[wasm_bindgen_test]
fn an_age_typed_with_full_width_digits_is_accepted() {
    // Chinese input methods often type full-width digits ("３４").
    let p = page(&[("lang", "zh-Hant")]);
    p.check("none");
    p.submit();
    let field = || {
        p.one("input.number")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
    };
    field().set_value("３４歲");
    p.submit();
    assert!(p.has(".error-summary"), "words are still refused");
    assert_eq!(field().value(), "３４歲", "and stay in the field");
    field().set_value("\u{3000}３４");
    p.submit();
    assert!(!p.has(".error-summary"));
    assert!(!p.has("input.number"), "the next question");
    p.click("[data-action=back]");
    assert_eq!(field().value(), "34", "the answer, shown again after Back");
}

#[wasm_bindgen_test]
fn a_whole_interview_ends_on_the_result_screen_with_events() {
    let p = page(&[("emergency-number", "999")]);
    for _ in 0..20 {
        if p.on_result() {
            break;
        }
        p.answer_plainly();
    }
    let triage = p.level().expect("a level on the result screen");
    assert!(["routine", "self_care"].contains(&triage), "{triage}");
    assert_eq!(
        p.focused().unwrap().tag_name(),
        "H2",
        "focus on the result heading"
    );
    assert!(p.has(".explanation"));
    assert!(p
        .one("[part=advice]")
        .text_content()
        .unwrap()
        .contains("What to do now"));
    // Below urgent, the explanations come first.
    assert!(comes_before(
        &p.one("[part=explanations]"),
        &p.one("[part=advice]")
    ));
    assert!(p
        .one("[part=answers]")
        .text_content()
        .unwrap()
        .contains("40 years"));
    assert!(p
        .one(".emergency-line")
        .text_content()
        .unwrap()
        .contains("call 999 now"));
    let events = p.events.borrow().clone();
    assert_eq!(
        events.first().map(|e| e.0.as_str()),
        Some("twitch-triage-start")
    );
    let complete = events
        .iter()
        .find(|e| e.0 == "twitch-triage-complete")
        .expect("complete event");
    assert_eq!(
        complete.1, "{}",
        "nothing is shared by default (SAFETY H20)"
    );
    assert!(
        !p.has(".shared"),
        "and the person is told nothing is shared"
    );
    // Start again: back to question 1, nothing answered.
    p.click("[data-action=restart]");
    assert_eq!(
        p.heading(),
        "First, do you have any of these now, or have you had them today?"
    );
    assert!(!p.has("[data-action=back]"));
}

#[wasm_bindgen_test]
fn also_possible_lists_only_likely_explanations_with_a_reason() {
    // Jerks of the face for months, every other answer "no" or "none": an
    // explanation for jerks ranks second with a reason, and another is
    // likely enough to list but has no reason among the answers (only its
    // prior). The test checks the screen against the core's own result.
    let p = page(&[("share-answers", "")]);
    p.check("none");
    p.submit();
    p.one("input.number")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .set_value("33");
    p.submit();
    for value in ["face", "jerk", "months"] {
        p.check(value);
        p.submit();
    }
    for _ in 0..20 {
        if p.on_result() {
            break;
        }
        if p.question().is_some_and(|q| q.id == "course") {
            p.check("comes_and_goes");
            p.submit();
        } else {
            p.answer_plainly();
        }
    }
    assert!(p.on_result(), "the interview ended");
    // The same answers through the core, from the complete event.
    let detail = p
        .events
        .borrow()
        .iter()
        .find(|e| e.0 == "twitch-triage-complete")
        .expect("complete event")
        .1
        .clone();
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    let map: twitch_triage::InputMap = serde_json::from_value(detail["answers"].clone()).unwrap();
    let r = twitch_triage::classify(&twitch_triage::Findings::from_map(&map).unwrap());
    // The others at least as likely as the screen's bar (ALSO_POSSIBLE_MIN in
    // crates/element), with and without a reason.
    let (with, without): (Vec<_>, Vec<_>) = r.explanations[1..]
        .iter()
        .filter(|e| e.score >= 0.05)
        .partition(|e| !e.reasons.is_empty());
    let names =
        |v: Vec<&twitch_triage::Explanation>| -> Vec<&str> { v.iter().map(|e| e.name).collect() };
    let (expected, reasonless) = (names(with), names(without));
    assert!(
        !reasonless.is_empty(),
        "the case should have a likely explanation with no reason: {:?}",
        r.explanations
    );
    assert!(
        !expected.is_empty(),
        "and one with a reason: {:?}",
        r.explanations
    );
    let items = p.root.query_selector_all("[part=explanations] li").unwrap();
    let mut shown = Vec::new();
    for i in 0..items.length() {
        let li: Element = items.item(i).unwrap().dyn_into().unwrap();
        if let Some(name) = li.query_selector("strong").unwrap() {
            assert!(
                li.query_selector("span").unwrap().is_some(),
                "each one says why"
            );
            shown.push(name.text_content().unwrap());
        }
    }
    assert_eq!(
        shown,
        expected,
        "not shown: {reasonless:?}; on the screen: {:?}",
        p.one("[part=explanations]").outer_html()
    );
    // Why, in brackets after the name, with the language's punctuation:
    // " (a; b)" in English, "（a；b）" in Chinese.
    let why = || p.one("[part=explanations] li span").text_content().unwrap();
    let en = why();
    assert!(en.starts_with(" (") && en.ends_with(')'), "{en:?}");
    p.host.set_attribute("lang", "zh-Hant").unwrap();
    assert!(p.element.attribute_changed().unwrap());
    let zh = why();
    assert!(zh.starts_with('（') && zh.ends_with('）'), "{zh:?}");
    assert!(!zh.contains(';') && !zh.contains('('), "{zh:?}");
}

#[wasm_bindgen_test]
fn an_emergency_shows_the_call_banner_and_share_answers_shares_them() {
    let p = page(&[("share-answers", "")]);
    p.check("chest_pain");
    p.submit();
    // The interview goes on with a few quick questions, under an emergency banner.
    let banner = p.one(".banner.l0");
    let number = default_number();
    assert!(banner
        .text_content()
        .unwrap()
        .contains(&format!("call {number}")));
    assert_eq!(
        p.one(".banner .call").get_attribute("href"),
        Some(format!("tel:{number}"))
    );
    // A short code with '#' (allowed by the attribute): the link dials all
    // of it, as RFC 3966 writes it, and the text shows it as given.
    p.host.set_attribute("emergency-number", "*112 #").unwrap();
    assert!(p.element.attribute_changed().unwrap());
    assert_eq!(
        p.one(".banner .call").get_attribute("href").as_deref(),
        Some("tel:*112%23")
    );
    assert!(p
        .one(".banner .call")
        .text_content()
        .unwrap()
        .contains("*112 #"));
    p.host.set_attribute("emergency-number", "112").unwrap();
    assert!(p.element.attribute_changed().unwrap());
    p.click("[data-action=result]");
    assert_eq!(p.level(), Some("emergency"));
    assert!(p
        .one(".banner")
        .text_content()
        .unwrap()
        .contains("Call 112 now"));
    assert!(p
        .one("[part=advice]")
        .text_content()
        .unwrap()
        .contains("medicines"));
    // The rules' advice, which says why the level is set, comes before the
    // explanations (SAFETY H17).
    assert!(comes_before(
        &p.one("[part=advice]"),
        &p.one("[part=explanations]")
    ));
    let events = p.events.borrow().clone();
    let complete = events
        .iter()
        .find(|e| e.0 == "twitch-triage-complete")
        .unwrap();
    assert!(
        complete.1.contains("\"answers\":{") && complete.1.contains("\"chest_pain\":true"),
        "{}",
        complete.1
    );
    // Back from an early result returns to the waiting question, answers kept.
    p.click("[data-action=back]");
    assert!(p.has("form"));
    assert!(p.has(".banner.l0"));
}

#[wasm_bindgen_test]
fn attributes_change_a_live_element_without_losing_answers() {
    let p = page(&[]);
    p.check("none");
    p.submit();
    p.host.set_attribute("emergency-number", "911").unwrap();
    assert!(p.element.attribute_changed().unwrap());
    assert!(p
        .one(".emergency-line")
        .text_content()
        .unwrap()
        .contains("call 911 now"));
    assert_eq!(
        p.heading(),
        "How old are you?",
        "still on the same question"
    );
    // An invalid number falls back to the default.
    p.host
        .set_attribute("emergency-number", "javascript:alert(1)")
        .unwrap();
    assert!(p.element.attribute_changed().unwrap());
    assert!(p
        .one(".emergency-line")
        .text_content()
        .unwrap()
        .contains(&format!("call {} now", default_number())));
}

/// With no `emergency-number`, the number follows the region of the
/// element's language tag, with a note saying so; a tag with no listed
/// region leaves the browser's, else 112 and "use your local number".
#[wasm_bindgen_test]
fn the_default_number_follows_the_region_of_the_language_tag() {
    for (lang, number, note) in [
        ("es-MX", "911", "configuración de idioma"),
        ("en-GB", "999", "language settings"),
        ("zh-TW", "119", "語言設定"),
    ] {
        let p = page(&[("lang", lang)]);
        p.check("chest_pain");
        p.submit();
        p.click("[data-action=result]");
        let result = p.one(".banner");
        assert_eq!(
            p.one(".banner .call").get_attribute("href"),
            Some(format!("tel:{number}")),
            "{lang}"
        );
        assert!(
            p.one(".banner .note")
                .text_content()
                .unwrap()
                .contains(note),
            "{lang}: {:?}",
            result.text_content()
        );
    }
    // A number the host sets has no note.
    let p = page(&[("lang", "es-MX"), ("emergency-number", "065")]);
    p.check("chest_pain");
    p.submit();
    p.click("[data-action=result]");
    assert_eq!(
        p.one(".banner .call").get_attribute("href").as_deref(),
        Some("tel:065")
    );
    assert!(!p.has(".banner .note"));
}

/// Whether `a` comes before `b` in the document.
fn comes_before(a: &Element, b: &Element) -> bool {
    a.compare_document_position(b) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
}

/// Every id a recorder or a host's script could decode (SAFETY H18): the
/// findings' and their values', the explanations', the levels' and the
/// questions'.
fn ids() -> Vec<&'static str> {
    let k = twitch_triage::knowledge(twitch_triage::Lang::En);
    let mut ids: Vec<&'static str> = Vec::new();
    for f in &k.findings {
        ids.push(f.id);
        ids.extend(f.values.iter().flatten().map(|v| v.value));
    }
    ids.extend(k.questions.iter().map(|q| q.id));
    ids.extend(k.explanations.iter().map(|e| e.id));
    ids.extend(k.levels.iter().map(|l| l.id.id()));
    ids.extend(["yes", "no"]);
    ids
}

/// Every attribute of every element in the shadow root, as `name=value`.
fn attributes(root: &ShadowRoot) -> Vec<String> {
    let all = root.query_selector_all("*").unwrap();
    let mut out = Vec::new();
    for i in 0..all.length() {
        let e: Element = all.get(i).unwrap().dyn_into().unwrap();
        let names = e.get_attribute_names();
        for n in names.iter() {
            let n = n.as_string().unwrap();
            out.push(format!("{n}={}", e.get_attribute(&n).unwrap_or_default()));
        }
    }
    out
}

/// No attribute on any screen names a finding, an answer, a question, an
/// explanation or a level: a recorder that masks text but keeps
/// attributes learns nothing from them. Checked on each screen of an
/// emergency and of a whole plain interview.
#[wasm_bindgen_test]
fn no_attribute_on_any_screen_names_an_answer_a_question_or_a_result() {
    let ids = ids();
    let check = |p: &Page, when: &str| {
        for a in attributes(&p.root) {
            let value = a.split_once('=').unwrap().1;
            for word in value.split_whitespace() {
                assert!(!ids.contains(&word), "{when}: attribute {a} names {word}");
            }
        }
    };
    let p = page(&[]);
    check(&p, "question 1");
    p.check("chest_pain");
    p.submit();
    check(&p, "after an emergency sign");
    p.click("[data-action=result]");
    check(&p, "the emergency result");
    let p = page(&[]);
    for i in 0..20 {
        check(&p, &format!("screen {i}"));
        if p.on_result() {
            break;
        }
        p.answer_plainly();
    }
    assert!(p.on_result());
}

/// share-result: the completion event carries the level and the
/// explanations, not the answers, and every screen says so; share-answers
/// says the answers are seen too.
#[wasm_bindgen_test]
fn the_host_learns_the_result_only_when_it_asks_and_the_person_is_told() {
    let p = page(&[("share-result", "")]);
    assert!(p
        .one("[part=shared]")
        .text_content()
        .unwrap()
        .contains("This website receives your result"));
    p.check("chest_pain");
    p.submit();
    p.click("[data-action=result]");
    assert!(p.has("[part=shared]"), "told on the result screen too");
    let complete = p
        .events
        .borrow()
        .iter()
        .find(|e| e.0 == "twitch-triage-complete")
        .unwrap()
        .1
        .clone();
    assert!(
        complete.starts_with("{\"triage\":\"emergency\",\"explanations\":["),
        "{complete}"
    );
    assert!(!complete.contains("answers"), "{complete}");
    let p = page(&[("share-answers", ""), ("lang", "es")]);
    assert!(p
        .one("[part=shared]")
        .text_content()
        .unwrap()
        .contains("puede ver sus respuestas"));
    // The host can also opt into a shadow root its scripts can read
    // (js/element.js): the person is told the same.
    let p = page(&[("shadow-root", "open")]);
    assert!(p
        .one("[part=shared]")
        .text_content()
        .unwrap()
        .contains("can see your answers"));
}

/// "Continue" is handled on its click, with the form's submission prevented:
/// the element works where forms cannot be submitted (an iframe sandboxed
/// without allow-forms), and no submit event is left to the browser.
#[wasm_bindgen_test]
fn continue_works_without_submitting_the_form() {
    let p = page(&[]);
    let submitted = Rc::new(RefCell::new(0));
    let count = submitted.clone();
    let l = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| *count.borrow_mut() += 1);
    p.root
        .add_event_listener_with_callback("submit", l.as_ref().unchecked_ref())
        .unwrap();
    p.check("none");
    p.submit();
    assert_eq!(p.heading(), "How old are you?");
    assert_eq!(
        *submitted.borrow(),
        0,
        "the click's default (submitting) was prevented"
    );
}

/// A host page where the start event cannot even be made (its
/// `CustomEvent` replaced by one that throws): the Continue still moves on.
#[wasm_bindgen_test]
fn a_failing_event_never_swallows_a_continue() {
    let window = web_sys::window().unwrap();
    let key = JsValue::from_str("CustomEvent");
    let original = js_sys::Reflect::get(&window, &key).unwrap();
    let throwing = Closure::<dyn FnMut() -> Result<JsValue, JsValue>>::new(|| {
        Err(JsValue::from_str("broken by the page"))
    });
    js_sys::Reflect::set(&window, &key, throwing.as_ref()).unwrap();
    let p = page(&[]);
    p.check("none");
    p.submit();
    let heading = p.heading();
    js_sys::Reflect::set(&window, &key, &original).unwrap();
    assert_eq!(heading, "How old are you?");
}

/// "Download for your doctor" hands element.js's export the language and
/// every answer (a "Not sure" as null), in the form classify takes; a
/// failure is said under the buttons, and a later success clears it.
#[wasm_bindgen_test]
async fn download_hands_the_answers_to_the_export_and_says_when_it_fails() {
    let p = page(&[]);
    for _ in 0..20 {
        if p.on_result() {
            break;
        }
        p.answer_plainly();
    }
    assert!(p.on_result());
    let hint = p.one(".actions .hint").text_content().unwrap();
    assert!(hint.contains("Nothing is sent"), "{hint}");
    p.click("[data-action=download]");
    let (lang, answers) = p.exported.borrow()[0].clone();
    assert_eq!(lang, "en");
    let map: twitch_triage::InputMap = serde_json::from_str(&answers).unwrap();
    let f = twitch_triage::Findings::from_map(&map).unwrap();
    assert_eq!(
        Some(twitch_triage::classify(&f).triage.id()),
        p.level(),
        "the answers handed over give the level shown"
    );
    assert_eq!(
        f.get(twitch_triage::kb::FindingId::by_name("chest_pain").unwrap()),
        twitch_triage::Value::Bool(false)
    );
    // The age was 40; "not sure" answers (if any) are nulls, not dropped.
    assert!(answers.contains("\"age\":40"), "{answers}");
    p.export_fails.set(true);
    p.click("[data-action=download]");
    settle().await;
    let status = p.one(".actions .status").text_content().unwrap();
    assert!(status.contains("could not be made"), "{status}");
    p.export_fails.set(false);
    p.click("[data-action=download]");
    settle().await;
    assert!(!p
        .one(".actions .status")
        .text_content()
        .unwrap()
        .contains("could not be made"));
    assert_eq!(p.exported.borrow().len(), 3);
}

/// Lets the promises already settled run their callbacks.
async fn settle() {
    for _ in 0..3 {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
            .await
            .unwrap();
    }
}
