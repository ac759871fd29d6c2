//! The element's build script: minifies `style.css` into
//! `$OUT_DIR/style.min.css` (a constructable stylesheet in the wasm), and
//! hands the language packs the core's build made (`links` metadata) to the
//! wasm-bindgen tests, which install them as `element.js` does
//! (`TWITCH_TRIAGE_TEXTS`).

fn main() {
    println!("cargo:rerun-if-changed=style.css");
    let css = std::fs::read_to_string("style.css").expect("style.css");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("style.min.css"), minify_css(&css)).unwrap();
    let texts = std::env::var("DEP_TWITCH_TRIAGE_KB_TEXTS")
        .expect("the core's build script names its packs");
    println!("cargo:rustc-env=TWITCH_TRIAGE_TEXTS={texts}");
}

/// Strips comments and needless whitespace from the element's stylesheet.
/// Spaces that are combinators (`.tt *`, `.tt :is(...)`) are kept.
fn minify_css(css: &str) -> String {
    let mut no_comments = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        no_comments.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    no_comments.push_str(rest);
    let collapsed = no_comments.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            // (A space after ':' only ever follows a property name or a media
            // feature here; selectors never have one.)
            if "{};,>:".contains(prev) || "{};,>".contains(next) {
                continue;
            }
        }
        // A number's leading zero (`0.5em` is `.5em`), after what can
        // come before a number in a value (never inside one: `10.5`).
        if c == '0'
            && chars.get(i + 1) == Some(&'.')
            && chars.get(i + 2).is_some_and(char::is_ascii_digit)
            && i > 0
            && " :,(-".contains(chars[i - 1])
        {
            continue;
        }
        out.push(c);
    }
    // Six-digit colours that have a three-digit form.
    out.replace(";}", "}")
        .replace("#000000", "#000")
        .replace("#ffffff", "#fff")
}
