//! CSV as every file of the project writes it: a header on the first line, then one record per
//! line, each ended by CRLF; a field quoted (RFC 4180, `"` doubled) when it holds the delimiter,
//! a quote or a line break, or starts or ends with whitespace. A field that starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that a spreadsheet never
//! evaluates data as a formula (CSV injection; no value of today's dataset starts so).
//!
//! Used by the explorer's download (`cdo_text::export`, `;` for German spreadsheets) and by the
//! open-data files xtask writes (`,`).

/// A leading byte order mark: spreadsheets then read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// Whether a spreadsheet could read `value` as a formula.
pub fn looks_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One field, quoted where needed and neutralised if it looks like a formula.
pub fn field(value: &str, delimiter: char) -> String {
    let value = if looks_like_formula(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([delimiter, '"', '\n', '\r']) || value.trim() != value {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One record: the fields joined by `delimiter`, ended by CRLF.
pub fn record<S: AsRef<str>>(fields: &[S], delimiter: char) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        out.push_str(&field(f.as_ref(), delimiter));
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        let f = |v| field(v, ';');
        assert_eq!(f("Darmstadt"), "Darmstadt");
        assert_eq!(f("a;b"), "\"a;b\"");
        assert_eq!(
            field("a;b", ','),
            "a;b",
            "only the file's own delimiter is quoted"
        );
        assert_eq!(field("a,b", ','), "\"a,b\"");
        assert_eq!(f("Er sagte \"ja\""), "\"Er sagte \"\"ja\"\"\"");
        assert_eq!(f("zwei\nZeilen"), "\"zwei\nZeilen\"");
        assert_eq!(f(" Rand"), "\" Rand\"");
        assert_eq!(f("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(f("+49 6151"), "'+49 6151");
        assert_eq!(f("-5"), "'-5");
        assert_eq!(f("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(f("~2019-01"), "~2019-01");
        assert_eq!(f(""), "");
    }

    #[test]
    fn a_record_is_one_line() {
        assert_eq!(record(&["a", "", "c;d"], ';'), "a;;\"c;d\"\r\n");
        assert_eq!(record(&[String::from("x")], ','), "x\r\n");
        assert_eq!(record::<&str>(&[], ','), "\r\n");
    }
}
