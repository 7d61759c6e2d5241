//! Dates as the sources give them: a year, a month or a day, possibly approximate.
//!
//! Sources rarely give a full date ("seit Mai 2017", "2018"), so a date carries its own precision.
//! Written in the dataset as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally prefixed with `~` for
//! "about" (e.g. `~2019-01` where a source only implies the month). Hand-written rather than a
//! date library: we need exactly this parse, one comparison and no time zones.

use std::cmp::Ordering;
use std::fmt;

/// How exact a [`PartialDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The source implies this date rather than stating it ("about").
    pub approx: bool,
}

/// Why a date string was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (optionally `~`-prefixed).
    Format,
    /// Month or day outside the calendar (e.g. `2017-13`, `2017-02-30`).
    OutOfCalendar,
    /// Before 1900: no digital-leadership post is that old.
    TooEarly,
}

impl PartialDate {
    /// A full date (day precision), e.g. "today" or a dataset's `as_of`.
    pub const fn ymd(year: u16, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
            approx: false,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, each optionally prefixed by `~`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let (approx, body) = match s.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut parts = body.split('-');
        let year = number(parts.next(), 4)?;
        let month = parts.next().map(|m| number(Some(m), 2)).transpose()?;
        let day = parts.next().map(|d| number(Some(d), 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        let year = u16::try_from(year).map_err(|_| DateError::Format)?;
        if year < 1900 {
            return Err(DateError::TooEarly);
        }
        let month = month.map(|m| m as u8);
        let day = day.map(|d| d as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::OutOfCalendar);
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::OutOfCalendar);
                }
            }
        }
        Ok(Self {
            year,
            month,
            day,
            approx,
        })
    }

    /// The first day this date could mean: `2017` → 2017-01-01.
    fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date could mean: `2017` → 2017-12-31, `2017-02` → 2017-02-28.
    fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// The first day this date could mean, as a [`Day`]: when a period "since 2018" begins.
    pub fn first_day(&self) -> Day {
        let (y, m, d) = self.earliest();
        Day::of(y, m, d)
    }

    /// The first day after the last day this date could mean, as a [`Day`]: when a period
    /// "until 2022" is over (2023-01-01; "until 2022-02" → 2022-03-01).
    pub fn day_after(&self) -> Day {
        let (y, m, d) = self.latest();
        if d < days_in_month(y, m) {
            Day::of(y, m, d + 1)
        } else if m < 12 {
            Day::of(y, m + 1, 1)
        } else {
            Day::of(y + 1, 1, 1)
        }
    }

    /// True if even the last day this date could mean lies before the earliest day of `other`
    /// (a period "until 2022" has not ended on 2022-06-01; it has on 2023-01-01).
    pub fn ends_before(&self, other: &PartialDate) -> bool {
        self.latest() < other.earliest()
    }

    /// True if even the earliest day this date could mean lies after `today`.
    pub fn is_after(&self, today: &PartialDate) -> bool {
        self.earliest() > today.earliest()
    }

    /// Orders by the earliest day each date could mean; ties keep the more precise one later.
    pub fn chronological(&self, other: &PartialDate) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then(self.precision().cmp(&other.precision()))
    }
}

/// One calendar day as a number that orders as the days do (not a count of days: only
/// comparisons are meaningful). What the date logic of the time views compares, so that a
/// period's start and end are worked out once per period, not per comparison.
/// Never zero (months and days count from 1), so that an `Option<Day>` takes no more room than
/// a `Day`: every period of the index keeps three (`time::Periods`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(std::num::NonZeroU32);

impl Day {
    const fn of(year: u16, month: u8, day: u8) -> Day {
        match std::num::NonZeroU32::new(((year as u32) << 9) | ((month as u32) << 5) | day as u32) {
            Some(n) => Day(n),
            None => panic!("a day of month 0"),
        }
    }
}

/// The dataset's own spelling, e.g. `~2019-01`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approx {
            f.write_str("~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn number(part: Option<&str>, digits: usize) -> Result<u32, DateError> {
    match part {
        Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(p.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        }
        _ => Err(DateError::Format),
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, DateError>) {
        let got = PartialDate::parse(input).map(|d| d.to_string());
        assert_eq!(got, expected.map(str::to_owned), "input {input:?}");
    }

    #[test]
    fn parses_the_three_precisions_and_approx() {
        check("2017", Ok("2017"));
        check("2017-05", Ok("2017-05"));
        check("2017-05-01", Ok("2017-05-01"));
        check("~2019-01", Ok("~2019-01"));
        check("2024-02-29", Ok("2024-02-29"));
    }

    #[test]
    fn rejects_malformed_dates() {
        check("", Err(DateError::Format));
        check("17", Err(DateError::Format));
        check("2017-5", Err(DateError::Format));
        check("2017-05-01-02", Err(DateError::Format));
        check("2017/05", Err(DateError::Format));
        check("+2017", Err(DateError::Format));
        check("2017-13", Err(DateError::OutOfCalendar));
        check("2023-02-29", Err(DateError::OutOfCalendar));
        check("2017-00", Err(DateError::OutOfCalendar));
        check("1850", Err(DateError::TooEarly));
    }

    #[test]
    fn future_means_even_the_earliest_reading_is_after_today() {
        let today = PartialDate::ymd(2026, 12, 4);
        let p = |s| PartialDate::parse(s).unwrap();
        assert!(!p("2026").is_after(&today));
        assert!(!p("2026-11").is_after(&today));
        assert!(p("2026-12-05").is_after(&today));
        assert!(!p("2026-12").is_after(&today));
        assert!(p("2027").is_after(&today));
    }

    #[test]
    fn a_date_begins_on_its_first_day_and_is_over_the_day_after_its_last() {
        let p = |s| PartialDate::parse(s).unwrap();
        let day = |s| p(s).first_day();
        assert_eq!(p("2018").first_day(), day("2018-01-01"));
        assert_eq!(p("~2018-05").first_day(), day("2018-05-01"));
        assert_eq!(p("2022").day_after(), day("2023-01-01"));
        assert_eq!(p("2022-02").day_after(), day("2022-03-01"));
        assert_eq!(p("2024-02").day_after(), day("2024-03-01"), "a leap year");
        assert_eq!(p("2024-02-28").day_after(), day("2024-02-29"));
        assert_eq!(p("2022-06-30").day_after(), day("2022-07-01"));
        assert_eq!(p("2022-12-31").day_after(), day("2023-01-01"));
        assert!(day("2022-12-31") < day("2023-01-01"));
        assert!(day("2022-01-31") < day("2022-02-01"));
        // As `ends_before` and `is_after` decide it.
        for (end, on) in [
            ("2022", "2022-12-31"),
            ("2022", "2023"),
            ("2022-05", "2022-06-01"),
        ] {
            assert_eq!(
                p(end).day_after() <= p(on).first_day(),
                p(end).ends_before(&p(on)),
                "{end} over by {on}"
            );
        }
    }

    #[test]
    fn precision_follows_the_written_form() {
        assert_eq!(
            PartialDate::parse("2017").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2017-05").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2017-05-01").unwrap().precision(),
            Precision::Day
        );
    }
}
