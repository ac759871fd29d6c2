//! The lay stories' harness (tests/stories/README.md), shared by
//! `tests/stories.rs` and `tests/validation.rs`: the raters' gold standard,
//! a sheet played through the interview, and the figures of a set. The
//! including crate declares `questionnaire` (tests/stories/questionnaire.rs).
#![allow(dead_code)]

use std::collections::BTreeMap;

use serde_json::Value as J;
use twitch_triage::kb::{Lang, Level, QUESTIONS};
use twitch_triage::Interview;

pub fn read(path: &str) -> J {
    let full = format!("{}/tests/stories/{path}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&src).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn level(id: &str) -> Level {
    Level::ALL
        .into_iter()
        .find(|l| l.id() == id)
        .unwrap_or_else(|| panic!("no level {id:?}"))
}

/// What the two raters accept for one story.
#[derive(Debug)]
pub struct Gold {
    /// The least urgent level every rater accepts or would go above (the
    /// highest of each rater's lowest acceptable level): below it is
    /// under-triage.
    pub floor: Level,
    /// The most urgent level any rater accepts: above it is over-triage.
    pub ceiling: Level,
    /// The explanations either rater accepts in first place.
    pub first: Vec<String>,
    /// Each rater's own level.
    pub levels: Vec<Level>,
}

/// The story sets: each one's directory under tests/stories/ and the name
/// its figures are reported under.
pub const SETS: [(&str, &str); 12] = [
    ("", "stories"),
    ("heldout/", "held-out"),
    ("third/", "third"),
    ("fourth/", "fourth"),
    ("fifth/", "fifth"),
    ("sixth/", "sixth"),
    ("seventh/", "seventh"),
    ("eighth/", "eighth"),
    ("ninth/", "ninth"),
    ("tenth/", "tenth"),
    ("eleventh/", "eleventh"),
    ("twelfth/", "twelfth"),
];

/// The gold standard of the set in `dir` (one of [`SETS`]).
pub fn gold_in(dir: &str) -> BTreeMap<String, Gold> {
    let mut out: BTreeMap<String, Gold> = BTreeMap::new();
    for rater in ["rater-A", "rater-B"] {
        for r in read(&format!("{dir}gold/{rater}.json")).as_array().unwrap() {
            let id = r["id"].as_str().unwrap().to_string();
            let own = level(r["level"].as_str().unwrap());
            let also = r["also_acceptable"].as_str().map(level);
            // Level's order: a < b means a is more urgent.
            let least = also.map_or(own, |a| a.max(own));
            let most = also.map_or(own, |a| a.min(own));
            let g = out.entry(id).or_insert(Gold {
                floor: Level::SelfCare,
                ceiling: Level::SelfCare,
                first: Vec::new(),
                levels: Vec::new(),
            });
            g.floor = g.floor.min(least);
            g.ceiling = g.ceiling.min(most);
            g.levels.push(own);
            for f in r["first"].as_array().unwrap() {
                let f = f.as_str().unwrap().to_string();
                if !g.first.contains(&f) {
                    g.first.push(f);
                }
            }
        }
    }
    out
}

/// One story played through the interview.
pub struct Played {
    pub id: String,
    pub triage: Level,
    pub explanations: Vec<&'static str>,
    pub questions: usize,
    /// The questions asked, in order.
    pub asked: Vec<&'static str>,
    /// The first three explanations with their scores.
    pub scores: Vec<(&'static str, f64)>,
    /// The explanation that scores highest (unrounded), whichever leads.
    pub best: &'static str,
    /// The rules that fired.
    pub rules: Vec<&'static str>,
    /// The answers as findings, for the trace.
    pub findings: String,
}

/// Plays `sheet` (one story's answers, by question id) through an interview
/// in `lang`, answering each question the interview asks from the sheet.
pub fn play(lang: Lang, id: &str, sheet: &serde_json::Map<String, J>) -> Played {
    let mut interview = Interview::new(lang);
    let mut asked = Vec::new();
    while let Some(i) = interview.next_index() {
        let q = QUESTIONS[i].id;
        asked.push(q);
        let answer = sheet
            .get(q)
            .unwrap_or_else(|| panic!("{id}: the sheet does not answer {q}"));
        let input =
            crate::questionnaire::to_input(i, answer).unwrap_or_else(|e| panic!("{id}: {e}"));
        interview
            .answer(q, &input)
            .unwrap_or_else(|e| panic!("{id}: {q}: {e:?}"));
        assert!(
            asked.len() <= QUESTIONS.len(),
            "{id}: the interview does not end"
        );
    }
    let a = interview.result();
    Played {
        id: id.to_string(),
        triage: a.triage,
        explanations: a.explanations.iter().map(|e| e.id).collect(),
        questions: asked.len(),
        scores: a
            .explanations
            .iter()
            .take(6)
            .map(|e| (e.id, (e.score * 1000.0).round() / 1000.0))
            .collect(),
        best: a
            .explanations
            .iter()
            .max_by(|x, y| x.score.total_cmp(&y.score))
            .map_or("", |e| e.id),
        rules: a.rules.iter().map(|r| r.id()).collect(),
        findings: format!("{:?}", interview.answers()),
        asked,
    }
}

/// The figures of one set.
#[derive(Debug, Default)]
pub struct Figures {
    pub n: usize,
    pub within: usize,
    pub under: Vec<String>,
    pub over: Vec<String>,
    pub first: usize,
    pub top3: usize,
    pub questions: Vec<usize>,
    /// (the raters' first choice, the first explanation shown) where the
    /// shown one is not one the raters accept.
    pub misses: Vec<(String, String)>,
    /// Misses where the explanation that scores highest is one the raters
    /// accept, but a cause a fired urgent or emergency rule names leads
    /// (rule C1: such a result never leads with a cause no fired rule
    /// points to).
    pub c1_led: usize,
    /// Of those, the ones whose level is above the raters' range too.
    pub c1_led_over: usize,
}

/// `x/n (p%)`.
pub fn pct(x: usize, n: usize) -> String {
    format!("{x}/{n} ({:.0}%)", 100.0 * x as f64 / n as f64)
}

/// The median of `v` (the mean of the middle two when there are two).
pub fn median(v: &[usize]) -> f64 {
    let mut q = v.to_vec();
    q.sort();
    let n = q.len();
    if n % 2 == 1 {
        q[n / 2] as f64
    } else {
        (q[n / 2 - 1] + q[n / 2]) as f64 / 2.0
    }
}

impl Figures {
    pub fn median(&self) -> f64 {
        median(&self.questions)
    }
    pub fn print(&self, set: &str) {
        let n = self.n;
        println!(
            "stories {set}: level within the raters' range {}, under-triage {} {:?}, over-triage {} {:?}, first explanation {}, top three {}, questions median {} max {}",
            pct(self.within, n),
            self.under.len(),
            self.under,
            self.over.len(),
            self.over,
            pct(self.first, n),
            pct(self.top3, n),
            self.median(),
            self.questions.iter().max().unwrap(),
        );
    }
}

/// Plays every sheet of the first set's `file` (answered in `lang`) and scores it.
pub fn measure(file: &str, lang: Lang, verbose: bool) -> Figures {
    measure_in("", file, lang, verbose)
}

/// The same for the set in `dir` (see [`gold_in`]).
pub fn measure_in(dir: &str, file: &str, lang: Lang, verbose: bool) -> Figures {
    let sheets = read(&format!("{dir}sheets/{file}"));
    let want = crate::questionnaire::digest(lang);
    assert_eq!(
        sheets["questionnaire"].as_str(),
        Some(want.as_str()),
        "{dir}sheets/{file} was answered against another version of the questionnaire: \
         answer the stories again (tests/stories/README.md)"
    );
    let gold = gold_in(dir);
    let mut f = Figures::default();
    for s in sheets["sheets"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        let g = gold
            .get(id)
            .unwrap_or_else(|| panic!("{id}: no gold standard"));
        let p = play(lang, id, s["answers"].as_object().unwrap());
        f.n += 1;
        // Level's order: a < b means a is more urgent.
        let under = p.triage > g.floor;
        let over = p.triage < g.ceiling;
        if under {
            f.under.push(id.to_string());
        } else if over {
            f.over.push(id.to_string());
        } else {
            f.within += 1;
        }
        let first = g.first.iter().any(|x| x == p.explanations[0]);
        let top3 = p
            .explanations
            .iter()
            .take(3)
            .any(|e| g.first.iter().any(|x| x == e));
        f.first += first as usize;
        f.top3 += top3 as usize;
        f.questions.push(p.questions);
        if !first {
            f.misses
                .push((g.first[0].clone(), p.explanations[0].to_string()));
            if g.first.iter().any(|x| x == p.best) {
                f.c1_led += 1;
                f.c1_led_over += over as usize;
            }
        }
        if !verbose {
            continue;
        }
        println!(
            "{id} {:9} raters {:?} range {}..{} {} first {:24} {} {} questions{}",
            p.triage.id(),
            g.levels.iter().map(|l| l.id()).collect::<Vec<_>>(),
            g.floor.id(),
            g.ceiling.id(),
            if under {
                "UNDER"
            } else if over {
                "over"
            } else {
                "ok"
            },
            p.explanations[0],
            if first {
                "ok"
            } else if top3 {
                "top3"
            } else {
                "MISS"
            },
            p.questions,
            if first {
                String::new()
            } else {
                format!(" (raters accept {:?})", g.first)
            },
        );
        // STORIES_TRACE=1: the questions asked, the first three scores and
        // the rules that fired, for a reviewer tracing one result.
        if std::env::var_os("STORIES_TRACE").is_some() {
            println!(
                "    asked {:?}\n    top {:?} rules {:?}\n    findings {}",
                p.asked, p.scores, p.rules, p.findings
            );
        }
    }
    f
}
