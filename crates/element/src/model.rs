//! What a screen shows, as plain data: the interview, the screen, the
//! emergency number, what the host page receives, the form's error and the
//! answers waiting on it. No DOM handle: the views (`view`, a pure function
//! of a [`Model`]) compile and are snapshot-tested natively
//! (`tests/snapshots.rs`); `lifecycle::State` holds a model and the DOM.

use alloc::{string::String, vec, vec::Vec};

use crate::detail::Share;
use crate::resolve::DEFAULT_NUMBER;
use twitch_triage::kb::{t, Lang, TextId, QUESTIONS};
use twitch_triage::{Input, Interview};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The question at this index of [`QUESTIONS`].
    Question(usize),
    Result,
}

impl Screen {
    /// The interview's next question, or the result when it has none.
    pub fn next(interview: &Interview) -> Screen {
        interview
            .next_index()
            .map_or(Screen::Result, Screen::Question)
    }
}

/// What became of the last "Copy summary" (said under the buttons).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CopyState {
    Idle,
    Done,
    /// No clipboard, or it refused: the summary is shown to copy by hand.
    Failed,
}

/// Everything a screen's rendering reads.
pub struct Model {
    pub interview: Interview,
    pub screen: Screen,
    /// The current question was submitted without a valid answer.
    pub error: bool,
    /// What was in the number field when the form was last read ("Continue"
    /// or a host's attribute change): shown again with the error, or when
    /// there is no answer to show, so the person can correct it rather than
    /// type it again.
    pub typed: String,
    /// The last answer given to each question, to show it again after "Back"
    /// (or left on its form when a host's attribute change rebuilt the screen).
    pub last: Vec<Option<Input>>,
    pub number: String,
    /// Where the number came from, when the host set none: the note shown
    /// under it (the region of a language tag, or 112 and "use your local
    /// number"); `None` for a number the host set.
    pub number_note: Option<TextId>,
    /// What the host page receives with the completion event (and is told
    /// on every screen, SAFETY H20): see [`Share`].
    pub share: Share,
    pub copy: CopyState,
    /// The last "Download for your doctor" failed (the file could not be
    /// made here): said under the buttons.
    pub download_failed: bool,
}

impl Model {
    /// A new interview in `lang` at its first question, with the default
    /// number (112, "use your local number") and nothing shared.
    pub fn new(lang: Lang) -> Model {
        let interview = Interview::new(lang);
        Model {
            screen: Screen::next(&interview),
            interview,
            error: false,
            typed: String::new(),
            last: vec![None; QUESTIONS.len()],
            number: DEFAULT_NUMBER.into(),
            number_note: Some(t::EMERGENCY_NOTE),
            share: Share::Nothing,
            copy: CopyState::Idle,
            download_failed: false,
        }
    }
}
