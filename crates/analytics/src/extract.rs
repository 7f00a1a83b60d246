//! From journals to analysis inputs: case projections grouped from events, and the benchmark's person records for a year.

use crate::benchmark::{DiagnosisGroup, PersonRecord, Sex, SupportCategory};
use chrono::NaiveDate;
use journal::{AfgoerelseOutcome, CaseState, Event, Ydelse};
use serde::Serialize;
use std::collections::HashMap;

/// What the benchmark counts as an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// `afgoerelse` with outcome `tilkendt_foertidspension`.
    Foertidspension,
    /// `afgoerelse` with outcome `bevilget_fleksjob`.
    Fleksjob,
}

impl Outcome {
    /// The decision outcome that counts as an award.
    pub fn award(self) -> AfgoerelseOutcome {
        match self {
            Outcome::Foertidspension => AfgoerelseOutcome::TilkendtFoertidspension,
            Outcome::Fleksjob => AfgoerelseOutcome::BevilgetFleksjob,
        }
    }

    /// Parses `foertidspension` or `fleksjob`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "foertidspension" => Some(Outcome::Foertidspension),
            "fleksjob" => Some(Outcome::Fleksjob),
            _ => None,
        }
    }
}

/// Folds every case in a journal (events of many cases, each case oldest first) as of a
/// date. Cases come back in the order they first appear. The folds run on the available
/// cores (pure computation; the result does not depend on the number of threads).
pub fn project_cases(events: &[Event], as_of: Option<NaiveDate>) -> Vec<CaseState> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut grouped: Vec<Vec<&Event>> = Vec::new();
    for event in events {
        let next = grouped.len();
        let slot = *index.entry(event.case.as_str()).or_insert(next);
        if slot == next {
            grouped.push(Vec::new());
        }
        grouped[slot].push(event);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    if threads == 1 || grouped.len() < 1024 {
        return grouped.iter().filter_map(|case| CaseState::fold(case.iter().copied(), as_of)).collect();
    }
    let chunk = grouped.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = grouped
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter().filter_map(|case| CaseState::fold(case.iter().copied(), as_of)).collect::<Vec<_>>()
                })
            })
            .collect();
        // A fold cannot panic on valid events; if a worker did, its cases are left out
        // rather than taking the caller down.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// The benchmark's records for `year`, with notes on what was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedRecords {
    /// The year the records are for.
    pub year: i32,
    /// One record per case at risk in the year.
    pub records: Vec<PersonRecord>,
    /// Cases left out, by reason.
    pub left_out: LeftOut,
}

/// Cases left out of the benchmark's records, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Cases without a `borger` event (they cannot be placed).
    pub no_citizen: usize,
    /// Cases already awarded before the year (not at risk).
    pub earlier_award: usize,
    /// Cases on a pension at the start of the year (not at risk).
    pub on_pension: usize,
}

impl ExtractedRecords {
    /// No records yet, for `year` (records of batches of cases are appended to it).
    pub fn empty(year: i32) -> Self {
        ExtractedRecords { year, records: Vec::new(), left_out: LeftOut::default() }
    }

    /// Adds the records of another batch of cases for the same year.
    pub fn append(&mut self, mut other: ExtractedRecords) {
        self.records.append(&mut other.records);
        self.left_out.no_citizen += other.left_out.no_citizen;
        self.left_out.earlier_award += other.left_out.earlier_award;
        self.left_out.on_pension += other.left_out.on_pension;
    }

    /// What was left out and why, as notes for the reader.
    pub fn notes(&self) -> Vec<String> {
        let (year, left) = (self.year, self.left_out);
        let mut notes = Vec::new();
        if left.no_citizen > 0 {
            notes.push(format!("{} sag(er) uden en borger-hændelse er udeladt", left.no_citizen));
        }
        if left.earlier_award > 0 {
            notes.push(format!(
                "{} sag(er) med en tilkendelse før {year} er udeladt (kunne ikke få en ny)",
                left.earlier_award
            ));
        }
        if left.on_pension > 0 {
            notes.push(format!(
                "{} sag(er), hvor borgeren var på pension ved begyndelsen af {year}, er udeladt (kunne ikke få en ny)",
                left.on_pension
            ));
        }
        notes
    }
}

/// The benchmark's person records for `year`: one per case (a case is one citizen's course
/// in one municipality) that was open during the year and at risk of the outcome.
///
/// Choices (documented here because the spec leaves them open):
/// - **At risk**: the case opened on or before 31 December; it has no award of the
///   outcome (nor of a pension, which ends the case) dated before the year; and the citizen was not on foertidspension,
///   seniorfoertidspension or folkepension at the start of the year.
/// - **Age** is the age on 1 January (as in the population table).
/// - **Support** is the main ydelse on 1 January, or on the opening date when the case
///   opened during the year (the journal's support history usually starts when the case
///   does). Kontanthjælp (both kinds) and uddannelseshjælp count as `kontanthjaelp`,
///   jobafklaringsforløb as `sygedagpenge`; selvforsørgelse, job and uddannelse as `none`;
///   fleksjob, revalidering and pensions as `other`.
/// - **Diagnosis group** is that of the latest-issued document with one, issued on or
///   before the award date (awarded) or 31 December (not awarded).
/// - **Awarded**: a decision with the outcome's award dated in the year.
/// - Citizens without a `borger` event cannot be placed and are left out (counted).
pub fn person_records(cases: &[CaseState], year: i32, outcome: Outcome) -> ExtractedRecords {
    let (Some(start), Some(end)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return ExtractedRecords::empty(year);
    };
    let award = outcome.award();
    let mut records = Vec::new();
    let (mut no_citizen, mut earlier_award, mut on_pension) = (0usize, 0usize, 0usize);
    for case in cases {
        let Some(citizen) = &case.citizen else {
            no_citizen += 1;
            continue;
        };
        let Some(opened) = case.opened else { continue };
        if opened > end {
            continue;
        }
        let pension_awards =
            [AfgoerelseOutcome::TilkendtFoertidspension, AfgoerelseOutcome::TilkendtSeniorfoertidspension];
        if case
            .decisions
            .iter()
            .any(|d| d.at < start && (d.decision.outcome == award || pension_awards.contains(&d.decision.outcome)))
        {
            earlier_award += 1;
            continue;
        }
        if matches!(
            case.support_on(start),
            Some(Ydelse::Foertidspension | Ydelse::Seniorfoertidspension | Ydelse::Folkepension)
        ) {
            on_pension += 1;
            continue;
        }
        let Some(age) = case.age_on(start) else { continue };
        let award_date = case
            .decisions
            .iter()
            .filter(|d| d.decision.outcome == award && (start..=end).contains(&d.at))
            .map(|d| d.at)
            .min();
        let diagnosis_cutoff = award_date.unwrap_or(end);
        records.push(PersonRecord {
            municipality: citizen.municipality.as_str().to_string(),
            age: u8::try_from(age).unwrap_or(u8::MAX),
            sex: match citizen.sex {
                Some(journal::Sex::M) => Sex::M,
                Some(journal::Sex::K) => Sex::K,
                None => Sex::Unknown,
            },
            support: support_category(case.support_on(start.max(opened))),
            diagnosis_group: diagnosis_group_on(case, diagnosis_cutoff),
            awarded: award_date.is_some(),
        });
    }
    ExtractedRecords { year, records, left_out: LeftOut { no_citizen, earlier_award, on_pension } }
}

/// The benchmark's support category for a journal ydelse (see [`person_records`]).
pub fn support_category(ydelse: Option<Ydelse>) -> SupportCategory {
    match ydelse {
        Some(Ydelse::KontanthjaelpAktivitetsparat | Ydelse::KontanthjaelpJobparat | Ydelse::Uddannelseshjaelp) => {
            SupportCategory::Kontanthjaelp
        }
        Some(Ydelse::Sygedagpenge | Ydelse::Jobafklaringsforloeb) => SupportCategory::Sygedagpenge,
        Some(Ydelse::Ressourceforloebsydelse) => SupportCategory::Ressourceforloebsydelse,
        Some(Ydelse::Ledighedsydelse) => SupportCategory::Ledighedsydelse,
        Some(Ydelse::Selvforsoergelse | Ydelse::Job | Ydelse::Uddannelse) | None => SupportCategory::NoSupport,
        Some(
            Ydelse::Fleksjob
            | Ydelse::Revalidering
            | Ydelse::Foertidspension
            | Ydelse::Seniorfoertidspension
            | Ydelse::Folkepension,
        ) => SupportCategory::Other,
    }
}

/// The diagnosis group of the latest-issued document that has one, issued on or before `date`.
pub fn diagnosis_group_on(case: &CaseState, date: NaiveDate) -> Option<DiagnosisGroup> {
    case.documents
        .iter()
        .filter(|d| d.issued <= date)
        .filter_map(|d| d.findings.diagnosis_group.map(|g| (d.issued, g)))
        .max_by_key(|(issued, _)| *issued)
        .and_then(|(_, g)| DiagnosisGroup::parse(g.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOURNAL: &str = r#"{"case":"a1","at":"2016-03-01","type":"borger","birth_date":"1970-06-15","municipality":"101","sex":"K"}
{"case":"a1","at":"2016-03-01","type":"ydelse_start","ydelse":"kontanthjaelp_aktivitetsparat"}
{"case":"a1","at":"2016-05-01","type":"dokument","id":"d1","kind":"lae265","issued":"2016-04-20","findings":{"diagnosis_group":"bevaegeapparat"}}
{"case":"a1","at":"2017-02-01","type":"dokument","id":"d2","kind":"speciallaege","issued":"2017-01-25","findings":{"diagnosis_group":"psykisk"}}
{"case":"a1","at":"2017-09-01","type":"afgoerelse","id":"x1","outcome":"tilkendt_foertidspension","legal_basis":["PL § 16"],"reasons":"r","klagevejledning":true}
{"case":"b2","at":"2017-04-10","type":"borger","birth_date":"1990-01-01","municipality":"751"}
{"case":"b2","at":"2017-04-10","type":"ydelse_start","ydelse":"sygedagpenge"}
{"case":"c3","at":"2010-01-01","type":"borger","birth_date":"1960-01-01","municipality":"101","sex":"M"}
{"case":"c3","at":"2015-01-01","type":"afgoerelse","id":"x0","outcome":"tilkendt_foertidspension","legal_basis":["PL § 16"],"reasons":"r","klagevejledning":true}
{"case":"d4","at":"2018-02-01","type":"borger","birth_date":"1980-01-01","municipality":"101","sex":"M"}
"#;

    #[test]
    fn person_records_take_age_support_and_diagnosis_at_the_right_dates() {
        let events = journal::parse_journal(JOURNAL).expect("valid journal");
        let cases = project_cases(&events, None);
        assert_eq!(cases.len(), 4);
        let extracted = person_records(&cases, 2017, Outcome::Foertidspension);
        assert_eq!(extracted.records.len(), 2, "{extracted:?}");
        let a1 = &extracted.records[0];
        assert_eq!(a1.municipality, "101");
        assert_eq!(a1.age, 46);
        assert_eq!(a1.sex, Sex::K);
        assert_eq!(a1.support, SupportCategory::Kontanthjaelp);
        assert_eq!(a1.diagnosis_group, Some(DiagnosisGroup::Psykisk));
        assert!(a1.awarded);
        // b2 opened in April: support is taken at the opening; sex is unknown.
        let b2 = &extracted.records[1];
        assert_eq!((b2.age, b2.sex, b2.support, b2.awarded), (27, Sex::Unknown, SupportCategory::Sygedagpenge, false));
        assert!(extracted.notes().iter().any(|n| n.contains("tilkendelse før")));
    }

    #[test]
    fn projection_keeps_first_appearance_order_when_folding_in_parallel() {
        let mut text = String::new();
        for i in (0..3000).rev() {
            text.push_str(&format!(
                "{{\"case\":\"k{i}\",\"at\":\"2017-01-01\",\"type\":\"borger\",\"birth_date\":\"1970-01-01\",\"municipality\":\"101\"}}\n"
            ));
        }
        let events = journal::parse_journal(&text).expect("valid journal");
        let cases = project_cases(&events, None);
        let ids: Vec<String> = cases.iter().map(|c| c.case.as_str().to_string()).collect();
        let expected: Vec<String> = (0..3000).rev().map(|i| format!("k{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn the_fleksjob_outcome_counts_only_fleksjob_awards() {
        let events = journal::parse_journal(JOURNAL).expect("valid journal");
        let cases = project_cases(&events, None);
        let extracted = person_records(&cases, 2017, Outcome::Fleksjob);
        assert!(extracted.records.iter().all(|r| !r.awarded));
        assert_eq!(extracted.records.len(), 2, "c3 has a pension already; d4 opened after the year");
    }
}
