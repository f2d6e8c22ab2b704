//! A small ISO 8601 / RFC 3339 reader for `date_since`, without a date crate.

/// Parses `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fraction]]` and a
/// zone (`Z`, `+HH:MM`, `-HHMM`, `+HH`; none means UTC), into milliseconds
/// since the Unix epoch. Dates before the epoch or malformed input give `None`.
pub(crate) fn parse_iso8601_millis(input: &str) -> Option<u64> {
    let mut cursor = Cursor {
        bytes: input.trim().as_bytes(),
        at: 0,
    };
    let year = cursor.digits(4)?;
    cursor.expect(b'-')?;
    let month = cursor.digits(2)?;
    cursor.expect(b'-')?;
    let day = cursor.digits(2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut millis_of_day: i64 = 0;
    let mut offset_minutes: i64 = 0;
    if !cursor.done() {
        match cursor.next()? {
            b'T' | b't' | b' ' => {}
            _ => return None,
        }
        let hour = cursor.digits(2)?;
        cursor.expect(b':')?;
        let minute = cursor.digits(2)?;
        let mut second = 0;
        let mut millis = 0;
        if cursor.peek() == Some(b':') {
            cursor.expect(b':')?;
            second = cursor.digits(2)?;
            if cursor.peek() == Some(b'.') || cursor.peek() == Some(b',') {
                cursor.next()?;
                let mut scale = 100;
                let mut any = false;
                while let Some(digit) = cursor.peek().filter(u8::is_ascii_digit) {
                    cursor.next()?;
                    millis += i64::from(digit - b'0') * scale;
                    scale /= 10;
                    any = true;
                }
                if !any {
                    return None;
                }
            }
        }
        // 24:00:00 and leap seconds are not worth supporting here.
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        millis_of_day = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
        match cursor.next() {
            None | Some(b'Z' | b'z') => {}
            Some(sign @ (b'+' | b'-')) => {
                let hours = cursor.digits(2)?;
                if cursor.peek() == Some(b':') {
                    cursor.next()?;
                }
                let minutes = if cursor.done() { 0 } else { cursor.digits(2)? };
                if hours > 23 || minutes > 59 {
                    return None;
                }
                offset_minutes = hours * 60 + minutes;
                if sign == b'-' {
                    offset_minutes = -offset_minutes;
                }
            }
            Some(_) => return None,
        }
    }
    if !cursor.done() {
        return None;
    }
    let total = days_from_civil(year, month, day) * 86_400_000 + millis_of_day - offset_minutes * 60_000;
    u64::try_from(total).ok()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A byte cursor over ASCII input.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn expect(&mut self, wanted: u8) -> Option<()> {
        (self.next()? == wanted).then_some(())
    }

    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<i64> {
        let mut value = 0;
        for _ in 0..count {
            let byte = self.next().filter(u8::is_ascii_digit)?;
            value = value * 10 + i64::from(byte - b'0');
        }
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_shapes() {
        assert_eq!(parse_iso8601_millis("1970-01-01"), Some(0));
        assert_eq!(
            parse_iso8601_millis("2017-10-02T23:08:16.616Z"),
            Some(1_506_985_696_616)
        );
        assert_eq!(parse_iso8601_millis("2017-10-02T23:08:16Z"), Some(1_506_985_696_000));
        assert_eq!(
            parse_iso8601_millis("2017-10-03T01:08:16+02:00"),
            Some(1_506_985_696_000)
        );
        assert_eq!(
            parse_iso8601_millis("2017-10-02T18:08:16-0500"),
            Some(1_506_985_696_000)
        );
        assert_eq!(parse_iso8601_millis("2024-02-29T00:00:00Z"), Some(1_709_164_800_000));
    }

    #[test]
    fn rejects_garbage() {
        for input in [
            "",
            "yesterday",
            "2017-13-01",
            "2023-02-29",
            "2017-10-02T25:00:00Z",
            "2017-10-02Té",
            "1969-12-31",
        ] {
            assert_eq!(parse_iso8601_millis(input), None, "{input}");
        }
    }
}
