//! The AKF-style benchmark: each municipality's actual awards against the awards expected from its citizens' composition.
//!
//! # Method
//!
//! 1. **Who is modelled.** The whole 16-66 population of every municipality in the
//!    population table for the year. Citizens with a case come in as [`PersonRecord`]s
//!    (age at the start of the year, sex, main ydelse at the start of the year, diagnosis
//!    group from the case's documents, and whether they were awarded in the year).
//!    Everyone else enters as frequency-weighted rows: for each municipality, age band
//!    and sex, the population count minus the citizens with a case in that cell, with
//!    support `none`, no diagnosis group and no award. (A case record of unknown sex is
//!    taken half from each sex.) Records outside 16-66 are left out and counted in the notes.
//! 2. **The model.** A logistic regression of "awarded in the year" on age band, sex,
//!    support category and diagnosis group, with an intercept and treatment (dummy)
//!    coding against a reference level per factor. Municipality is deliberately *not* a
//!    covariate: the model describes the country's average practice, and each
//!    municipality is compared with it (as AKF did, Kolodziejczyk et al. 2009, see
//!    `shared/domain/akf-2009.md` §1). It is fitted across all municipalities by
//!    unpenalised maximum likelihood ([`crate::logit`]) on cells of identical covariates
//!    with summed weights, which equals the person-level fit with frequency weights.
//!    Levels with no one in them get no column; a column that is a linear combination
//!    of earlier ones is dropped and named in [`ModelSummary::aliased`].
//! 3. **Expected and ratio.** `expected(m)` is the sum of the predicted probabilities of
//!    m's people; `ratio = actual / expected`.
//! 4. **Interval.** 95% exact Poisson (Garwood) interval of the observed count divided
//!    by `expected`; see [`crate::stats::poisson_ratio_interval`] for what it ignores.
//! 5. **Rank and quintile.** Rank 1 is the highest ratio (most awards relative to
//!    expectation), ties broken by municipality code; quintile 1 is the fifth with the
//!    highest ratios. (AKF's working paper put the *few*-awarders in its "top quintile";
//!    ours runs the other way, as the journal spec's `rank` does.) Every municipality is
//!    ranked, small ones too, so the flag, not the absence of a rank, tells the reader.
//! 6. **Small.** `small` when `expected < min_expected` (default 10 awards: the 95%
//!    interval then spans more than a factor of about 4) or the 16-66 population is below
//!    `min_population` (default 5,000). AKF left out municipalities under 40,000
//!    inhabitants for the same reason (akf-2009.md §1.5).

use crate::logit::{aliased_columns, fit_binomial_logit, LogitError, LogitOptions};
use crate::population::{PopulationTable, SexFilter};
use crate::stats::poisson_ratio_interval;
use nalgebra::DMatrix;
use serde::Serialize;
use std::collections::BTreeMap;

/// One citizen with a case, as the benchmark sees them in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRecord {
    /// The municipality (kommunekode) responsible for the case.
    pub municipality: String,
    /// Age at the start of the year.
    pub age: u8,
    /// Sex, from the `borger` event.
    pub sex: Sex,
    /// The citizen's main ydelse at the start of the year.
    pub support: SupportCategory,
    /// The diagnosis group from the case's documents, if any.
    pub diagnosis_group: Option<DiagnosisGroup>,
    /// Whether the outcome (e.g. tilkendt_foertidspension) was decided in the year.
    pub awarded: bool,
}

/// Sex as the benchmark uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Sex {
    /// Man (`M`).
    M,
    /// Woman (`K`).
    K,
    /// Not recorded in the journal.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Sex {
    /// The label used in coefficient names and CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::K => "K",
            Sex::Unknown => "unknown",
        }
    }
}

/// The citizen's main ydelse at the start of the year, grouped for the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportCategory {
    /// Kontanthjælp (aktivitetsparat or jobparat) or uddannelseshjælp.
    Kontanthjaelp,
    /// Sygedagpenge or jobafklaringsforløb.
    Sygedagpenge,
    /// Ressourceforløbsydelse.
    Ressourceforloebsydelse,
    /// Ledighedsydelse (a visitated citizen waiting for a fleksjob).
    Ledighedsydelse,
    /// Another ydelse or status recorded in the journal (revalidering, fleksjob, job …).
    Other,
    /// No public support recorded (everyone without a case is here).
    #[serde(rename = "none")]
    NoSupport,
}

impl SupportCategory {
    /// All categories in their canonical order (the reference, `none`, last).
    pub const ALL: [SupportCategory; 6] = [
        SupportCategory::Kontanthjaelp,
        SupportCategory::Sygedagpenge,
        SupportCategory::Ressourceforloebsydelse,
        SupportCategory::Ledighedsydelse,
        SupportCategory::Other,
        SupportCategory::NoSupport,
    ];

    /// The label used in coefficient names and CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            SupportCategory::Kontanthjaelp => "kontanthjaelp",
            SupportCategory::Sygedagpenge => "sygedagpenge",
            SupportCategory::Ressourceforloebsydelse => "ressourceforloebsydelse",
            SupportCategory::Ledighedsydelse => "ledighedsydelse",
            SupportCategory::Other => "other",
            SupportCategory::NoSupport => "none",
        }
    }
}

/// Diagnosis groups as `dokument.findings.diagnosis_group` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosisGroup {
    /// Mental disorders.
    Psykisk,
    /// Musculoskeletal disorders.
    Bevaegeapparat,
    /// Cancer.
    Kraeft,
    /// Neurological disorders.
    Neurologisk,
    /// Cardiovascular disorders.
    HjerteKar,
    /// Other.
    Andet,
}

impl DiagnosisGroup {
    /// All groups in the spec's order.
    pub const ALL: [DiagnosisGroup; 6] = [
        DiagnosisGroup::Psykisk,
        DiagnosisGroup::Bevaegeapparat,
        DiagnosisGroup::Kraeft,
        DiagnosisGroup::Neurologisk,
        DiagnosisGroup::HjerteKar,
        DiagnosisGroup::Andet,
    ];

    /// The spec's spelling (`hjerte_kar`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosisGroup::Psykisk => "psykisk",
            DiagnosisGroup::Bevaegeapparat => "bevaegeapparat",
            DiagnosisGroup::Kraeft => "kraeft",
            DiagnosisGroup::Neurologisk => "neurologisk",
            DiagnosisGroup::HjerteKar => "hjerte_kar",
            DiagnosisGroup::Andet => "andet",
        }
    }

    /// Parses the spec's spelling.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == text)
    }
}

/// An age band of the model, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct AgeBand {
    /// First age.
    pub from: u8,
    /// Last age.
    pub to: u8,
}

impl AgeBand {
    /// `from-to`, e.g. `40-49`.
    pub fn label(&self) -> String {
        format!("{}-{}", self.from, self.to)
    }
}

/// Settings for [`benchmark`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkOptions {
    /// Age bands that together cover 16-66 exactly. Default 16-29, 30-39, 40-49, 50-59,
    /// 60-66 (40 is where pension practice changed with the 2013 reform).
    pub age_bands: Vec<AgeBand>,
    /// Below this many expected awards a municipality is `small`. Default 10.
    pub min_expected: f64,
    /// Below this 16-66 population a municipality is `small`. Default 5,000.
    pub min_population: f64,
    /// Confidence level of the interval. Default 0.95.
    pub confidence: f64,
    /// Fitting settings.
    pub logit: LogitOptions,
}

impl Default for BenchmarkOptions {
    fn default() -> Self {
        Self {
            age_bands: [(16, 29), (30, 39), (40, 49), (50, 59), (60, 66)]
                .into_iter()
                .map(|(from, to)| AgeBand { from, to })
                .collect(),
            min_expected: 10.0,
            min_population: 5_000.0,
            confidence: 0.95,
            logit: LogitOptions::default(),
        }
    }
}

/// The benchmark for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    /// The year benchmarked.
    pub year: i32,
    /// One row per municipality, by rank.
    pub municipalities: Vec<MunicipalityBenchmark>,
    /// The fitted model.
    pub model: ModelSummary,
    /// Data problems met and how they were handled.
    pub notes: Vec<String>,
}

/// One municipality's result. The first eight fields are the journal spec's benchmark core.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityBenchmark {
    /// Kommunekode.
    pub municipality: String,
    /// Awards in the year.
    pub actual: u64,
    /// Awards expected from the composition of the municipality's 16-66 population.
    pub expected: f64,
    /// `actual / expected`; `None` when nothing was expected.
    pub ratio: Option<f64>,
    /// Lower bound of the 95% interval of the ratio.
    pub ci_low: Option<f64>,
    /// Upper bound of the 95% interval of the ratio.
    pub ci_high: Option<f64>,
    /// 1 = the highest ratio (most awards relative to expectation).
    pub rank: usize,
    /// Too few citizens (or expected awards) to judge.
    pub small: bool,
    /// 1 = the fifth with the highest ratios, 5 = the lowest.
    pub quintile: u8,
    /// Inhabitants 16-66 in the population table.
    pub population: f64,
    /// Citizens with a case in the records (aged 16-66).
    pub cases: u64,
}

/// The fitted model, for inspection and for the reference test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelSummary {
    /// Coefficients by name: `intercept`, `age[30-39]`, `sex[K]`, `support[kontanthjaelp]`,
    /// `diagnosis[psykisk]`, …
    pub coefficients: Vec<Coefficient>,
    /// The reference level of each factor (absorbed in the intercept).
    pub reference_levels: Vec<ReferenceLevel>,
    /// Columns without an estimate: linear combinations of earlier columns, or not
    /// estimable once separated cells (fitted at 0 or 1) are set aside.
    pub aliased: Vec<String>,
    /// Newton steps taken.
    pub iterations: usize,
    /// Whether the fit converged (false suggests separation; see [`crate::logit::LogitFit`]).
    pub converged: bool,
    /// Bernoulli log-likelihood at the estimate.
    pub log_likelihood: f64,
    /// Distinct covariate cells fitted.
    pub cells: usize,
    /// People modelled (sum of weights).
    pub people: f64,
    /// Awards modelled.
    pub awards: f64,
}

/// One coefficient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coefficient {
    /// Column name.
    pub name: String,
    /// Log-odds estimate.
    pub estimate: f64,
    /// Model-based standard error.
    pub std_error: f64,
}

/// The reference level of a factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceLevel {
    /// `age`, `sex`, `support` or `diagnosis`.
    pub factor: String,
    /// The level's label.
    pub level: String,
}

/// One frequency-weighted person-level row of the model: what the fit is "about". The
/// reference test writes these rows for statsmodels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelRow {
    /// Kommunekode.
    pub municipality: String,
    /// Age band label, e.g. `40-49`.
    pub age_band: String,
    /// `M`, `K` or `unknown`.
    pub sex: String,
    /// Support category label.
    pub support: String,
    /// Diagnosis group label, or `none`.
    pub diagnosis: String,
    /// Whether these people were awarded.
    pub awarded: bool,
    /// How many people the row stands for (may be fractional, see [`crate::population`]).
    pub weight: f64,
}

/// Why a benchmark could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BenchmarkError {
    /// The age bands do not cover 16-66 exactly, in order, without gaps.
    #[error("age bands must cover 16-66 in order without gaps or overlaps")]
    InvalidAgeBands,
    /// Nobody to model for the year.
    #[error("no population and no cases for {year}")]
    NoData {
        /// The year asked about.
        year: i32,
    },
    /// No awards at all (or everyone awarded): there is nothing to compare.
    #[error("{awards} awards among {people} people in {year}: the model needs both awards and non-awards")]
    NoVariation {
        /// The year asked about.
        year: i32,
        /// Awards found.
        awards: f64,
        /// People modelled.
        people: f64,
    },
    /// The fit failed.
    #[error("fitting the model failed: {0}")]
    Fit(#[from] LogitError),
}

/// Computes the benchmark for `year` from the case records of that year and the
/// population table (see the module doc for the method).
pub fn benchmark(
    records: &[PersonRecord],
    population: &PopulationTable,
    year: i32,
    options: &BenchmarkOptions,
) -> Result<Benchmark, BenchmarkError> {
    let prepared = prepare(records, population, year, options)?;
    let Prepared { cells_by_municipality, population_by_municipality, cases_by_municipality, mut notes } = prepared;

    // Collapse across municipalities.
    let mut cells: BTreeMap<CellKey, (f64, f64)> = BTreeMap::new();
    for per_cell in cells_by_municipality.values() {
        for (key, (awards, people)) in per_cell {
            let entry = cells.entry(*key).or_insert((0.0, 0.0));
            entry.0 += awards;
            entry.1 += people;
        }
    }
    cells.retain(|_, (_, people)| *people > 0.0);
    let people: f64 = cells.values().map(|(_, n)| n).sum();
    let awards: f64 = cells.values().map(|(s, _)| s).sum();
    if people <= 0.0 {
        return Err(BenchmarkError::NoData { year });
    }
    if awards <= 0.0 || awards >= people {
        return Err(BenchmarkError::NoVariation { year, awards, people });
    }

    let design = Design::new(cells.keys(), &options.age_bands);
    let keys: Vec<CellKey> = cells.keys().copied().collect();
    let full = design.matrix(&keys);
    let trials: Vec<f64> = cells.values().map(|(_, n)| *n).collect();
    let successes: Vec<f64> = cells.values().map(|(s, _)| *s).collect();
    let aliased = aliased_columns(&full, &trials);
    let kept: Vec<usize> = (0..design.names.len()).filter(|j| !aliased.contains(j)).collect();
    let matrix = full.select_columns(&kept);
    let fit = fit_binomial_logit(&matrix, &successes, &trials, &options.logit)?;
    if !fit.separated_cells.is_empty() {
        let described: Vec<String> =
            fit.separated_cells.iter().take(6).map(|&i| design.describe(&keys[i], &options.age_bands)).collect();
        notes.push(format!(
            "{} celle(r) i modellen med {} personer havde ingen tilkendelser (eller kun tilkendelser) og fik sandsynligheden 0 (eller 1), maksimum-likelihood-grænsen; fx {}",
            fit.separated_cells.len(),
            fit.separated_cells.iter().map(|&i| trials[i]).sum::<f64>().round(),
            described.join("; ")
        ));
    }
    if !fit.converged {
        notes.push(format!(
            "modellen konvergerede ikke på {} skridt; sandsynlighederne er fra sidste iteration",
            fit.iterations
        ));
    }
    let probability: BTreeMap<CellKey, f64> = keys.iter().copied().zip(fit.fitted.iter().copied()).collect();
    let mut rows: Vec<MunicipalityBenchmark> = cells_by_municipality
        .iter()
        .map(|(municipality, per_cell)| {
            let actual = per_cell.values().map(|(s, _)| s).sum::<f64>().round() as u64;
            let expected: f64 =
                per_cell.iter().map(|(key, (_, n))| n * probability.get(key).copied().unwrap_or(0.0)).sum();
            let ratio = (expected > 0.0).then(|| actual as f64 / expected);
            let interval = poisson_ratio_interval(actual, expected, options.confidence);
            let population = population_by_municipality.get(municipality).copied().unwrap_or(0.0);
            MunicipalityBenchmark {
                municipality: municipality.clone(),
                actual,
                expected,
                ratio,
                ci_low: interval.map(|(low, _)| low),
                ci_high: interval.map(|(_, high)| high),
                rank: 0,
                small: expected < options.min_expected || population < options.min_population,
                quintile: 0,
                population,
                cases: cases_by_municipality.get(municipality).copied().unwrap_or(0),
            }
        })
        .collect();
    rank_rows(&mut rows);

    let mut not_estimable: Vec<String> = aliased.iter().map(|&j| design.names[j].clone()).collect();
    let mut coefficients = Vec::new();
    for (k, &j) in kept.iter().enumerate() {
        if fit.coefficients[k].is_nan() {
            not_estimable.push(design.names[j].clone());
        } else {
            coefficients.push(Coefficient {
                name: design.names[j].clone(),
                estimate: fit.coefficients[k],
                std_error: fit.std_errors[k],
            });
        }
    }
    Ok(Benchmark {
        year,
        municipalities: rows,
        model: ModelSummary {
            coefficients,
            reference_levels: design.reference_levels(),
            aliased: not_estimable,
            iterations: fit.iterations,
            converged: fit.converged,
            log_likelihood: fit.log_likelihood,
            cells: keys.len(),
            people,
            awards,
        },
        notes,
    })
}

impl Benchmark {
    /// The ratio with its interval per municipality as an SVG bar chart (rank order), with
    /// a reference line at 1; `highlight` is drawn in the highlight colour. Municipalities
    /// flagged small are labelled so.
    pub fn chart(&self, title: &str, highlight: Option<&str>) -> String {
        crate::svg::bar_chart(&crate::svg::BarChart {
            title: title.to_string(),
            unit: "Faktiske tilkendelser i forhold til forventede ud fra borgernes sammensætning, med 95 %-interval"
                .into(),
            bars: self
                .municipalities
                .iter()
                .map(|row| crate::svg::Bar {
                    label: if row.small {
                        format!("{} (få borgere)", row.municipality)
                    } else {
                        row.municipality.clone()
                    },
                    value: row.ratio,
                    low: row.ci_low,
                    high: row.ci_high,
                    highlight: highlight == Some(row.municipality.as_str()),
                })
                .collect(),
            reference: Some((1.0, "forventet".into())),
        })
    }
}

/// The person-level rows the model is fitted on (case records aggregated by municipality
/// and covariate cell, plus the population without a case), as frequency-weighted rows.
/// Rows with weight 0 are left out.
pub fn model_rows(
    records: &[PersonRecord],
    population: &PopulationTable,
    year: i32,
    options: &BenchmarkOptions,
) -> Result<Vec<ModelRow>, BenchmarkError> {
    let prepared = prepare(records, population, year, options)?;
    let mut rows = Vec::new();
    for (municipality, per_cell) in &prepared.cells_by_municipality {
        for (key, (awards, people)) in per_cell {
            for (awarded, weight) in [(true, *awards), (false, people - awards)] {
                if weight > 0.0 {
                    rows.push(ModelRow {
                        municipality: municipality.clone(),
                        age_band: options.age_bands[key.band].label(),
                        sex: key.sex.as_str().into(),
                        support: key.support.as_str().into(),
                        diagnosis: key.diagnosis.map_or("none", DiagnosisGroup::as_str).into(),
                        awarded,
                        weight,
                    });
                }
            }
        }
    }
    Ok(rows)
}

/// Sorts by ratio (highest first; no ratio last; ties by municipality) and sets rank
/// and quintile.
fn rank_rows(rows: &mut [MunicipalityBenchmark]) {
    rows.sort_by(|a, b| {
        let by_ratio = match (a.ratio, b.ratio) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_ratio.then_with(|| a.municipality.cmp(&b.municipality))
    });
    let n = rows.len();
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
        row.quintile = (i * 5 / n.max(1)) as u8 + 1;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct CellKey {
    band: usize,
    sex: Sex,
    support: SupportCategory,
    diagnosis: Option<DiagnosisGroup>,
}

struct Prepared {
    /// municipality -> cell -> (awards, people)
    cells_by_municipality: BTreeMap<String, BTreeMap<CellKey, (f64, f64)>>,
    population_by_municipality: BTreeMap<String, f64>,
    cases_by_municipality: BTreeMap<String, u64>,
    notes: Vec<String>,
}

fn prepare(
    records: &[PersonRecord],
    population: &PopulationTable,
    year: i32,
    options: &BenchmarkOptions,
) -> Result<Prepared, BenchmarkError> {
    let bands = &options.age_bands;
    let covers = !bands.is_empty()
        && bands[0].from == 16
        && bands[bands.len() - 1].to == 66
        && bands.iter().all(|b| b.from <= b.to)
        && bands.windows(2).all(|w| w[1].from == w[0].to + 1);
    if !covers {
        return Err(BenchmarkError::InvalidAgeBands);
    }
    let band_of = |age: u8| bands.iter().position(|b| b.from <= age && age <= b.to);
    let mut notes = Vec::new();
    let mut cells: BTreeMap<String, BTreeMap<CellKey, (f64, f64)>> = BTreeMap::new();
    let mut cases_by_cell: BTreeMap<(String, usize, Sex), f64> = BTreeMap::new();
    let mut cases_by_municipality: BTreeMap<String, u64> = BTreeMap::new();
    let mut outside_ages = 0usize;
    for record in records {
        let Some(band) = band_of(record.age) else {
            outside_ages += 1;
            continue;
        };
        let key = CellKey { band, sex: record.sex, support: record.support, diagnosis: record.diagnosis_group };
        let entry = cells.entry(record.municipality.clone()).or_default().entry(key).or_insert((0.0, 0.0));
        entry.1 += 1.0;
        if record.awarded {
            entry.0 += 1.0;
        }
        *cases_by_municipality.entry(record.municipality.clone()).or_default() += 1;
        match record.sex {
            Sex::Unknown => {
                for sex in [Sex::M, Sex::K] {
                    *cases_by_cell.entry((record.municipality.clone(), band, sex)).or_default() += 0.5;
                }
            }
            sex => {
                *cases_by_cell.entry((record.municipality.clone(), band, sex)).or_default() += 1.0;
            }
        }
    }
    if outside_ages > 0 {
        notes.push(format!(
            "{outside_ages} sag(er) med en alder uden for 16-66 år ved begyndelsen af {year} er udeladt"
        ));
    }

    let mut population_by_municipality = BTreeMap::new();
    for municipality in population.municipalities(year) {
        let total = population.count(Some(&municipality), year, 16, 66, SexFilter::All);
        population_by_municipality.insert(municipality.clone(), total);
        for (band_index, band) in bands.iter().enumerate() {
            for (sex, filter) in [(Sex::M, SexFilter::M), (Sex::K, SexFilter::K)] {
                let inhabitants = population.count(Some(&municipality), year, band.from, band.to, filter);
                let with_case = cases_by_cell.get(&(municipality.clone(), band_index, sex)).copied().unwrap_or(0.0);
                let without_case = inhabitants - with_case;
                if without_case < -1e-9 {
                    notes.push(format!(
                        "kommune {municipality}, alder {}, køn {}: {with_case} borgere med en sag, men kun {inhabitants} indbyggere i befolkningstabellen; regnet som 0 uden sag",
                        band.label(),
                        sex.as_str()
                    ));
                }
                if without_case > 0.0 {
                    let key = CellKey { band: band_index, sex, support: SupportCategory::NoSupport, diagnosis: None };
                    let entry = cells.entry(municipality.clone()).or_default().entry(key).or_insert((0.0, 0.0));
                    entry.1 += without_case;
                }
            }
        }
    }
    let missing: Vec<&String> = cells.keys().filter(|m| !population_by_municipality.contains_key(*m)).collect();
    if !missing.is_empty() {
        notes.push(format!(
            "befolkningstabellen har ingen tal for {year} for kommune {}: kun borgere med en sag indgår, og kommunen er markeret som lille",
            missing
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if cells.is_empty() {
        return Err(BenchmarkError::NoData { year });
    }
    Ok(Prepared { cells_by_municipality: cells, population_by_municipality, cases_by_municipality, notes })
}

/// The dummy coding of the covariates present in the data.
struct Design {
    names: Vec<String>,
    bands: Vec<usize>,
    sexes: Vec<Sex>,
    supports: Vec<SupportCategory>,
    diagnoses: Vec<DiagnosisGroup>,
    reference: (String, Sex, SupportCategory, &'static str),
}

impl Design {
    /// Reference levels: the youngest band present, `M` (else `K`), support `none` (else
    /// the first present), diagnosis `none` (else the first present). Every other level
    /// present gets a column.
    fn new<'a>(keys: impl Iterator<Item = &'a CellKey> + Clone, bands: &[AgeBand]) -> Self {
        let present_bands: std::collections::BTreeSet<usize> = keys.clone().map(|k| k.band).collect();
        let present_sexes: std::collections::BTreeSet<Sex> = keys.clone().map(|k| k.sex).collect();
        let present_supports: std::collections::BTreeSet<SupportCategory> = keys.clone().map(|k| k.support).collect();
        let present_diagnoses: std::collections::BTreeSet<Option<DiagnosisGroup>> = keys.map(|k| k.diagnosis).collect();

        let reference_band = present_bands.iter().next().copied().unwrap_or(0);
        let reference_sex = present_sexes.iter().next().copied().unwrap_or(Sex::M);
        let reference_support = if present_supports.contains(&SupportCategory::NoSupport) {
            SupportCategory::NoSupport
        } else {
            present_supports.iter().next().copied().unwrap_or(SupportCategory::NoSupport)
        };
        let reference_diagnosis =
            if present_diagnoses.contains(&None) { None } else { present_diagnoses.iter().next().copied().flatten() };

        let mut names = vec!["intercept".to_string()];
        let band_columns: Vec<usize> = present_bands.iter().copied().filter(|&b| b != reference_band).collect();
        names.extend(band_columns.iter().map(|&b| format!("age[{}]", bands[b].label())));
        let sex_columns: Vec<Sex> = present_sexes.iter().copied().filter(|&s| s != reference_sex).collect();
        names.extend(sex_columns.iter().map(|s| format!("sex[{}]", s.as_str())));
        let support_columns: Vec<SupportCategory> = SupportCategory::ALL
            .into_iter()
            .filter(|s| present_supports.contains(s) && *s != reference_support)
            .collect();
        names.extend(support_columns.iter().map(|s| format!("support[{}]", s.as_str())));
        let diagnosis_columns: Vec<DiagnosisGroup> = DiagnosisGroup::ALL
            .into_iter()
            .filter(|d| present_diagnoses.contains(&Some(*d)) && Some(*d) != reference_diagnosis)
            .collect();
        names.extend(diagnosis_columns.iter().map(|d| format!("diagnosis[{}]", d.as_str())));
        Self {
            names,
            bands: band_columns,
            sexes: sex_columns,
            supports: support_columns,
            diagnoses: diagnosis_columns,
            reference: (
                bands[reference_band].label(),
                reference_sex,
                reference_support,
                reference_diagnosis.map_or("none", DiagnosisGroup::as_str),
            ),
        }
    }

    fn describe(&self, key: &CellKey, bands: &[AgeBand]) -> String {
        format!(
            "alder {}, køn {}, forsørgelse {}, diagnosegruppe {}",
            bands[key.band].label(),
            key.sex.as_str(),
            key.support.as_str(),
            key.diagnosis.map_or("ingen", DiagnosisGroup::as_str)
        )
    }

    fn row(&self, key: &CellKey) -> Vec<f64> {
        let mut row = Vec::with_capacity(self.names.len());
        row.push(1.0);
        row.extend(self.bands.iter().map(|&b| f64::from(u8::from(key.band == b))));
        row.extend(self.sexes.iter().map(|&s| f64::from(u8::from(key.sex == s))));
        row.extend(self.supports.iter().map(|&s| f64::from(u8::from(key.support == s))));
        row.extend(self.diagnoses.iter().map(|&d| f64::from(u8::from(key.diagnosis == Some(d)))));
        row
    }

    fn matrix(&self, keys: &[CellKey]) -> DMatrix<f64> {
        let cols = self.names.len();
        let mut data = Vec::with_capacity(keys.len() * cols);
        for key in keys {
            data.extend(self.row(key));
        }
        DMatrix::from_row_slice(keys.len(), cols, &data)
    }

    fn reference_levels(&self) -> Vec<ReferenceLevel> {
        let (band, sex, support, diagnosis) = &self.reference;
        [
            ("age", band.clone()),
            ("sex", sex.as_str().to_string()),
            ("support", support.as_str().to_string()),
            ("diagnosis", diagnosis.to_string()),
        ]
        .into_iter()
        .map(|(factor, level)| ReferenceLevel { factor: factor.into(), level })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::{PopulationRow, PopulationSex};

    fn person(municipality: &str, age: u8, sex: Sex, awarded: bool) -> PersonRecord {
        PersonRecord {
            municipality: municipality.into(),
            age,
            sex,
            support: SupportCategory::Kontanthjaelp,
            diagnosis_group: Some(DiagnosisGroup::Psykisk),
            awarded,
        }
    }

    fn table(rows: &[(&str, u8, u8, PopulationSex, u64)]) -> PopulationTable {
        PopulationTable::from_rows(
            rows.iter()
                .map(|(m, from, to, sex, count)| PopulationRow {
                    municipality: (*m).into(),
                    year: 2017,
                    age_from: *from,
                    age_to: *to,
                    sex: *sex,
                    count: *count,
                })
                .collect(),
        )
    }

    #[test]
    fn people_without_a_case_are_the_population_minus_the_cases_in_their_cell() {
        let population = table(&[("101", 16, 66, PopulationSex::M, 510), ("101", 16, 66, PopulationSex::K, 1020)]);
        let records = vec![
            person("101", 45, Sex::M, true),
            person("101", 45, Sex::K, false),
            person("101", 45, Sex::Unknown, false),
        ];
        let rows = model_rows(&records, &population, 2017, &BenchmarkOptions::default()).expect("rows");
        let weight = |band: &str, sex: &str, support: &str| -> f64 {
            rows.iter().filter(|r| r.age_band == band && r.sex == sex && r.support == support).map(|r| r.weight).sum()
        };
        // 510 men over 51 ages = 10 per age; 40-49 has 100 men, 1.5 of whom have a case.
        assert!((weight("40-49", "M", "none") - 98.5).abs() < 1e-9);
        assert!((weight("40-49", "K", "none") - 198.5).abs() < 1e-9);
        assert!((weight("16-29", "M", "none") - 140.0).abs() < 1e-9);
        assert!((weight("40-49", "unknown", "kontanthjaelp") - 1.0).abs() < 1e-9);
        let total: f64 = rows.iter().map(|r| r.weight).sum();
        assert!((total - 1530.0).abs() < 1e-9);
    }

    #[test]
    fn a_neutral_intercept_only_world_gives_ratio_one_everywhere() {
        // Two municipalities, same composition, same rates: every ratio is 1.
        let mut records = Vec::new();
        for m in ["101", "751"] {
            for i in 0..100 {
                for (support, awarded) in
                    [(SupportCategory::Kontanthjaelp, i < 20), (SupportCategory::NoSupport, i < 2)]
                {
                    records.push(PersonRecord {
                        municipality: m.into(),
                        age: 50,
                        sex: Sex::K,
                        support,
                        diagnosis_group: None,
                        awarded,
                    });
                }
            }
        }
        let population =
            table(&[("101", 16, 66, PopulationSex::Both, 10_000), ("751", 16, 66, PopulationSex::Both, 10_000)]);
        let result = benchmark(&records, &population, 2017, &BenchmarkOptions::default()).expect("fits");
        for row in &result.municipalities {
            assert!((row.ratio.expect("ratio") - 1.0).abs() < 1e-8, "{row:?}");
            assert!((row.expected - 22.0).abs() < 1e-6);
        }
        assert_eq!(result.municipalities[0].municipality, "101");
        assert_eq!(result.municipalities[0].rank, 1);
        assert_eq!(result.municipalities[1].quintile, 3);
        let svg = result.chart("Førtidspension 2017", Some("751"));
        assert_eq!(svg.matches("95 % interval").count(), 2);
        assert!(svg.contains("#c8102e"), "the highlighted municipality is drawn in red");
    }

    #[test]
    fn no_awards_at_all_is_reported_not_divided_by() {
        let population = table(&[("101", 16, 66, PopulationSex::Both, 1000)]);
        let records = vec![person("101", 45, Sex::M, false)];
        assert!(matches!(
            benchmark(&records, &population, 2017, &BenchmarkOptions::default()),
            Err(BenchmarkError::NoVariation { .. })
        ));
    }

    #[test]
    fn age_bands_with_a_gap_are_refused() {
        let options = BenchmarkOptions {
            age_bands: vec![AgeBand { from: 16, to: 39 }, AgeBand { from: 41, to: 66 }],
            ..BenchmarkOptions::default()
        };
        assert_eq!(benchmark(&[], &PopulationTable::default(), 2017, &options), Err(BenchmarkError::InvalidAgeBands));
    }

    #[test]
    fn a_municipality_missing_from_the_population_table_is_noted_and_small() {
        let population = table(&[("101", 16, 66, PopulationSex::Both, 10_000)]);
        let mut records: Vec<PersonRecord> = (0..50).map(|i| person("101", 50, Sex::K, i < 10)).collect();
        records.extend((0..50).map(|i| person("999", 50, Sex::K, i < 10)));
        let result = benchmark(&records, &population, 2017, &BenchmarkOptions::default()).expect("fits");
        let row = result.municipalities.iter().find(|r| r.municipality == "999").expect("present");
        assert!(row.small);
        assert_eq!(row.population, 0.0);
        assert!(result.notes.iter().any(|n| n.contains("999")));
        // Nobody without a case is awarded: those cells sit at probability 0, said in a note.
        assert!(result.notes.iter().any(|n| n.contains("fik sandsynligheden 0")), "{:?}", result.notes);
        assert!(result.model.converged);
    }

    #[test]
    fn quintiles_split_ranks_into_fifths() {
        let mut rows: Vec<MunicipalityBenchmark> = (0..10)
            .map(|i| MunicipalityBenchmark {
                municipality: format!("{i:03}"),
                actual: i,
                expected: 5.0,
                ratio: Some(i as f64 / 5.0),
                ci_low: None,
                ci_high: None,
                rank: 0,
                small: false,
                quintile: 0,
                population: 0.0,
                cases: 0,
            })
            .collect();
        rank_rows(&mut rows);
        let got: Vec<(String, usize, u8)> = rows.iter().map(|r| (r.municipality.clone(), r.rank, r.quintile)).collect();
        assert_eq!(got[0], ("009".to_string(), 1, 1));
        assert_eq!(got[1].2, 1);
        assert_eq!(got[2].2, 2);
        assert_eq!(got[9], ("000".to_string(), 10, 5));
    }
}
