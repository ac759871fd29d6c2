//! Results as plain objects, made by object literals in `js/boundary.js`
//! from cached strings (see [`super::strings`]).

use super::strings::js;
use twitch_triage::assess::Assessment;
use twitch_triage::interview::Question;
use wasm_bindgen::JsValue;

fn strs(items: &[&'static str]) -> Vec<JsValue> {
    items.iter().map(|s| js(s)).collect()
}

pub fn assessment(r: &Assessment) -> JsValue {
    let explanations = r
        .explanations
        .iter()
        .map(|e| {
            super::make_explanation(
                &js(e.id),
                &js(e.name),
                &js(e.level.id()),
                e.score,
                strs(&e.reasons),
            )
        })
        .collect();
    let rules = r
        .rules
        .iter()
        .map(|rule| {
            super::make_rule(
                &js(rule.id()),
                &js(rule.level().id()),
                strs(&rule.because()),
            )
        })
        .collect();
    super::make_assessment(
        &js(r.triage.id()),
        explanations,
        rules,
        strs(&r.unanswered),
        r.complete,
        strs(&r.advice),
        r.second_is_the_emergency(),
    )
}

pub fn question(q: &Question) -> JsValue {
    let options = q.options.as_ref().map(|options| {
        options
            .iter()
            .map(|o| super::make_option(&js(o.value), &js(o.label)))
            .collect()
    });
    super::make_question(
        &js(q.id),
        &js(q.kind.id()),
        q.finding.map(js),
        &js(q.text),
        q.hint.map(js),
        options,
    )
}
