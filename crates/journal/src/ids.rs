//! Newtypes that parse: case ids, kommunekoder, CPR numbers and the `at` time of an event.

use chrono::{DateTime, FixedOffset, NaiveDate};
use compact_str::CompactString;
use std::fmt;

/// A case id: 1–64 characters of `[A-Za-z0-9._:-]`. Ids of up to 24 bytes (all the usual ones)
/// are kept inline, so the id on every decoded event costs no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId(CompactString);

impl CaseId {
    /// What a valid case id looks like, for error messages.
    pub const EXPECTED: &'static str = "1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'";

    /// Parses a case id; `None` if it breaks the spec's pattern.
    pub fn parse(text: &str) -> Option<Self> {
        let ok = (1..=64).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
        ok.then(|| CaseId(CompactString::new(text)))
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Danish municipality code (kommunekode): exactly three digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kommunekode([u8; 3]);

impl Kommunekode {
    /// What a valid kommunekode looks like, for error messages.
    pub const EXPECTED: &'static str = "a kommunekode of exactly 3 digits, e.g. \"101\"";

    /// Parses three ASCII digits.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        (bytes.len() == 3 && bytes.iter().all(u8::is_ascii_digit)).then(|| Kommunekode([bytes[0], bytes[1], bytes[2]]))
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl Kommunekode {
    /// The municipality's name, for the 98 municipalities since the 2007 structural reform.
    pub fn name_da(&self) -> Option<&'static str> {
        MUNICIPALITIES.binary_search_by(|(code, _)| code.cmp(&self.as_str())).ok().map(|i| MUNICIPALITIES[i].1)
    }

    /// How people refer to it: "Kolding (621)", or "Kommune 999" for a code without a name.
    pub fn label_da(&self) -> String {
        match self.name_da() {
            Some(name) => format!("{name} ({})", self.as_str()),
            None => format!("Kommune {}", self.as_str()),
        }
    }
}

/// The municipalities (kommunekode, name), sorted by code.
const MUNICIPALITIES: [(&str, &str); 98] = [
    ("101", "København"),
    ("147", "Frederiksberg"),
    ("151", "Ballerup"),
    ("153", "Brøndby"),
    ("155", "Dragør"),
    ("157", "Gentofte"),
    ("159", "Gladsaxe"),
    ("161", "Glostrup"),
    ("163", "Herlev"),
    ("165", "Albertslund"),
    ("167", "Hvidovre"),
    ("169", "Høje-Taastrup"),
    ("173", "Lyngby-Taarbæk"),
    ("175", "Rødovre"),
    ("183", "Ishøj"),
    ("185", "Tårnby"),
    ("187", "Vallensbæk"),
    ("190", "Furesø"),
    ("201", "Allerød"),
    ("210", "Fredensborg"),
    ("217", "Helsingør"),
    ("219", "Hillerød"),
    ("223", "Hørsholm"),
    ("230", "Rudersdal"),
    ("240", "Egedal"),
    ("250", "Frederikssund"),
    ("253", "Greve"),
    ("259", "Køge"),
    ("260", "Halsnæs"),
    ("265", "Roskilde"),
    ("269", "Solrød"),
    ("270", "Gribskov"),
    ("306", "Odsherred"),
    ("316", "Holbæk"),
    ("320", "Faxe"),
    ("326", "Kalundborg"),
    ("329", "Ringsted"),
    ("330", "Slagelse"),
    ("336", "Stevns"),
    ("340", "Sorø"),
    ("350", "Lejre"),
    ("360", "Lolland"),
    ("370", "Næstved"),
    ("376", "Guldborgsund"),
    ("390", "Vordingborg"),
    ("400", "Bornholm"),
    ("410", "Middelfart"),
    ("420", "Assens"),
    ("430", "Faaborg-Midtfyn"),
    ("440", "Kerteminde"),
    ("450", "Nyborg"),
    ("461", "Odense"),
    ("479", "Svendborg"),
    ("480", "Nordfyns"),
    ("482", "Langeland"),
    ("492", "Ærø"),
    ("510", "Haderslev"),
    ("530", "Billund"),
    ("540", "Sønderborg"),
    ("550", "Tønder"),
    ("561", "Esbjerg"),
    ("563", "Fanø"),
    ("573", "Varde"),
    ("575", "Vejen"),
    ("580", "Aabenraa"),
    ("607", "Fredericia"),
    ("615", "Horsens"),
    ("621", "Kolding"),
    ("630", "Vejle"),
    ("657", "Herning"),
    ("661", "Holstebro"),
    ("665", "Lemvig"),
    ("671", "Struer"),
    ("706", "Syddjurs"),
    ("707", "Norddjurs"),
    ("710", "Favrskov"),
    ("727", "Odder"),
    ("730", "Randers"),
    ("740", "Silkeborg"),
    ("741", "Samsø"),
    ("746", "Skanderborg"),
    ("751", "Aarhus"),
    ("756", "Ikast-Brande"),
    ("760", "Ringkøbing-Skjern"),
    ("766", "Hedensted"),
    ("773", "Morsø"),
    ("779", "Skive"),
    ("787", "Thisted"),
    ("791", "Viborg"),
    ("810", "Brønderslev"),
    ("813", "Frederikshavn"),
    ("820", "Vesthimmerlands"),
    ("825", "Læsø"),
    ("840", "Rebild"),
    ("846", "Mariagerfjord"),
    ("849", "Jammerbugt"),
    ("851", "Aalborg"),
    ("860", "Hjørring"),
];

impl fmt::Display for Kommunekode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CPR number: ten digits. It is personal data and never shown to analysts.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cpr([u8; 10]);

impl Cpr {
    /// What a valid CPR number looks like, for error messages.
    pub const EXPECTED: &'static str = "a CPR number of exactly 10 digits";

    /// Parses ten ASCII digits.
    pub fn parse(text: &str) -> Option<Self> {
        let digits: [u8; 10] = text.as_bytes().try_into().ok()?;
        digits.iter().all(u8::is_ascii_digit).then_some(Cpr(digits))
    }

    /// The full number; only for export and storage where allowed.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits get in (see `parse`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Debug for Cpr {
    /// Masks the number so it never leaks through logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cpr({}-XXXX)", &self.as_str()[..6])
    }
}

/// When an event happened in the world: an ISO date, or a full RFC 3339 time kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    date: NaiveDate,
    /// A full time and its text as written; boxed, as most events carry a plain date.
    time: Option<Box<(DateTime<FixedOffset>, String)>>,
}

impl At {
    /// What a valid `at` looks like, for error messages.
    pub const EXPECTED: &'static str = "an ISO date YYYY-MM-DD or an RFC 3339 time";

    /// Parses `YYYY-MM-DD` or an RFC 3339 time (whose calendar date, in its own offset, is the date).
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(date) = parse_date(text) {
            return Some(At { date, time: None });
        }
        let time = DateTime::parse_from_rfc3339(text).ok()?;
        Some(At { date: time.date_naive(), time: Some(Box::new((time, text.to_owned()))) })
    }

    /// An `at` that is a plain date.
    pub fn from_date(date: NaiveDate) -> Self {
        At { date, time: None }
    }

    /// The calendar date: what "as of" compares against.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The text to write back: the original time if one was given, else the date.
    pub fn as_written(&self) -> String {
        match &self.time {
            Some(time) => time.1.clone(),
            None => format_date(self.date),
        }
    }

    /// A key that orders events within a case: by date, then by time where both have one.
    pub fn order_key(&self) -> (NaiveDate, i64) {
        (self.date, self.time.as_ref().map_or(i64::MIN, |time| time.0.timestamp_millis()))
    }
}

/// Parses a strict ISO calendar date `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// A date as Danes write it in text: "1. november 2017".
pub fn format_date_da(date: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("?");
    format!("{}. {month} {}", date.day(), date.year())
}

/// Writes a date the way the journal does.
pub fn format_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let (year, month, day) = (date.year(), date.month(), date.day());
    if (0..=9999).contains(&year) {
        let mut out = String::with_capacity(10);
        let digits = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10];
        out.extend(digits.iter().map(|d| char::from(b'0' + *d as u8)));
        out.push('-');
        out.push(char::from(b'0' + (month / 10) as u8));
        out.push(char::from(b'0' + (month % 10) as u8));
        out.push('-');
        out.push(char::from(b'0' + (day / 10) as u8));
        out.push(char::from(b'0' + (day % 10) as u8));
        out
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_98_municipalities_are_named_by_their_code_and_an_unknown_code_by_its_number() {
        assert!(MUNICIPALITIES.windows(2).all(|pair| pair[0].0 < pair[1].0), "sorted, no code twice");
        let label = |code| Kommunekode::parse(code).unwrap().label_da();
        assert_eq!(label("101"), "København (101)");
        assert_eq!(label("621"), "Kolding (621)");
        assert_eq!(label("751"), "Aarhus (751)");
        assert_eq!(label("860"), "Hjørring (860)");
        assert_eq!(label("999"), "Kommune 999");
        assert_eq!(Kommunekode::parse("411").unwrap().name_da(), None, "Christiansø is not a municipality");
    }

    #[test]
    fn dates_are_written_the_danish_way_in_text() {
        assert_eq!(format_date_da(parse_date("2017-11-01").unwrap()), "1. november 2017");
        assert_eq!(format_date_da(parse_date("2018-06-30").unwrap()), "30. juni 2018");
    }

    #[test]
    fn dates_are_written_as_iso_dates() {
        for text in ["0001-01-01", "1970-05-17", "2018-06-01", "9999-12-31"] {
            assert_eq!(format_date(parse_date(text).unwrap()), text);
        }
    }

    #[test]
    fn a_case_id_allows_the_spec_characters_and_nothing_else() {
        assert!(CaseId::parse("K101-000001:a.b_c").is_some());
        assert!(CaseId::parse("").is_none());
        assert!(CaseId::parse("has space").is_none());
        assert!(CaseId::parse(&"x".repeat(64)).is_some());
        assert!(CaseId::parse(&"x".repeat(65)).is_none());
        assert!(CaseId::parse("æøå").is_none());
    }

    #[test]
    fn a_kommunekode_is_exactly_three_digits() {
        assert!(Kommunekode::parse("101").is_some());
        assert!(Kommunekode::parse("1010").is_none());
        assert!(Kommunekode::parse("1a1").is_none());
    }

    #[test]
    fn a_cpr_number_is_masked_in_debug_output() {
        let cpr = Cpr::parse("0101701234").unwrap();
        assert_eq!(format!("{cpr:?}"), "Cpr(010170-XXXX)");
        assert!(Cpr::parse("010170-1234").is_none());
    }

    #[test]
    fn at_accepts_a_date_or_an_rfc3339_time_and_writes_it_back_unchanged() {
        let date = At::parse("2017-11-02").unwrap();
        assert_eq!(date.as_written(), "2017-11-02");
        let time = At::parse("2017-11-02T23:30:00+01:00").unwrap();
        assert_eq!(time.date(), NaiveDate::from_ymd_opt(2017, 11, 2).unwrap());
        assert_eq!(time.as_written(), "2017-11-02T23:30:00+01:00");
        assert!(At::parse("2017-02-30").is_none());
        assert!(At::parse("2017-1-2").is_none());
        assert!(date.order_key() < time.order_key());
    }
}
