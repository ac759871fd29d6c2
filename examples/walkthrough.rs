//! A terminal walk-through of the interview: `cargo run --example walkthrough`.
//!
//! Answer by number (several numbers separated by commas or spaces for "tick
//! all that apply"), `y` / `n` / `?` for yes / no / not sure, `b` to go back.
//! Everything stays on this computer.

use std::io::{self, BufRead, Write};

use twitch_triage::kb::QuestionKind;
use twitch_triage::{Input, Interview, Question};

fn main() {
    let mut iv = Interview::default();
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    println!("twitch-triage: a few questions about your twitching. This is not a diagnosis.\n");
    while let Some(q) = iv.next() {
        show(iv.answered() + 1, &q);
        print!("> ");
        io::stdout().flush().ok();
        let Some(Ok(line)) = lines.next() else {
            println!("\n(no more input: showing the result so far)");
            break;
        };
        let line = line.trim();
        if line == "b" {
            iv.back();
            continue;
        }
        match parse(&q, line).and_then(|v| iv.answer(q.id, &v).map_err(|e| e.message)) {
            Ok(()) => println!(),
            Err(msg) => println!("  Sorry, that did not work: {msg}\n"),
        }
    }
    let r = iv.result();
    println!("=== {} ===", r.triage.id().replace('_', " ").to_uppercase());
    for a in &r.advice {
        println!("- {a}");
    }
    println!("\nPossible explanations:");
    for e in &r.explanations {
        println!("- {} (because of: {})", e.name, e.reasons.join(", "));
    }
    if !r.complete {
        println!("\nNot answered: {}", r.unanswered.join(", "));
    }
}

fn show(n: usize, q: &Question) {
    println!("Question {n}: {}", q.text);
    if let Some(h) = q.hint {
        println!("  ({h})");
    }
    match q.kind {
        QuestionKind::YesNo => println!("  y = yes, n = no, ? = not sure"),
        QuestionKind::Number => println!("  a number, or ? for not sure"),
        _ => {
            for (i, o) in q.options.iter().flatten().enumerate() {
                println!("  {}. {}", i + 1, o.label);
            }
            match q.kind {
                QuestionKind::One => println!("  one number, or ? for not sure"),
                _ => println!("  numbers separated by commas, or 0 for none of these"),
            }
        }
    }
}

fn parse(q: &Question, line: &str) -> Result<Input, String> {
    let options = q.options.as_deref().unwrap_or(&[]);
    let pick = |s: &str| -> Result<Input, String> {
        let i: usize = s
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} is not a number"))?;
        options
            .get(i.wrapping_sub(1))
            .map(|o| Input::from(o.value))
            .ok_or(format!("there is no option {i}"))
    };
    match q.kind {
        QuestionKind::YesNo => match line {
            "y" | "yes" => Ok(Input::Bool(true)),
            "n" | "no" => Ok(Input::Bool(false)),
            "?" | "" => Ok(Input::Null),
            _ => Err("answer y, n or ?".into()),
        },
        QuestionKind::Number => match line {
            "?" | "" => Ok(Input::Null),
            n => n
                .parse::<f64>()
                .map(Input::Number)
                .map_err(|_| "enter a number".into()),
        },
        QuestionKind::One => match line {
            "?" | "" => Ok(Input::Null),
            s => pick(s),
        },
        QuestionKind::Many | QuestionKind::Checklist => line
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty() && *s != "0")
            .map(pick)
            .collect::<Result<Vec<_>, _>>()
            .map(Input::List),
    }
}
