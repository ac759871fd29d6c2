//! The condition language's parser (recursive descent, `|` binding looser
//! than `&`), with the names of definitions expanded in place; its unit
//! tests cover every form of the grammar and each mistake's message.

use std::collections::BTreeMap;

use super::lex::{lex, Tok};
use super::Cond;
use crate::model::{Finding, Kind};

pub struct Parser<'a> {
    pub findings: &'a [Finding],
    pub defines: &'a BTreeMap<String, String>,
}

struct State<'a, 'b> {
    p: &'b Parser<'a>,
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    pub fn parse(&self, src: &str) -> Result<Cond, String> {
        self.parse_depth(src, 0)
    }

    fn parse_depth(&self, src: &str, depth: usize) -> Result<Cond, String> {
        if depth > 8 {
            return Err("definitions nest too deeply (a definition uses itself?)".into());
        }
        let toks = lex(src)?;
        let mut st = State {
            p: self,
            toks,
            pos: 0,
            depth,
        };
        let c = st.or()?;
        if st.pos != st.toks.len() {
            return Err(format!("unexpected {:?} in {src:?}", st.toks[st.pos]));
        }
        Ok(c)
    }
}

impl State<'_, '_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn eat(&mut self, s: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Sym(x)) if *x == s) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, s: &str) -> Result<(), String> {
        if self.eat(s) {
            Ok(())
        } else {
            Err(format!("expected {s:?}, found {:?}", self.peek()))
        }
    }
    fn ident(&mut self) -> Result<String, String> {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Ident(s)) => {
                self.pos += 1;
                Ok(s)
            }
            t => Err(format!("expected a name, found {t:?}")),
        }
    }
    fn keyword(&mut self, k: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Ident(x)) if x == k) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Cond, String> {
        let mut c = self.and()?;
        while self.eat("|") {
            let r = self.and()?;
            c = Cond::or(c, r);
        }
        Ok(c)
    }
    fn and(&mut self) -> Result<Cond, String> {
        let mut c = self.unary()?;
        while self.eat("&") {
            let r = self.unary()?;
            c = Cond::and(c, r);
        }
        Ok(c)
    }
    fn unary(&mut self) -> Result<Cond, String> {
        if self.eat("!") {
            return match self.unary()? {
                c @ (Cond::Not(_) | Cond::Unless(_) | Cond::And(_) | Cond::Or(_)) => Err(format!(
                    "`!` applies to one answer only; write an exception as `unless ...`, \
                     which lowers the floor only once the answers establish it: !{c:?}"
                )),
                c => Ok(Cond::Not(Box::new(c))),
            };
        }
        if self.keyword("unless") {
            return Ok(Cond::Unless(Box::new(self.unary()?)));
        }
        if self.eat("(") {
            let c = self.or()?;
            self.expect(")")?;
            return Ok(c);
        }
        self.atom()
    }

    fn values(&mut self, f: &Finding) -> Result<u16, String> {
        let mut mask = 0u16;
        let one = |name: &str| -> Result<u16, String> {
            f.values
                .iter()
                .position(|v| v.id == name)
                .map(|i| 1u16 << i)
                .ok_or_else(|| format!("{:?} is not a value of {:?}", name, f.id))
        };
        if self.eat("[") {
            loop {
                let v = self.ident()?;
                mask |= one(&v)?;
                if self.eat("]") {
                    break;
                }
                self.expect(",")?;
            }
        } else {
            let v = self.ident()?;
            mask |= one(&v)?;
        }
        Ok(mask)
    }

    fn atom(&mut self) -> Result<Cond, String> {
        let name = self.ident()?;
        if let Some(src) = self.p.defines.get(&name) {
            return self
                .p
                .parse_depth(src, self.depth + 1)
                .map_err(|e| format!("in definition {name:?}: {e}"));
        }
        let (idx, f) = self
            .p
            .findings
            .iter()
            .enumerate()
            .find(|(_, f)| f.id == name)
            .ok_or_else(|| format!("unknown finding or definition {name:?}"))?;
        match f.kind {
            Kind::Bool => Ok(Cond::Bool(idx)),
            Kind::One => {
                if self.eat("=") || self.keyword("in") {
                    Ok(Cond::OneIn(idx, self.values(f)?))
                } else {
                    Err(format!(
                        "{name:?} is a one-of finding: use `= value` or `in [..]`"
                    ))
                }
            }
            Kind::Set => {
                if self.keyword("has") {
                    Ok(Cond::SetAny(idx, self.values(f)?))
                } else if self.keyword("only") {
                    Ok(Cond::SetOnly(idx, self.values(f)?))
                } else if self.keyword("any") {
                    let all = ((1u32 << f.values.len()) - 1) as u16;
                    Ok(Cond::SetAny(idx, all))
                } else {
                    Err(format!(
                        "{name:?} is a set finding: use `has`, `only` or `any`"
                    ))
                }
            }
            Kind::Int { min, max } => {
                let op = match self.peek() {
                    Some(Tok::Sym(s)) if ["<", "<=", ">", ">="].contains(s) => *s,
                    t => {
                        return Err(format!(
                            "{name:?} is a number: expected a comparison, found {t:?}"
                        ))
                    }
                };
                self.pos += 1;
                let n = match self.toks.get(self.pos) {
                    Some(Tok::Num(n)) => *n,
                    t => return Err(format!("expected a number, found {t:?}")),
                };
                self.pos += 1;
                if n < min as u32 || n > max as u32 + 1 {
                    return Err(format!("{n} is outside {name:?}'s range {min}..={max}"));
                }
                let n = n as u8;
                Ok(match op {
                    "<" => Cond::IntLt(idx, n),
                    "<=" => Cond::IntLt(idx, n + 1),
                    ">" => Cond::IntGe(idx, n + 1),
                    _ => Cond::IntGe(idx, n),
                })
            }
        }
    }
}

/// The grammar (the header of `kb/rules.toml`) and its error messages, on a
/// small knowledge base of one finding of each kind.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Val;

    fn finding(id: &str, kind: Kind, values: &[&str]) -> Finding {
        Finding {
            id: id.into(),
            kind,
            label: 0,
            values: values
                .iter()
                .map(|v| Val {
                    id: (*v).into(),
                    label: 0,
                    background: 0.0,
                    range: (0, 0),
                })
                .collect(),
            background: 0.0,
            slot: 0,
        }
    }

    fn parse(src: &str) -> Result<Cond, String> {
        let findings = [
            finding("weakness", Kind::Bool, &[]),
            finding("movement", Kind::One, &["flicker", "jerk", "shaking"]),
            finding("medicines", Kind::Set, &["lithium", "steroid", "diuretic"]),
            finding("age", Kind::Int { min: 0, max: 120 }, &[]),
        ];
        let defines: BTreeMap<String, String> = [
            ("risky", "medicines has lithium | age >= 65"),
            ("itself", "weakness & itself"),
            ("broken", "movement = wobble"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        Parser {
            findings: &findings,
            defines: &defines,
        }
        .parse(src)
    }

    use Cond::*;

    fn not(c: Cond) -> Cond {
        Not(Box::new(c))
    }

    fn unless(c: Cond) -> Cond {
        Unless(Box::new(c))
    }

    #[test]
    fn each_answer_form_compiles_to_its_condition() {
        assert_eq!(parse("weakness"), Ok(Bool(0)));
        assert_eq!(parse("!weakness"), Ok(not(Bool(0))));
        assert_eq!(parse("movement = jerk"), Ok(OneIn(1, 0b010)));
        assert_eq!(parse("movement in [jerk, shaking]"), Ok(OneIn(1, 0b110)));
        assert_eq!(parse("medicines has lithium"), Ok(SetAny(2, 0b001)));
        assert_eq!(
            parse("medicines has [lithium, diuretic]"),
            Ok(SetAny(2, 0b101))
        );
        assert_eq!(parse("medicines any"), Ok(SetAny(2, 0b111)));
        assert_eq!(parse("medicines only [steroid]"), Ok(SetOnly(2, 0b010)));
        // Comparisons become `<` or `>=` a whole number.
        assert_eq!(parse("age < 16"), Ok(IntLt(3, 16)));
        assert_eq!(parse("age <= 16"), Ok(IntLt(3, 17)));
        assert_eq!(parse("age > 64"), Ok(IntGe(3, 65)));
        assert_eq!(parse("age >= 65"), Ok(IntGe(3, 65)));
        assert_eq!(parse("age >= 121"), Ok(IntGe(3, 121)));
    }

    #[test]
    fn and_binds_tighter_than_or_and_groups_flatten() {
        assert_eq!(
            parse("weakness | movement = jerk & age < 16"),
            Ok(Or(vec![Bool(0), And(vec![OneIn(1, 0b010), IntLt(3, 16)])]))
        );
        assert_eq!(
            parse("(weakness | movement = jerk) & age < 16"),
            Ok(And(vec![Or(vec![Bool(0), OneIn(1, 0b010)]), IntLt(3, 16)]))
        );
        assert_eq!(
            parse("weakness & medicines any & age < 16"),
            Ok(And(vec![Bool(0), SetAny(2, 0b111), IntLt(3, 16)]))
        );
    }

    #[test]
    fn an_exception_is_unless_and_a_definition_is_its_condition() {
        let c = parse("weakness & unless movement = flicker").unwrap();
        assert_eq!(c, And(vec![Bool(0), unless(OneIn(1, 0b001))]));
        assert!(c.has_unless());
        assert!(!parse("weakness & !movement = flicker")
            .unwrap()
            .has_unless());
        assert_eq!(
            parse("weakness & risky"),
            Ok(And(vec![Bool(0), Or(vec![SetAny(2, 0b001), IntGe(3, 65)])]))
        );
        assert_eq!(
            parse("movement = jerk & unless (weakness | age < 16)").unwrap().to_rust(),
            "Cond::And(&[Cond::OneIn(FindingId(1), 0x2), Cond::Unless(&Cond::Or(&[Cond::Bool(FindingId(0)), Cond::IntLt(FindingId(3), 16)]))])"
        );
    }

    #[test]
    fn each_mistake_is_refused_with_what_was_wrong() {
        for (src, says) in [
            ("weaknes", "unknown finding or definition \"weaknes\""),
            (
                "movement = wobble",
                "\"wobble\" is not a value of \"movement\"",
            ),
            (
                "movement",
                "\"movement\" is a one-of finding: use `= value` or `in [..]`",
            ),
            (
                "medicines = lithium",
                "\"medicines\" is a set finding: use `has`, `only` or `any`",
            ),
            (
                "age = 3",
                "\"age\" is a number: expected a comparison, found Some(Sym(\"=\"))",
            ),
            ("age < old", "expected a number, found Some(Ident(\"old\"))"),
            ("age < 200", "200 is outside \"age\"'s range 0..=120"),
            (
                "!(weakness & age < 16)",
                "`!` applies to one answer only; write an exception as `unless ...`",
            ),
            ("!!weakness", "`!` applies to one answer only"),
            ("weakness & ", "expected a name, found None"),
            ("(weakness", "expected \")\", found None"),
            (
                "movement in [jerk shaking]",
                "expected \",\", found Some(Ident(\"shaking\"))",
            ),
            (
                "weakness weakness",
                "unexpected Ident(\"weakness\") in \"weakness weakness\"",
            ),
            ("weakness + age < 16", "unexpected character '+'"),
            ("Weakness", "unexpected character 'W'"),
            ("itself", "in definition \"itself\": "),
            (
                "itself",
                "definitions nest too deeply (a definition uses itself?)",
            ),
            (
                "weakness | broken",
                "in definition \"broken\": \"wobble\" is not a value of \"movement\"",
            ),
        ] {
            let err = parse(src).expect_err(src);
            assert!(err.contains(says), "{src:?}: {err:?} does not say {says:?}");
        }
    }
}
