//! The population table (`municipality,year,age_from,age_to,sex,count`), parsed from CSV text and queried by age range.
//!
//! The table is the denominator of every "per 10,000 inhabitants" indicator and the
//! source of the people without a case in the benchmark. The caller reads the file;
//! this module only parses the text it is given.
//!
//! Two documented assumptions are made when a question does not line up with the rows:
//! - **Ages are uniform within a row.** A row `40..=49` asked about `45..=66` contributes
//!   5/10 of its count. Tables with one row per year of age never need this.
//! - **Sex `*` rows are split evenly** between `M` and `K` when a question is about one sex.

use serde::Serialize;
use std::collections::BTreeSet;

/// The sex column of a population row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PopulationSex {
    /// Men (`M`).
    M,
    /// Women (`K`).
    K,
    /// Both sexes together (`*`).
    Both,
}

/// One cell of the population table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopulationRow {
    /// Kommunekode (3 digits) or another unit key used consistently with the journals.
    pub municipality: String,
    /// Calendar year the count refers to (the population at the start of the year).
    pub year: i32,
    /// First age in the cell, inclusive.
    pub age_from: u8,
    /// Last age in the cell, inclusive.
    pub age_to: u8,
    /// Which sex the row counts.
    pub sex: PopulationSex,
    /// Number of inhabitants.
    pub count: u64,
}

/// The parsed population table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PopulationTable {
    rows: Vec<PopulationRow>,
}

/// Which sex a population question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SexFilter {
    /// Men only (`M` rows plus half of `*` rows).
    M,
    /// Women only (`K` rows plus half of `*` rows).
    K,
    /// Everyone.
    All,
}

/// Every problem found in a population CSV, reported at once.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("population table has {} problem(s); first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
pub struct PopulationError {
    /// The problems, in line order.
    pub problems: Vec<PopulationProblem>,
}

/// One problem in a population CSV.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[error("line {line}, field {field}: expected {expected}")]
pub struct PopulationProblem {
    /// 1-based line number in the text (the header is line 1).
    pub line: usize,
    /// The column (or `row` for problems spanning the row).
    pub field: String,
    /// What was expected there.
    pub expected: String,
}

impl PopulationTable {
    /// Builds a table from rows already in memory (used by tests and simulations).
    pub fn from_rows(rows: Vec<PopulationRow>) -> Self {
        Self { rows }
    }

    /// Parses the CSV text of a population table. The header must be exactly
    /// `municipality,year,age_from,age_to,sex,count` (column order free). Rows that overlap
    /// another row of the same municipality and year for the same people are rejected,
    /// because they would count people twice.
    pub fn parse_csv(text: &str) -> Result<Self, PopulationError> {
        let mut problems = Vec::new();
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                return Err(PopulationError {
                    problems: vec![PopulationProblem {
                        line: 1,
                        field: "header".into(),
                        expected: format!("a CSV header ({e})"),
                    }],
                })
            }
        };
        let wanted = ["municipality", "year", "age_from", "age_to", "sex", "count"];
        let mut index = [0usize; 6];
        for (slot, name) in index.iter_mut().zip(wanted) {
            match headers.iter().position(|h| h == name) {
                Some(i) => *slot = i,
                None => problems.push(PopulationProblem {
                    line: 1,
                    field: name.into(),
                    expected: "a header column named so (municipality,year,age_from,age_to,sex,count)".into(),
                }),
            }
        }
        if !problems.is_empty() {
            return Err(PopulationError { problems });
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                    problems.push(PopulationProblem {
                        line,
                        field: "row".into(),
                        expected: format!("a well-formed CSV row ({e})"),
                    });
                    continue;
                }
            };
            let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
            let field = |i: usize| record.get(index[i]).unwrap_or("");
            let before = problems.len();
            let municipality = field(0).to_string();
            if municipality.is_empty() {
                problems.push(problem(line, "municipality", "a non-empty municipality code"));
            }
            let year = field(1).parse::<i32>().ok();
            if year.is_none() {
                problems.push(problem(line, "year", "a year such as 2017"));
            }
            let age_from = field(2).parse::<u8>().ok();
            if age_from.is_none() {
                problems.push(problem(line, "age_from", "an age 0-255"));
            }
            let age_to = field(3).parse::<u8>().ok();
            if age_to.is_none() {
                problems.push(problem(line, "age_to", "an age 0-255"));
            }
            let sex = match field(4) {
                "M" => Some(PopulationSex::M),
                "K" => Some(PopulationSex::K),
                "*" => Some(PopulationSex::Both),
                _ => {
                    problems.push(problem(line, "sex", "M, K or *"));
                    None
                }
            };
            let count = field(5).parse::<u64>().ok();
            if count.is_none() {
                problems.push(problem(line, "count", "a non-negative whole number"));
            }
            if let (Some(from), Some(to)) = (age_from, age_to) {
                if from > to {
                    problems.push(problem(line, "age_to", "an age not below age_from"));
                }
            }
            if problems.len() > before {
                continue;
            }
            if let (Some(year), Some(age_from), Some(age_to), Some(sex), Some(count)) =
                (year, age_from, age_to, sex, count)
            {
                rows.push((line, PopulationRow { municipality, year, age_from, age_to, sex, count }));
            }
        }
        // Overlap check: two rows covering the same people. Rows are grouped by
        // municipality and year first so the check stays cheap on national tables.
        let mut groups: std::collections::HashMap<(&str, i32), Vec<usize>> = std::collections::HashMap::new();
        for (i, (_, r)) in rows.iter().enumerate() {
            groups.entry((r.municipality.as_str(), r.year)).or_default().push(i);
        }
        for members in groups.values() {
            for (k, &i) in members.iter().enumerate() {
                for &j in &members[k + 1..] {
                    let ((line_a, a), (line_b, b)) = (&rows[i], &rows[j]);
                    let same_people = a.sex == b.sex || a.sex == PopulationSex::Both || b.sex == PopulationSex::Both;
                    if same_people && a.age_from <= b.age_to && b.age_from <= a.age_to {
                        problems.push(PopulationProblem {
                            line: *line_b,
                            field: "row".into(),
                            expected: format!("no overlap with line {line_a} (same municipality, year, ages and sex)"),
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(Self { rows: rows.into_iter().map(|(_, r)| r).collect() })
        } else {
            problems.sort_by_key(|p| p.line);
            Err(PopulationError { problems })
        }
    }

    /// All rows, in file order.
    pub fn rows(&self) -> &[PopulationRow] {
        &self.rows
    }

    /// The municipalities that have at least one row for `year`, sorted.
    pub fn municipalities(&self, year: i32) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| r.year == year)
            .map(|r| r.municipality.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// The years present in the table, sorted.
    pub fn years(&self) -> Vec<i32> {
        self.rows.iter().map(|r| r.year).collect::<BTreeSet<_>>().into_iter().collect()
    }

    /// Inhabitants of `municipality` (or of every municipality when `None`) in `year`,
    /// aged `age_from..=age_to`, of the given sex. Fractional when a row is only partly
    /// inside the age range or a `*` row is split by sex (see the module doc).
    pub fn count(&self, municipality: Option<&str>, year: i32, age_from: u8, age_to: u8, sex: SexFilter) -> f64 {
        self.rows
            .iter()
            .filter(|r| r.year == year && municipality.is_none_or(|m| r.municipality == m))
            .map(|r| {
                let sex_share = match (sex, r.sex) {
                    (SexFilter::All, _) => 1.0,
                    (SexFilter::M, PopulationSex::M) | (SexFilter::K, PopulationSex::K) => 1.0,
                    (_, PopulationSex::Both) => 0.5,
                    _ => 0.0,
                };
                r.count as f64 * sex_share * age_overlap_share(r, age_from, age_to)
            })
            .sum()
    }
}

/// The share of a row's ages that fall inside `from..=to` (ages uniform within the row).
fn age_overlap_share(row: &PopulationRow, from: u8, to: u8) -> f64 {
    let lo = row.age_from.max(from);
    let hi = row.age_to.min(to);
    if lo > hi {
        return 0.0;
    }
    f64::from(hi - lo + 1) / f64::from(row.age_to - row.age_from + 1)
}

fn problem(line: usize, field: &str, expected: &str) -> PopulationProblem {
    PopulationProblem { line, field: field.into(), expected: expected.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "municipality,year,age_from,age_to,sex,count\n\
        101,2017,16,39,M,100\n\
        101,2017,16,39,K,120\n\
        101,2017,40,66,*,270\n\
        751,2017,16,66,*,1000\n";

    #[test]
    fn a_well_formed_table_parses_and_sums_by_age_and_sex() {
        let t = PopulationTable::parse_csv(TABLE).expect("parses");
        assert_eq!(t.rows().len(), 4);
        assert_eq!(t.count(Some("101"), 2017, 16, 66, SexFilter::All), 490.0);
        assert_eq!(t.count(Some("101"), 2017, 16, 66, SexFilter::M), 100.0 + 135.0);
        assert_eq!(t.count(None, 2017, 16, 66, SexFilter::All), 1490.0);
        assert_eq!(t.municipalities(2017), vec!["101", "751"]);
    }

    #[test]
    fn a_question_cutting_through_a_row_takes_its_share_of_the_ages() {
        let t = PopulationTable::parse_csv(TABLE).expect("parses");
        // 751's single row covers 51 ages; 40..=66 is 27 of them.
        let got = t.count(Some("751"), 2017, 40, 66, SexFilter::All);
        assert!((got - 1000.0 * 27.0 / 51.0).abs() < 1e-9);
    }

    #[test]
    fn every_bad_field_is_reported_with_its_line() {
        let text = "municipality,year,age_from,age_to,sex,count\n\
            101,20x7,16,39,M,100\n\
            101,2017,40,30,X,-1\n";
        let err = PopulationTable::parse_csv(text).expect_err("must fail");
        let fields: Vec<(usize, &str)> = err.problems.iter().map(|p| (p.line, p.field.as_str())).collect();
        assert_eq!(fields, vec![(2, "year"), (3, "sex"), (3, "count"), (3, "age_to")]);
    }

    #[test]
    fn overlapping_rows_are_refused_because_they_count_people_twice() {
        let text = "municipality,year,age_from,age_to,sex,count\n\
            101,2017,16,39,M,100\n\
            101,2017,30,66,*,100\n";
        let err = PopulationTable::parse_csv(text).expect_err("must fail");
        assert_eq!(err.problems.len(), 1);
        assert_eq!(err.problems[0].line, 3);
    }

    #[test]
    fn a_missing_header_column_is_named() {
        let err = PopulationTable::parse_csv("municipality,year,age_from,age_to,count\n").expect_err("must fail");
        assert_eq!(err.problems[0].field, "sex");
    }
}
