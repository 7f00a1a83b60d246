//! The generator's configuration: the period, the seed and the municipalities with their composition and practice.

use chrono::NaiveDate;
use journal::{DiagnosisGroup, Sex};

/// The municipality in [`SimConfig::country`] made to award twice as often as its composition predicts (Kolding).
pub const COUNTRY_FLAGGED: &str = "621";
/// The municipality in [`SimConfig::country`] that awards exactly as its composition predicts (Aarhus).
pub const COUNTRY_NEUTRAL: &str = "751";

/// The diagnosis groups, in the order of [`MunicipalityProfile::diagnosis_mix`].
pub const DIAGNOSIS_GROUPS: [DiagnosisGroup; 6] = [
    DiagnosisGroup::Psykisk,
    DiagnosisGroup::Bevaegeapparat,
    DiagnosisGroup::Kraeft,
    DiagnosisGroup::Neurologisk,
    DiagnosisGroup::HjerteKar,
    DiagnosisGroup::Andet,
];

/// What to generate: how many cases, from which seed, in which municipalities, over which period.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Number of cases (citizens), split over the municipalities by weight.
    pub cases: usize,
    /// The seed; the same config and seed give the same bytes.
    pub seed: u64,
    /// The municipalities.
    pub municipalities: Vec<MunicipalityProfile>,
    /// First possible entry date.
    pub start: NaiveDate,
    /// Nothing is written after this date: cases still running then are left open.
    pub end: NaiveDate,
}

/// One municipality: its share of the cases, the composition of its citizens, and its award practice.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityProfile {
    /// Kommunekode, 3 digits.
    pub code: String,
    /// Name, e.g. "København".
    pub name: String,
    /// Share of the cases (weights are normalised over all municipalities).
    pub weight: f64,
    /// Award practice: the composition-predicted probability of foertidspension, seniorfoertidspension
    /// or fleksjob is multiplied by this (1.0 = neutral, 2.0 = twice as often).
    pub award_multiplier: f64,
    /// Share of the 16–66 population under 40 (Table 5.2: KBH 0.62, Aarhus 0.58, country 0.46).
    /// Case ages follow the population, weighted towards older ages.
    pub young_share: f64,
    /// Share of cases that are women.
    pub female_share: f64,
    /// Weights of the diagnosis groups, in the order of [`DIAGNOSIS_GROUPS`], before age adjustment
    /// (older citizens have more kraeft and hjerte_kar, younger more psykisk).
    pub diagnosis_mix: [f64; 6],
    /// Share of cases entering from sygedagpenge (the rest from kontanthjaelp, or uddannelseshjaelp under 30).
    pub sygedagpenge_share: f64,
    /// Probability that a case bound for an award goes through a ressourceforloeb first (cases
    /// without an award get one with 0.6 times this probability).
    pub ressourceforloeb_propensity: f64,
    /// Among ressourceforloeb that end without an award, the share that go back to kontanthjaelp
    /// (the rest: selvforsoergelse, job, uddannelse). Table 5.4: KBH high, the country low.
    pub kontanthjaelp_after_rf: f64,
    /// Median years on kontanthjaelp before the forberedende del is started.
    pub kontanthjaelp_years_median: f64,
    /// Cases over the whole period per 1,000 inhabitants aged 16–66 (sizes the population table).
    pub cases_per_1000: f64,
}

/// The benefit a citizen is on when the case opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryBenefit {
    /// Aktivitetsparat kontanthjaelp (JKI in Copenhagen).
    Kontanthjaelp,
    /// Sygedagpenge (JKA if sick-listed from a job, AMC if from unemployment).
    Sygedagpenge,
    /// Aktivitetsparat uddannelseshjaelp, under 30 (JKU).
    Uddannelseshjaelp,
}

/// The composition model: probability that a citizen of this age (at entry), sex, diagnosis
/// group and entry benefit is ever awarded foertidspension, seniorfoertidspension or fleksjob in a
/// municipality with neutral practice. Pension is rare under 40 (PL § 16, stk. 2), rising with age.
pub fn composition_award_probability(age: u32, sex: Sex, diagnosis: DiagnosisGroup, entry: EntryBenefit) -> f64 {
    let by_age: f64 = match age {
        0..=24 => 0.05,
        25..=29 => 0.08,
        30..=34 => 0.11,
        35..=39 => 0.15,
        40..=44 => 0.21,
        45..=49 => 0.26,
        50..=54 => 0.31,
        55..=59 => 0.35,
        _ => 0.38,
    };
    let by_diagnosis = match diagnosis {
        DiagnosisGroup::Psykisk => 1.0,
        DiagnosisGroup::Bevaegeapparat => 0.95,
        DiagnosisGroup::Kraeft => 1.3,
        DiagnosisGroup::Neurologisk => 1.2,
        DiagnosisGroup::HjerteKar => 1.1,
        DiagnosisGroup::Andet => 0.75,
    };
    let by_sex = match sex {
        Sex::K => 1.05,
        Sex::M => 0.95,
    };
    let by_entry = match entry {
        EntryBenefit::Kontanthjaelp => 1.0,
        EntryBenefit::Sygedagpenge => 1.1,
        EntryBenefit::Uddannelseshjaelp => 0.7,
    };
    (by_age * by_diagnosis * by_sex * by_entry).clamp(0.01, 0.47)
}

impl SimConfig {
    /// One municipality, København (101), 2014–2024: young citizens, many psykisk diagnoses, many
    /// ressourceforloeb that end in kontanthjaelp, and neutral award practice.
    pub fn demo(cases: usize, seed: u64) -> Self {
        SimConfig {
            cases,
            seed,
            municipalities: vec![copenhagen(1.0, 1.0)],
            start: date(2014, 1, 1),
            end: date(2024, 12, 31),
        }
    }

    /// Eight municipalities with different composition (age, sex, diagnosis mix, entry benefits) and
    /// practice, 2014–2024. Kolding ([`COUNTRY_FLAGGED`], 621) awards 2× what its composition
    /// predicts; Aarhus ([`COUNTRY_NEUTRAL`], 751) awards exactly that. The others: København 0.7,
    /// Frederiksberg 0.85, Odense 1.05, Aalborg 1.0, Ballerup 1.2, Furesø 1.1; the case-weighted
    /// mean multiplier is close to 1, so a composition benchmark should put Kolding near 2 and
    /// Aarhus near 1.
    pub fn country(cases: usize, seed: u64) -> Self {
        let municipality =
            |code: &str, name: &str, weight: f64, multiplier: f64, young: f64, mix: [f64; 6]| MunicipalityProfile {
                code: code.into(),
                name: name.into(),
                weight,
                award_multiplier: multiplier,
                young_share: young,
                female_share: 0.55,
                diagnosis_mix: mix,
                sygedagpenge_share: 0.33,
                ressourceforloeb_propensity: 0.6,
                kontanthjaelp_after_rf: 0.4,
                kontanthjaelp_years_median: 1.2,
                cases_per_1000: 40.0,
            };
        let balanced = [0.33, 0.27, 0.14, 0.09, 0.07, 0.10];
        let mut frederiksberg =
            municipality("147", "Frederiksberg", 0.07, 0.85, 0.60, [0.38, 0.22, 0.14, 0.09, 0.07, 0.10]);
        frederiksberg.kontanthjaelp_after_rf = 0.45;
        let mut ballerup = municipality("151", "Ballerup", 0.06, 1.2, 0.43, [0.28, 0.36, 0.13, 0.08, 0.07, 0.08]);
        ballerup.ressourceforloeb_propensity = 0.45;
        ballerup.kontanthjaelp_after_rf = 0.2;
        ballerup.female_share = 0.58;
        let mut furesoe = municipality("190", "Furesø", 0.05, 1.1, 0.42, [0.30, 0.33, 0.15, 0.08, 0.07, 0.07]);
        furesoe.kontanthjaelp_after_rf = 0.25;
        furesoe.sygedagpenge_share = 0.42;
        let mut odense = municipality("461", "Odense", 0.14, 1.05, 0.52, [0.34, 0.28, 0.13, 0.09, 0.07, 0.09]);
        odense.kontanthjaelp_after_rf = 0.35;
        let kolding = municipality("621", "Kolding", 0.07, 2.0, 0.46, balanced);
        let aarhus = municipality("751", "Aarhus", 0.20, 1.0, 0.58, balanced);
        let mut aalborg = municipality("851", "Aalborg", 0.13, 1.0, 0.52, [0.31, 0.30, 0.14, 0.08, 0.08, 0.09]);
        aalborg.female_share = 0.53;
        SimConfig {
            cases,
            seed,
            municipalities: vec![
                copenhagen(0.28, 0.7),
                frederiksberg,
                ballerup,
                furesoe,
                odense,
                kolding,
                aarhus,
                aalborg,
            ],
            start: date(2014, 1, 1),
            end: date(2024, 12, 31),
        }
    }

    /// Cases per municipality: `cases` split by weight (largest remainder), in the order of `municipalities`.
    pub fn case_counts(&self) -> Vec<usize> {
        let total: f64 = self.municipalities.iter().map(|m| m.weight.max(0.0)).sum();
        if self.municipalities.is_empty() {
            return Vec::new();
        }
        let n = self.municipalities.len();
        let shares: Vec<f64> = self
            .municipalities
            .iter()
            .map(|m| if total > 0.0 { m.weight.max(0.0) / total } else { 1.0 / n as f64 })
            .collect();
        let mut counts: Vec<usize> = shares.iter().map(|s| (s * self.cases as f64).floor() as usize).collect();
        let mut left = self.cases.saturating_sub(counts.iter().sum());
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let ra = shares[a] * self.cases as f64 - counts[a] as f64;
            let rb = shares[b] * self.cases as f64 - counts[b] as f64;
            rb.total_cmp(&ra).then(a.cmp(&b))
        });
        for &i in order.iter().cycle().take(n * 2) {
            if left == 0 {
                break;
            }
            counts[i] += 1;
            left -= 1;
        }
        counts
    }
}

/// København as the taskforce report describes it: 62 % of the 16–66 population under 40, psykisk
/// the largest diagnosis group (knap ⅓ of pension awards, few bevaegeapparat), many long
/// kontanthjaelp spells (over half longer than 3 years among 40+), and many ressourceforloeb that end
/// in kontanthjaelp or selvforsoergelse (Table 5.4).
fn copenhagen(weight: f64, multiplier: f64) -> MunicipalityProfile {
    MunicipalityProfile {
        code: "101".into(),
        name: "København".into(),
        weight,
        award_multiplier: multiplier,
        young_share: 0.62,
        female_share: 0.52,
        diagnosis_mix: [0.40, 0.18, 0.17, 0.09, 0.07, 0.09],
        sygedagpenge_share: 0.25,
        ressourceforloeb_propensity: 0.75,
        kontanthjaelp_after_rf: 0.55,
        kontanthjaelp_years_median: 2.5,
        cases_per_1000: 40.0,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
