#![cfg(not(target_arch = "wasm32"))]
//! The lay stories (tests/stories/README.md): people's own accounts,
//! answered question by question through the questionnaire as the product
//! shows it by someone who saw only the story and the questions, played
//! through the `Interview`, and judged against two independent raters.
//!
//! Prints, per set (one per language answered): the level within the
//! raters' range, under- and over-triage, first and top-three explanation,
//! questions per interview. Fails on any under-triage, on a sheet answered
//! against another version of the questionnaire, and below the bars the
//! figures have reached.

#[path = "stories/harness.rs"]
mod harness;
#[path = "stories/questionnaire.rs"]
mod questionnaire;

use harness::{gold_in, measure, measure_in, read, Figures};
use twitch_triage::kb::{Lang, Level};

/// The raters' agreement on the level: exact, and Cohen's kappa.
#[test]
fn raters_agreement() {
    agreement("", "stories");
}

/// The same for the held-out stories.
#[test]
fn heldout_raters_agreement() {
    agreement("heldout/", "held-out stories");
}

fn agreement(dir: &str, set: &str) {
    let gold = gold_in(dir);
    let pairs: Vec<(Level, Level)> = gold.values().map(|g| (g.levels[0], g.levels[1])).collect();
    let n = pairs.len() as f64;
    let agree = pairs.iter().filter(|(a, b)| a == b).count();
    let expected: f64 = Level::ALL
        .iter()
        .map(|l| {
            let a = pairs.iter().filter(|(x, _)| x == l).count() as f64 / n;
            let b = pairs.iter().filter(|(_, y)| y == l).count() as f64 / n;
            a * b
        })
        .sum();
    let kappa = (agree as f64 / n - expected) / (1.0 - expected);
    let apart = pairs
        .iter()
        .filter(|(a, b)| (*a as i32 - *b as i32).abs() > 1)
        .count();
    println!(
        "{set}: the raters agree on {agree} of {} levels, kappa {kappa:.2}; {apart} differ by more than one level",
        pairs.len()
    );
    assert_eq!(
        pairs.len(),
        read(&format!("{dir}stories.json"))
            .as_array()
            .unwrap()
            .len()
    );
}

/// The bars each set has reached (English: the eighth answering; Spanish and
/// Chinese: the eighth answering for st-01..28 and the extension for st-29..84;
/// in all three, `strength` and `body_signs` answered again in full after
/// their memory and agitation labels were narrowed, and `strength` again
/// after the word-finding item was added: that answering moved the Spanish
/// figures down by one each, a slow, shuffling Parkinson's story now ticked
/// as new weakness among them, and the Chinese up; and `strength` again
/// after memory was split into fast and slow decline and the hint let known,
/// unchanged weakness be left out, and once more after the weakness item
/// said "not slower but still as strong" (the Parkinson's story is no longer
/// ticked as weakness in any language; a sleep-deprived mother's fog is now
/// ticked as memory decline in Spanish and Chinese, though the item says
/// "not just tiredness"); and, in every set and language, `illness_signs`
/// and `body_signs` answered again once the "lately" list had merged into
/// "Have you had any of these recently?" and the pinched-nerve item was
/// added, and `both_legs` twice (rule E22): the interview is one screen
/// shorter, a median of 9 to 10 questions), so that a change
/// that makes them worse fails: (within range, at most over-triaged, first
/// explanation, top three, at most questions in one interview). Under-triage
/// is always zero.
fn check(f: &Figures, set: &str, bars: (usize, usize, usize, usize, usize)) {
    f.print(set);
    assert!(f.under.is_empty(), "{set}: under-triage: {:?}", f.under);
    let (within, over, first, top3, max) = bars;
    assert!(
        f.within >= within,
        "{set}: within range {} < {within}",
        f.within
    );
    assert!(f.over.len() <= over, "{set}: over-triage {:?}", f.over);
    assert!(
        f.first >= first,
        "{set}: first explanation {} < {first}",
        f.first
    );
    assert!(f.top3 >= top3, "{set}: top three {} < {top3}", f.top3);
    let most = *f.questions.iter().max().unwrap();
    assert!(most <= max, "{set}: {most} questions");
}

#[test]
fn english_sheets() {
    check(
        &measure("en.json", Lang::En, true),
        "en",
        (79, 5, 75, 82, 12),
    );
}

#[test]
fn spanish_sheets() {
    check(
        &measure("es.json", Lang::Es, true),
        "es",
        (78, 6, 74, 82, 13),
    );
}

#[test]
fn chinese_sheets() {
    check(
        &measure("zh-Hant.json", Lang::ZhHant, true),
        "zh-Hant",
        (78, 6, 76, 83, 12),
    );
}

/// The set in `dir` ("heldout/", "third/"), played in `lang` and checked
/// against its bars; `set` names it in the printout.
fn later_set(dir: &str, set: &str, lang: Lang, bars: (usize, usize, usize, usize, usize)) {
    let code = lang.code();
    let f = measure_in(dir, &format!("{code}.json"), lang, true);
    check(&f, &format!("{set} {code}"), bars);
}

/// The held-out stories (tests/stories/heldout/), written, rated and
/// answered after every change above and measured once on the model as it
/// was (tests/stories/heldout/first-measurement.txt: under-triage 1 in each
/// language, which rule U17 fixed). The bars are the figures after U17, the
/// narrowed memory and agitation labels, the third and fourth sets' rules
/// and the causes rules name (with the changed questions answered again).
#[test]
fn heldout_english_sheets() {
    later_set("heldout/", "held-out", Lang::En, (41, 2, 38, 42, 12));
}

#[test]
fn heldout_spanish_sheets() {
    later_set("heldout/", "held-out", Lang::Es, (41, 2, 36, 40, 12));
}

#[test]
fn heldout_chinese_sheets() {
    later_set("heldout/", "held-out", Lang::ZhHant, (40, 3, 37, 41, 12));
}

/// The third set (tests/stories/third/), written, rated, translated and
/// answered after the held-out set had judged its changes, and measured once
/// before any change (tests/stories/third/first-measurement.txt: under-triage
/// 3, 3 and 2). The bars are the figures after the rules it prompted. In
/// Chinese, the last answering of `illness_signs` ticked "a blow to the head"
/// for a woman who walked into a wall when her eyelids shut (`t3-22`, urgent by
/// U5, the spec's floor; both raters said routine); the answering after the
/// screens merged no longer ticks it.
#[test]
fn third_raters_agreement() {
    agreement("third/", "third stories");
}

#[test]
fn third_english_sheets() {
    later_set("third/", "third", Lang::En, (40, 2, 35, 40, 12));
}

#[test]
fn third_spanish_sheets() {
    // Top three 41 until the restless-legs requirement (2026-12-08): t3-16's
    // spasticity (a spinal cord injury's legs that kick out, answered in
    // Spanish as sudden jerks with no stiffness ticked) fell to fourth,
    // behind restless legs.
    later_set("third/", "third", Lang::Es, (40, 2, 34, 40, 12));
}

#[test]
fn third_chinese_sheets() {
    later_set("third/", "third", Lang::ZhHant, (40, 2, 32, 40, 12));
}

/// The fourth set (tests/stories/fourth/), written, rated, translated and
/// answered after the third set had judged its changes, and measured once
/// before any change (tests/stories/fourth/first-measurement.txt:
/// under-triage 1, 3 and 3, fixed since by the word-finding item, U20 and
/// U21). The bars are the figures after those changes, and after memory was
/// split into fast and slow decline and known, unchanged weakness could be
/// left out (the over-triages of an 85-year-old's slow memory loss and of a
/// recovering arm ten days after a stroke).
#[test]
fn fourth_raters_agreement() {
    agreement("fourth/", "fourth stories");
}

#[test]
fn fourth_english_sheets() {
    later_set("fourth/", "fourth", Lang::En, (41, 3, 36, 43, 13));
}

#[test]
fn fourth_spanish_sheets() {
    later_set("fourth/", "fourth", Lang::Es, (41, 3, 35, 43, 12));
}

#[test]
fn fourth_chinese_sheets() {
    later_set("fourth/", "fourth", Lang::ZhHant, (41, 3, 38, 42, 12));
}

/// The fifth set (tests/stories/fifth/), written, rated, translated and
/// answered after the fourth set had judged its changes, and measured once
/// before any change (tests/stories/fifth/first-measurement.txt: under-triage
/// 4 in each language, fixed since by rules E20, E21, U22, U23 and U24 and
/// the swollen-limb item). The bars are the figures after those changes.
#[test]
fn fifth_raters_agreement() {
    agreement("fifth/", "fifth stories");
}

#[test]
fn fifth_english_sheets() {
    later_set("fifth/", "fifth", Lang::En, (40, 4, 34, 44, 13));
}

#[test]
fn fifth_spanish_sheets() {
    later_set("fifth/", "fifth", Lang::Es, (38, 6, 36, 44, 13));
}

#[test]
fn fifth_chinese_sheets() {
    later_set("fifth/", "fifth", Lang::ZhHant, (39, 5, 36, 43, 13));
}

/// The sixth set (tests/stories/sixth/), written, rated, translated and
/// answered after the fifth set had judged its changes (and after one
/// screen fewer, E22 and U25), and measured once before any change
/// (tests/stories/sixth/first-measurement.txt: under-triage 1, 1 and 2,
/// fixed since by rules U26 and R13). The bars are the figures after them
/// and U27 with its wound question (and after U30, which made `t6-44`, a
/// Parkinson's dyskinesia after a new tablet, urgent in English and
/// Spanish: over-triaged).
#[test]
fn sixth_raters_agreement() {
    agreement("sixth/", "sixth stories");
}

#[test]
fn sixth_english_sheets() {
    later_set("sixth/", "sixth", Lang::En, (39, 5, 39, 42, 13));
}

#[test]
fn sixth_spanish_sheets() {
    later_set("sixth/", "sixth", Lang::Es, (38, 6, 39, 42, 12));
}

#[test]
fn sixth_chinese_sheets() {
    later_set("sixth/", "sixth", Lang::ZhHant, (39, 5, 39, 42, 13));
}

/// The seventh set (tests/stories/seventh/), written, rated, translated and
/// answered after the sixth set had judged its changes, and measured once
/// before any change (tests/stories/seventh/first-measurement.txt:
/// under-triage 2 in each language, fixed since by R14, U28 and its `feet`
/// question). The bars are the figures after them.
#[test]
fn seventh_raters_agreement() {
    agreement("seventh/", "seventh stories");
}

#[test]
fn seventh_english_sheets() {
    later_set("seventh/", "seventh", Lang::En, (40, 4, 34, 42, 12));
}

#[test]
fn seventh_spanish_sheets() {
    later_set("seventh/", "seventh", Lang::Es, (40, 4, 37, 44, 13));
}

#[test]
fn seventh_chinese_sheets() {
    later_set("seventh/", "seventh", Lang::ZhHant, (40, 4, 36, 43, 12));
}

/// The eighth set (tests/stories/eighth/), written, rated and answered
/// after the seventh set had judged its changes, and measured once before
/// any change (tests/stories/eighth/first-measurement.txt: under-triage 2, 1
/// and 1, fixed since by U31, E24 and U17 reading the side only from 2
/// weeks). The bars are the figures after them.
#[test]
fn eighth_raters_agreement() {
    agreement("eighth/", "eighth stories");
}

#[test]
fn eighth_english_sheets() {
    later_set("eighth/", "eighth", Lang::En, (40, 4, 36, 43, 12));
}

#[test]
fn eighth_spanish_sheets() {
    later_set("eighth/", "eighth", Lang::Es, (37, 7, 32, 40, 12));
}

#[test]
fn eighth_chinese_sheets() {
    later_set("eighth/", "eighth", Lang::ZhHant, (39, 5, 36, 43, 12));
}

/// The ninth set (tests/stories/ninth/), written, rated and answered after
/// the eighth set had judged its changes, and measured once before any
/// change (tests/stories/ninth/first-measurement.txt: under-triage 1, 2 and
/// 0, fixed since by U32 and E25). The bars are the figures after them.
#[test]
fn ninth_raters_agreement() {
    agreement("ninth/", "ninth stories");
}

#[test]
fn ninth_english_sheets() {
    later_set("ninth/", "ninth", Lang::En, (40, 4, 32, 40, 13));
}

#[test]
fn ninth_spanish_sheets() {
    later_set("ninth/", "ninth", Lang::Es, (40, 4, 30, 38, 13));
}

#[test]
fn ninth_chinese_sheets() {
    later_set("ninth/", "ninth", Lang::ZhHant, (41, 3, 32, 40, 13));
}

/// The tenth set (tests/stories/tenth/), written, rated and answered after
/// the ninth set had judged its changes and the body-chemistry cause within
/// hours, and measured once before any change
/// (tests/stories/tenth/first-measurement.txt: under-triage 2 in each
/// language, fixed since by U33 and U34; the English stroke-side and
/// eye-and-mouth answers given again after they were found swapped). The
/// bars are the figures after them.
#[test]
fn tenth_raters_agreement() {
    agreement("tenth/", "tenth stories");
}

#[test]
fn tenth_english_sheets() {
    later_set("tenth/", "tenth", Lang::En, (40, 4, 30, 42, 13));
}

#[test]
fn tenth_spanish_sheets() {
    later_set("tenth/", "tenth", Lang::Es, (40, 4, 31, 41, 12));
}

#[test]
fn tenth_chinese_sheets() {
    later_set("tenth/", "tenth", Lang::ZhHant, (40, 4, 31, 42, 12));
}

/// The eleventh set (tests/stories/eleventh/), written, rated and answered
/// after the tenth set had judged its changes, and measured once before any
/// change (tests/stories/eleventh/first-measurement.txt: under-triage 1 in
/// English, fixed since by U35). The bars are the figures after it.
#[test]
fn eleventh_raters_agreement() {
    agreement("eleventh/", "eleventh stories");
}

#[test]
fn eleventh_english_sheets() {
    later_set("eleventh/", "eleventh", Lang::En, (40, 4, 35, 39, 13));
}

#[test]
fn eleventh_spanish_sheets() {
    later_set("eleventh/", "eleventh", Lang::Es, (37, 7, 35, 40, 13));
}

#[test]
fn eleventh_chinese_sheets() {
    later_set("eleventh/", "eleventh", Lang::ZhHant, (38, 6, 35, 41, 13));
}

/// The twelfth set (tests/stories/twelfth/), written, rated and answered
/// after the eleventh set had judged its changes (U35, restless legs' wider
/// requirement), and measured once before any change
/// (tests/stories/twelfth/first-measurement.txt: no under-triage in any
/// language). The bars are the figures after U33's exception for a flare of
/// known spasticity, which its over-triaged stroke story prompted (one more
/// question in that interview).
#[test]
fn twelfth_raters_agreement() {
    agreement("twelfth/", "twelfth stories");
}

#[test]
fn twelfth_english_sheets() {
    later_set("twelfth/", "twelfth", Lang::En, (41, 3, 38, 42, 13));
}

#[test]
fn twelfth_spanish_sheets() {
    later_set("twelfth/", "twelfth", Lang::Es, (41, 3, 38, 42, 13));
}

#[test]
fn twelfth_chinese_sheets() {
    later_set("twelfth/", "twelfth", Lang::ZhHant, (40, 4, 35, 43, 13));
}
