//! The adaptive interview: one question at a time.
//!
//! How the next question is chosen, in order:
//!
//! 1. **Safety screening.** While a finding that could still make an
//!    emergency or urgent rule fire is unknown (the result's `unanswered`),
//!    ask the question with the lowest `priority` that can settle one, or a
//!    `core` question (where and what the twitching is), whichever comes
//!    first. Red flags are screened before anything else.
//! 2. **Settling the level.** While the result would be `self_care` but a
//!    routine rule could still fire, ask the question most likely to fire
//!    one (under the current posterior), so that a self-care result never
//!    rests on an unasked routine rule and the others need not be asked.
//! 3. **Ranking.** For each remaining question, enumerate its answers,
//!    weigh each by how likely it is under the current posterior (the
//!    naive Bayes model predicts answers too), and compute the expected
//!    information gain about the explanation and the chance that the answer
//!    changes the first explanation. Ask the most informative question among
//!    those with at least [`TOP_CHANGE_MIN`] chance of changing the first
//!    explanation.
//! 4. **Nothing hidden under self-care**, within step 2 (so before step
//!    3): while the result would be `self_care`, what an explanation with
//!    a higher usual level requires and is unknown (a stroke, for twitching
//!    in the arm it weakened) is asked too, since the model alone would
//!    rarely find it worth asking. Such a question is weighed by the share
//!    of the posterior of the explanations whose requirement it asks (if
//!    one holds, that explanation may come first and make the result
//!    routine), a routine rule's question by its chance of firing one; the
//!    heavier is asked first.
//!
//! Step 1 also asks what the first explanation cannot be without (its
//! `requires`, such as MS, a spinal cord injury or a stroke that weakened
//! the twitching muscles for spasticity) while that is unknown, unless the result is an emergency.
//! The model predicts such an answer from the explanation itself, so step 3
//! would never find it worth asking, and the explanation shown would rest
//! on a guess.
//!
//! In step 1, when the level rests only on rules that fired because an
//! exception (`unless`) is not known yet, the questions that could establish
//! it are asked too: such a rule fires while its exception is unknown, so
//! that "not sure" never lowers a floor, and asking keeps that caution from
//! turning into a false alarm (a person on an antidepressant whose jerks
//! come only as they fall asleep is asked when the jerks happen).
//!
//! Once the result is `emergency`, screening stops: only the core questions
//! (one tap each), what the causes named by the most urgent fired rules
//! cannot be without while it is unknown (their `requires`: medicines, a
//! fever or fluid loss, a known condition), and step 3 remain, with its own
//! bar ([`EMERGENCY_TOP_CHANGE_MIN`]). The person is told to get help first
//! and may see the result at once; the questions that remain are the ones
//! that tell the doctors which cause it may be (a medicine such as lithium,
//! with sudden confusion), so their bar is lower than for other results.
//!
//! Everything is a pure function of the answers and the set of questions
//! already asked, so the same answers always give the same questions.

mod question;
mod value;

use question::parse_answer;
pub use question::{Question, QuestionOption};
use value::{value_of, LrTable};

use alloc::{string::String, vec::Vec};

use crate::assess::{assessment, c1_level, Analysis, Assessment};
use crate::error::{push_list, push_num, Error, ErrorKind};
use crate::findings::{Findings, Input, Value};
use crate::kb::{FindingId, Lang, Level, QuestionDef, EXPLANATIONS, QUESTIONS};
use crate::rules::{eval, lowerable, open as open_findings, FindingSet, Truth};
use crate::score::{sort_small, EXPLANATION_COUNT};

/// Ask a ranking question only if it changes the first explanation with at
/// least this probability. 0.4 since issue 30: at 0.1 the interview asked a
/// median of 11 questions on the lay stories' sixth answering and on the
/// structured sets, and the questions it added for the ranking brought as
/// many answering mistakes as corrections (on that answering, with one
/// model, the first explanation was right for 75/84 at 0.3 and 76/84 at
/// 0.4 and 0.5, in a median of 10 questions).
pub const TOP_CHANGE_MIN: f64 = 0.4;
/// The same bar once the result is already an emergency: the questions
/// after "get help now" are optional and tell the doctors which cause it may
/// be, so it is lower (a lithium level, with sudden confusion and jerks).
pub const EMERGENCY_TOP_CHANGE_MIN: f64 = 0.1;
/// At most this many answers in one interview (each re-answer counts, so that
/// a caller answering in a loop cannot grow the history without bound).
pub const MAX_ANSWERS: usize = 256;
/// Sets and checklists: answers with more ticks than this are not enumerated
/// (they carry little probability; this keeps the search small).
pub(crate) const MAX_TICKS: u32 = 3;

#[derive(Clone, Debug)]
struct Step {
    question: u8,
    /// Every finding the answer changed (its own, and those of follow-ups it
    /// made irrelevant), with its value before.
    previous: Vec<(FindingId, Value)>,
    /// The questions asked before it.
    asked: u32,
}

/// One person's interview: the answers so far and the questions asked.
#[derive(Clone, Debug)]
pub struct Interview {
    lang: Lang,
    findings: Findings,
    /// Bit `i`: question `i` was asked (the build allows at most 32 questions).
    asked: u32,
    history: Vec<Step>,
}

impl Default for Interview {
    fn default() -> Self {
        Interview::new(Lang::En)
    }
}

impl Interview {
    pub fn new(lang: Lang) -> Interview {
        Interview {
            lang,
            findings: Findings::new(),
            asked: 0,
            history: Vec::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Changes the language of the texts; the answers stay.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The answers so far.
    pub fn answers(&self) -> &Findings {
        &self.findings
    }

    /// How many answers have been given (and not taken back).
    pub fn answered(&self) -> usize {
        self.history.len()
    }

    /// The questions answered so far, in the order they were first answered
    /// (without follow-ups that a later answer made irrelevant).
    pub fn asked_in_order(&self) -> impl Iterator<Item = usize> + '_ {
        let mut seen = !self.asked;
        self.history.iter().filter_map(move |s| {
            let bit = 1u32 << s.question;
            let first = seen & bit == 0;
            seen |= bit;
            first.then_some(s.question as usize)
        })
    }

    /// Whether question `index` has been answered.
    pub fn was_asked(&self, index: usize) -> bool {
        self.asked & (1 << index) != 0
    }

    /// The findings of the questions answered so far that have no value:
    /// those the person answered "Not sure" (the FHIR export records them).
    pub fn not_sure(&self) -> crate::rules::FindingSet {
        let mut out = crate::rules::FindingSet::default();
        for (i, q) in QUESTIONS.iter().enumerate() {
            if self.was_asked(i) {
                for &f in q.findings() {
                    if !self.findings.is_known(f) {
                        out.insert(f);
                    }
                }
            }
        }
        out
    }

    /// The result for the answers so far.
    pub fn result(&self) -> Assessment {
        assessment(&self.findings, &Analysis::new(&self.findings), self.lang)
    }

    /// The next question, or `None` when the interview has enough to conclude.
    pub fn next(&self) -> Option<Question> {
        self.next_index().map(|i| Question::new(i, self.lang))
    }

    /// Index into [`QUESTIONS`] of the next question.
    pub fn next_index(&self) -> Option<usize> {
        let a = Analysis::new(&self.findings);
        let open = self.available();
        // 1. Safety screening, and the core questions. Once the result is an
        //    emergency, screening can stop, but the few core questions still
        //    come: the explanation shown must rest on where and what it is.
        //    And while the level rests on rules that fired only because an
        //    exception is not known yet, ask what could establish it.
        let mut must = if a.level == Level::Emergency {
            FindingSet::default()
        } else {
            a.outcome.unanswered
        };
        if a.level < EXPLANATIONS[a.top()].level {
            must = must.union(lowerable(&a.outcome, &self.findings));
        }
        // The first explanation must rest on what it cannot be without: the
        // model predicts that answer from the explanation itself, so it
        // would never find the question worth asking.
        match EXPLANATIONS[a.top()].requires {
            Some(req) if a.level != Level::Emergency => {
                open_findings(req, &self.findings, &mut must)
            }
            _ => {}
        }
        // Once the result is an emergency, what the causes its rules name
        // cannot be without, while unknown (sudden confusion names an
        // infection, fluid loss, a body-chemistry cause, a medicine...):
        // the answers that tell the doctors which it may be, and that let
        // rule C1 lead with the one the answers point to (days of vomiting
        // before confusion: fluid loss, not a brain illness never asked
        // about; a locked jaw on an anti-sickness medicine: a reaction to
        // it, not tetanus).
        if a.level == Level::Emergency {
            named_requirements(&a, &self.findings, &mut must);
        }
        // A core follow-up (with `ask_if`) is asked whenever its condition
        // holds, but not once the result is an emergency: it refines the
        // explanation, not where or what the twitching is.
        let core = |q: &QuestionDef| q.core && (q.ask_if.is_none() || a.level != Level::Emergency);
        if let Some(q) = lowest_priority(&open, |q| core(q) || touches(q, must)) {
            return Some(q);
        }
        // The model's answer likelihoods, for steps 2 and 3.
        let table = LrTable::new();
        if a.level != Level::Emergency {
            // 2. A self-care result must not rest on an unsettled routine rule.
            //    First the question most likely to fire one (then the others
            //    need not be asked): how long it has lasted or where, before
            //    a checklist of conditions that few people have.
            if a.level == Level::SelfCare {
                // 4. Nor on an explanation with a higher usual level left
                //    possible only because what it requires was never
                //    asked (a stroke, for twitching in the muscles it
                //    weakened): the model alone would rarely find that worth
                //    asking. Such a question is weighed by the share of the
                //    posterior of the explanations whose requirement it asks
                //    (if one holds, that explanation may come first and make
                //    the result routine), a routine rule's question by its
                //    chance of firing one; the heavier comes first.
                let mut need = [FindingSet::default(); EXPLANATION_COUNT];
                for (e, x) in EXPLANATIONS.iter().enumerate() {
                    if let (Some(c), true) = (x.requires, x.level < Level::SelfCare) {
                        open_findings(c, &self.findings, &mut need[e]);
                    }
                }
                let mut best: Option<(usize, f64)> = None;
                for &i in &open {
                    let q = &QUESTIONS[i];
                    let rule = touches(q, a.outcome.open_routine);
                    // Asked even when those explanations' share rounds
                    // to nothing: a requirement is never left unasked.
                    let mut needed = false;
                    let mut required = 0.0;
                    #[allow(clippy::needless_range_loop)] // (smaller in the element's build)
                    for e in 0..EXPLANATION_COUNT {
                        if touches(q, need[e]) {
                            needed = true;
                            required += a.posterior[e];
                        }
                    }
                    let p = if rule {
                        value_of(q, &a, &table, Some(&self.findings))
                            .routine_fire
                            .max(required)
                    } else {
                        required
                    };
                    if (rule || needed) && best.is_none_or(|(_, b)| p > b) {
                        best = Some((i, p));
                    }
                }
                if let Some((q, _)) = best {
                    return Some(q);
                }
            }
        }
        // 3. The most informative question that could change the first explanation.
        let bar = if a.level == Level::Emergency {
            EMERGENCY_TOP_CHANGE_MIN
        } else {
            TOP_CHANGE_MIN
        };
        let mut best: Option<(usize, f64)> = None;
        for &i in &open {
            let v = value_of(&QUESTIONS[i], &a, &table, None);
            if v.top_change >= bar && best.is_none_or(|(_, g)| v.gain > g) {
                best = Some((i, v.gain));
            }
        }
        if best.is_some() {
            return best.map(|(i, _)| i);
        }
        None
    }

    /// Questions not yet asked whose `ask_if` holds, in priority order.
    fn available(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..QUESTIONS.len())
            .filter(|&i| !self.was_asked(i))
            .filter(|&i| {
                QUESTIONS[i]
                    .ask_if
                    .is_none_or(|c| eval(c, &self.findings) == Truth::True)
            })
            .collect();
        sort_small(&mut v, |a, b| {
            QUESTIONS[*a].priority < QUESTIONS[*b].priority
        });
        v
    }

    /// Answers question `id`. On a bad answer nothing changes and the error
    /// says what the question expects.
    pub fn answer(&mut self, id: &str, value: &Input) -> Result<(), Error> {
        let index = QuestionDef::by_name(id).ok_or_else(|| {
            let mut expected = String::from("one of ");
            push_list(&mut expected, QUESTIONS.iter().map(|q| q.id));
            Error::new(ErrorKind::UnknownQuestion, id, &expected)
        })?;
        if self.history.len() >= MAX_ANSWERS {
            let mut expected = String::from("at most ");
            push_num(&mut expected, MAX_ANSWERS as u32);
            expected.push_str(" answers in one interview (go back, or start a new interview)");
            return Err(Error::new(ErrorKind::TooLarge, id, &expected));
        }
        let updates = parse_answer(&QUESTIONS[index], value)?;
        let moot_before = moot(&self.findings);
        let mut previous: Vec<_> = updates
            .iter()
            .map(|(f, _)| (*f, self.findings.get(*f)))
            .collect();
        for (f, v) in updates {
            self.findings.set(f, v)?;
        }
        let asked = self.asked;
        self.asked |= 1 << index;
        // A follow-up whose condition this answer made false (the eyelid and
        // face no longer both twitch, say) no longer counts: its answer is
        // forgotten, as if never asked, until `back` takes this answer back.
        // One answered while its condition was already false stays: the
        // caller said it on purpose. (Only a changed answer can do this: a
        // condition true with some answers unknown stays true whatever they
        // turn out to be, and forgetting an answer cannot make one false.)
        let gone = moot(&self.findings) & !moot_before & asked;
        for (i, q) in QUESTIONS.iter().enumerate() {
            if gone & (1 << i) != 0 {
                for &f in q.findings() {
                    previous.push((f, self.findings.get(f)));
                    // Unknown is valid for every finding.
                    let _ = self.findings.set(f, Value::Unknown);
                }
            }
        }
        self.asked &= !gone;
        self.history.push(Step {
            question: index as u8,
            previous,
            asked,
        });
        Ok(())
    }

    /// Takes back the last answer. Returns false when there was none.
    pub fn back(&mut self) -> bool {
        let Some(step) = self.history.pop() else {
            return false;
        };
        // In reverse: a finding changed twice gets its first value back.
        for (f, v) in step.previous.into_iter().rev() {
            // The previous values were valid when they were set.
            let _ = self.findings.set(f, v);
        }
        self.asked = step.asked;
        true
    }
}

/// The unknown findings that what the causes rule C1 leads from require
/// could still turn on (the fired rules of [`c1_level`]).
fn named_requirements(a: &Analysis, f: &Findings, out: &mut FindingSet) {
    let Some(level) = c1_level(&a.outcome, &a.posterior) else {
        return;
    };
    for r in a.outcome.fired.iter().filter(|r| r.def().level == level) {
        for &e in r.def().evidence_for {
            if let Some(req) = EXPLANATIONS[e as usize].requires {
                open_findings(req, f, out);
            }
        }
    }
}

/// The follow-ups whose condition the answers make false, as question bits.
#[inline(never)]
fn moot(f: &Findings) -> u32 {
    let mut m = 0;
    for (i, q) in QUESTIONS.iter().enumerate() {
        if q.ask_if.is_some_and(|c| eval(c, f) == Truth::False) {
            m |= 1 << i;
        }
    }
    m
}

fn touches(q: &'static QuestionDef, set: FindingSet) -> bool {
    q.findings().iter().any(|f| set.contains(*f))
}

fn lowest_priority(open: &[usize], pred: impl Fn(&'static QuestionDef) -> bool) -> Option<usize> {
    // `open` is sorted by priority.
    open.iter().copied().find(|&i| pred(&QUESTIONS[i]))
}
