//! Decimal numbers to and from text without core's float formatting and parsing, which bring
//! ~15 KB of tables and code into the wasm for what the app needs: a few digits in URLs, SVG
//! attributes and messages.

/// `x` rounded to `places` decimals, trailing zeros dropped: `fixed(2.50, 2)` → `"2.5"`,
/// `fixed(-3.0, 1)` → `"-3"`. Non-finite or huge values give `"∞"`, `"-∞"` or `"NaN"`.
pub fn fixed(x: f64, places: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let scale = 10i64.pow(places.min(9));
    if !x.is_finite() || x.abs() >= 1e15 {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let scaled = (x * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let (whole, frac) = (abs / scale as u64, abs % scale as u64);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// Parses `-?digits(.digits)?` (at most 15 significant digits); anything else is `None`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits_ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_ok(whole) || !digits_ok(frac) || whole.len() + frac.len() > 15 {
        return None;
    }
    if body.ends_with('.') {
        return None;
    }
    // At most 15 digits: the integer is exact in an f64, and so is the power of ten, so the
    // one division rounds correctly.
    let int = whole
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let value = int as f64 / 10f64.powi(frac.len() as i32);
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_and_trims() {
        assert_eq!(fixed(48.8566, 3), "48.857");
        assert_eq!(fixed(-5.0, 3), "-5");
        assert_eq!(fixed(12.5, 3), "12.5");
        assert_eq!(fixed(0.0004, 3), "0");
        assert_eq!(fixed(1234.56, 0), "1235");
        assert_eq!(fixed(f64::INFINITY, 2), "∞");
        assert_eq!(fixed(1e300, 2), "∞");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
    }

    #[test]
    fn parse_decimal_reads_plain_decimals_only() {
        assert_eq!(parse_decimal("2.5"), Some(2.5));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("3000"), Some(3000.0));
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "1e9",
            "NaN",
            "inf",
            "1.2.3",
            "<script>",
            "1234567890123456",
            "+1",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn parse_decimal_rounds_as_the_standard_parser_does() {
        for s in [
            "0.1",
            "49.873",
            "-7.4400001",
            "8.6511111",
            "0.00000000000001",
            "123456789012345",
            "99999999999999.9",
            "1.23456789012345",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
    }
}
