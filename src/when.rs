//! Dates and times of day as people write them, read the same way in a form on screen and on
//! the command line: `14.01.2027`, `14.01.27` or `2027-01-14`; `13:00`, `13.00` or `13`.

use chrono::{NaiveDate, NaiveTime};

/// A date as `14.01.2027`, `14.01.27` or `2027-01-14`.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // `%Y` would read "27" as the year 27, so a two-digit year gets its own format.
    let short_year = text.rsplit('.').next().is_some_and(|y| y.len() == 2);
    let format = if text.contains('-') {
        "%Y-%m-%d"
    } else if short_year {
        "%d.%m.%y"
    } else {
        "%d.%m.%Y"
    };
    NaiveDate::parse_from_str(text, format).ok()
}

/// A time of day as `13:00`, `13.00` or `13`.
pub fn time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace('.', ":");
    let text = if text.contains(':') {
        text
    } else {
        format!("{text}:00")
    };
    NaiveTime::parse_from_str(&text, "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 14);
        assert_eq!(date("14.01.2027"), d);
        assert_eq!(date(" 14.1.27 "), d);
        assert_eq!(date("2027-01-14"), d);
        assert_eq!(date("14/01/2027"), None);
        assert_eq!(date("31.02.2027"), None);
        let t = NaiveTime::from_hms_opt(13, 0, 0);
        assert_eq!(time("13:00"), t);
        assert_eq!(time("13.00"), t);
        assert_eq!(time("13"), t);
        assert_eq!(time("25:00"), None);
        assert_eq!(time("kvart over"), None);
    }
}
