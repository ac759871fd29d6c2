//! The condition language's tokens: names, whole numbers and symbols.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Num(u32),
    Sym(&'static str),
}

pub(super) fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let b = src.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i] as char;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_lowercase() || c == '_' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(src[s..i].to_string()));
        } else if c.is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok::Num(src[s..i].parse().unwrap()));
        } else {
            let two = if i + 1 < b.len() { &src[i..i + 2] } else { "" };
            let sym = match two {
                "<=" => Some("<="),
                ">=" => Some(">="),
                _ => None,
            };
            if let Some(s) = sym {
                out.push(Tok::Sym(s));
                i += 2;
                continue;
            }
            let s = match c {
                '&' => "&",
                '|' => "|",
                '!' => "!",
                '(' => "(",
                ')' => ")",
                '[' => "[",
                ']' => "]",
                ',' => ",",
                '=' => "=",
                '<' => "<",
                '>' => ">",
                _ => return Err(format!("unexpected character {c:?}")),
            };
            out.push(Tok::Sym(s));
            i += 1;
        }
    }
    Ok(out)
}
