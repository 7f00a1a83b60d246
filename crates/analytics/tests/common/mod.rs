//! A deterministic synthetic country for the integration tests: municipalities with chosen composition and practice.

#![allow(dead_code, reason = "each test binary uses part of the helper")]

use analytics::population::{PopulationRow, PopulationSex, PopulationTable};
use analytics::{DiagnosisGroup, PersonRecord, Sex, SupportCategory};

/// SplitMix64: small, deterministic, good enough for simulated test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<T: Copy>(&mut self, weighted: &[(T, f64)]) -> T {
        let total: f64 = weighted.iter().map(|(_, w)| w).sum();
        let mut u = self.unit() * total;
        for (item, w) in weighted {
            if u < *w {
                return *item;
            }
            u -= w;
        }
        weighted[weighted.len() - 1].0
    }
}

/// How one simulated municipality differs from the others.
#[derive(Clone, Debug)]
pub struct MunicipalitySpec {
    pub code: String,
    /// Inhabitants 16-66.
    pub size: usize,
    /// Exponent < 1 makes the population older.
    pub age_skew: f64,
    /// Multiplies the probability of having a case.
    pub case_rate: f64,
    /// Weight of `psykisk` among diagnosis groups (others have weight 1).
    pub psychiatric_weight: f64,
    /// Multiplies the award probability: the municipality's practice.
    pub practice: f64,
}

impl MunicipalitySpec {
    pub fn neutral(code: &str, size: usize) -> Self {
        Self { code: code.into(), size, age_skew: 1.0, case_rate: 1.0, psychiatric_weight: 1.0, practice: 1.0 }
    }
}

/// The simulated records and population table.
pub struct World {
    pub records: Vec<PersonRecord>,
    pub population: PopulationTable,
    pub year: i32,
}

pub fn simulate(specs: &[MunicipalitySpec], seed: u64) -> World {
    let year = 2017;
    let mut rng = Rng::new(seed);
    let mut records = Vec::new();
    let mut rows = Vec::new();
    for spec in specs {
        let mut counts = vec![[0u64; 2]; 67];
        for _ in 0..spec.size {
            let age = 16 + (51.0 * rng.unit().powf(spec.age_skew)).floor().min(50.0) as u8;
            let sex = if rng.unit() < 0.5 { Sex::M } else { Sex::K };
            counts[usize::from(age)][usize::from(sex == Sex::K)] += 1;
            let case_probability = (0.02 + 0.002 * f64::from(age - 16)) * spec.case_rate;
            if rng.unit() >= case_probability {
                continue;
            }
            let support = rng.pick(&[
                (SupportCategory::Kontanthjaelp, 0.35),
                (SupportCategory::Sygedagpenge, 0.25),
                (SupportCategory::Ressourceforloebsydelse, 0.15),
                (SupportCategory::Ledighedsydelse, 0.05),
                (SupportCategory::Other, 0.10),
                (SupportCategory::NoSupport, 0.10),
            ]);
            let diagnosis_group = if rng.unit() < 0.7 {
                Some(rng.pick(&[
                    (DiagnosisGroup::Psykisk, spec.psychiatric_weight),
                    (DiagnosisGroup::Bevaegeapparat, 1.0),
                    (DiagnosisGroup::Kraeft, 1.0),
                    (DiagnosisGroup::Neurologisk, 1.0),
                    (DiagnosisGroup::HjerteKar, 1.0),
                    (DiagnosisGroup::Andet, 1.0),
                ]))
            } else {
                None
            };
            let support_effect = match support {
                SupportCategory::Kontanthjaelp => 0.3,
                SupportCategory::Sygedagpenge => 0.5,
                SupportCategory::Ressourceforloebsydelse => 1.2,
                SupportCategory::Ledighedsydelse => 0.8,
                SupportCategory::Other => -0.5,
                SupportCategory::NoSupport => -1.0,
            };
            let diagnosis_effect = match diagnosis_group {
                Some(DiagnosisGroup::Psykisk) => 0.6,
                Some(DiagnosisGroup::Bevaegeapparat) => 0.4,
                Some(DiagnosisGroup::Kraeft) => 1.2,
                Some(DiagnosisGroup::Neurologisk) => 0.9,
                Some(DiagnosisGroup::HjerteKar) => 0.7,
                Some(DiagnosisGroup::Andet) => 0.2,
                None => -0.5,
            };
            let sex_effect = if sex == Sex::K { 0.1 } else { 0.0 };
            let eta = -4.0 + 0.06 * f64::from(age - 16) + support_effect + diagnosis_effect + sex_effect;
            let probability = (spec.practice / (1.0 + (-eta).exp())).min(0.99);
            records.push(PersonRecord {
                municipality: spec.code.clone(),
                age,
                sex,
                support,
                diagnosis_group,
                awarded: rng.unit() < probability,
            });
        }
        for (age, by_sex) in counts.iter().enumerate().skip(16) {
            for (k, sex) in [PopulationSex::M, PopulationSex::K].into_iter().enumerate() {
                rows.push(PopulationRow {
                    municipality: spec.code.clone(),
                    year,
                    age_from: age as u8,
                    age_to: age as u8,
                    sex,
                    count: by_sex[k],
                });
            }
        }
    }
    World { records, population: PopulationTable::from_rows(rows), year }
}
