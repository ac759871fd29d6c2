//! Prints the whole questionnaire as the product shows it, for a person who
//! answers the lay stories (tests/stories/README.md):
//!
//! ```sh
//! cargo run --example questionnaire -- en      # or es, zh-Hant
//! ```

#[path = "../tests/stories/questionnaire.rs"]
#[allow(dead_code)] // to_input is the harness's
mod questionnaire;

use twitch_triage::kb::Lang;

fn main() {
    let tag = std::env::args().nth(1).unwrap_or_else(|| "en".into());
    let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == tag) else {
        eprintln!("questionnaire: no language {tag:?} (en, es, zh-Hant)");
        std::process::exit(2);
    };
    println!(
        "QUESTIONNAIRE ({tag}), digest {}\n\n\
         Answer every question as the person in the story would, from what the story says.\n\
         Some questions are shown only after certain answers; answer each one anyway.\n\
         Answers: a letter, or ? for not sure (choose one); a list of letters, [] for none\n\
         (tick any); yes, no or ? (yes/no); a whole number or ? (number).",
        questionnaire::digest(lang)
    );
    print!("{}", questionnaire::render(lang));
}
