//! Writing JSON without serde's serializer: `Value` trees built with [`obj`] and friends and
//! printed by [`pretty`]. The app writes little JSON (the report form's entry, the explorer's
//! download), and `serde_json::to_string` with `json!` (which goes through `to_value`) pulled
//! in the generic serializer and float formatting — measured ~45 KB gzip of wasm for the report
//! form alone. Numbers are printed with `num::fixed` (up to 7 decimals, enough for coordinates).

use serde_json::{Map, Number, Value};

use crate::num::fixed;

/// An object from `(key, value)` pairs (printed with sorted keys).
pub fn obj<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    let mut map = Map::new();
    for (k, v) in pairs {
        map.insert(k.to_owned(), v);
    }
    Value::Object(map)
}

pub fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

pub fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

pub fn int(n: i64) -> Value {
    Value::Number(Number::from(n))
}

/// A finite float; anything else is `null`.
pub fn float(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// Two-space indented JSON, like `serde_json::to_string_pretty`.
pub fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write(v, 0, &mut out);
    out
}

/// JSON on one line, without spaces (the index writes one entity per line).
pub fn compact(v: &Value) -> String {
    let mut out = String::new();
    write_compact(v, &mut out);
    out
}

fn write_compact(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(k, out);
                out.push(':');
                write_compact(item, out);
            }
            out.push('}');
        }
        scalar => write(scalar, 0, out),
    }
}

fn write(v: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, d: usize| {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => out.push_str(&i.to_string()),
            (None, Some(f)) => out.push_str(&fixed(f, 7)),
            _ => out.push_str("null"),
        },
        Value::String(s) => string(s, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write(item, depth + 1, out);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                string(k, out);
                out.push_str(": ");
                write(item, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[((n >> shift) & 0xf) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_what_serde_json_reads_back_identically() {
        let v = obj([
            ("name", text("Düsseldorf \"Stadt\"\n\u{1}\u{2028}")),
            ("lat", float(51.2277)),
            ("lon", float(6.7735)),
            ("population", int(620_523)),
            ("none", Value::Null),
            ("flag", Value::Bool(true)),
            (
                "list",
                Value::Array(vec![int(1), text("a"), Value::Array(vec![])]),
            ),
            ("empty", obj([])),
        ]);
        let printed = pretty(&v);
        let back: Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(back, v);
        // Keys come out sorted (serde_json's map is a BTreeMap without `preserve_order`).
        assert!(printed.starts_with("{\n  \"empty\": {},\n  \"flag\": true,"));
        assert!(printed.contains("\"name\": \"Düsseldorf \\\"Stadt\\\"\\n\\u0001\\u2028\","));
        assert!(printed.contains("\n  \"lat\": 51.2277,"));
        assert!(printed.contains("\"list\": [\n    1,\n    \"a\",\n    []\n  ]"));
        assert_eq!(float(f64::NAN), Value::Null);
        let line = compact(&v);
        assert!(!line.contains('\n') && !line.contains(": "));
        assert_eq!(serde_json::from_str::<Value>(&line).unwrap(), v);
    }
}
