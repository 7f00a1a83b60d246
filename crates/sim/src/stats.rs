//! Counts of what a run wrote: events, decisions, flows out of ressourceforloeb, awards per municipality.

use crate::profile::SimConfig;
use journal::{AfgoerelseOutcome, Event, EventBody};
use std::collections::BTreeMap;

/// What a run wrote, counted from the events themselves (after cutting at `end`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SimStats {
    /// Cases written.
    pub cases: usize,
    /// Events (lines) written.
    pub events: usize,
    /// Events per `type`.
    pub event_types: BTreeMap<String, usize>,
    /// Decisions (`afgoerelse`) per outcome.
    pub decisions: BTreeMap<String, usize>,
    /// Ressourceforloeb that ended (an `indsats_slut` of a `ressourceforloeb` measure).
    pub ressourceforloeb_ended: usize,
    /// The support that followed each ended ressourceforloeb (`ydelse` of the next `ydelse_start`,
    /// or `ingen` if none was written before `end`).
    pub after_ressourceforloeb: BTreeMap<String, usize>,
    /// Per municipality, in the order of the config.
    pub municipalities: Vec<MunicipalityStats>,
}

/// Awards in one municipality against what its composition predicts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MunicipalityStats {
    /// Kommunekode.
    pub code: String,
    /// Cases generated.
    pub cases: usize,
    /// Sum over its cases of the composition-predicted award probability (neutral practice).
    pub expected_awards: f64,
    /// Cases drawn to end in an award (before cutting at `end`).
    pub destined_awards: usize,
    /// `tilkendt_foertidspension` and `tilkendt_seniorfoertidspension` decisions written.
    pub pension_awards: usize,
    /// `bevilget_fleksjob` decisions written.
    pub fleksjob_awards: usize,
}

impl SimStats {
    /// Empty counts for the municipalities of `cfg`.
    pub(crate) fn new(cfg: &SimConfig) -> Self {
        SimStats {
            municipalities: cfg
                .municipalities
                .iter()
                .map(|m| MunicipalityStats { code: m.code.clone(), ..MunicipalityStats::default() })
                .collect(),
            ..SimStats::default()
        }
    }

    /// Share of ended ressourceforloeb followed by `ydelse` (0 if none ended).
    pub fn share_after_ressourceforloeb(&self, ydelse: &str) -> f64 {
        if self.ressourceforloeb_ended == 0 {
            return 0.0;
        }
        *self.after_ressourceforloeb.get(ydelse).unwrap_or(&0) as f64 / self.ressourceforloeb_ended as f64
    }

    /// Share of all decisions with this outcome (0 if none).
    pub fn share_of_decisions(&self, outcome: &str) -> f64 {
        let total: usize = self.decisions.values().sum();
        if total == 0 {
            return 0.0;
        }
        *self.decisions.get(outcome).unwrap_or(&0) as f64 / total as f64
    }

    /// Adds the counts of `other` (same municipalities) to these.
    pub(crate) fn merge(&mut self, other: &SimStats) {
        self.cases += other.cases;
        self.events += other.events;
        self.ressourceforloeb_ended += other.ressourceforloeb_ended;
        for (target, source) in [
            (&mut self.event_types, &other.event_types),
            (&mut self.decisions, &other.decisions),
            (&mut self.after_ressourceforloeb, &other.after_ressourceforloeb),
        ] {
            for (key, n) in source {
                *target.entry(key.clone()).or_default() += n;
            }
        }
        for (mine, theirs) in self.municipalities.iter_mut().zip(&other.municipalities) {
            mine.cases += theirs.cases;
            mine.expected_awards += theirs.expected_awards;
            mine.destined_awards += theirs.destined_awards;
            mine.pension_awards += theirs.pension_awards;
            mine.fleksjob_awards += theirs.fleksjob_awards;
        }
    }

    /// Counts one generated case.
    pub(crate) fn record_case(&mut self, muni: usize, expected: f64, destined: bool, events: &[Event]) {
        self.cases += 1;
        self.events += events.len();
        let m = &mut self.municipalities[muni];
        m.cases += 1;
        m.expected_awards += expected;
        m.destined_awards += usize::from(destined);
        let mut rf_ids: Vec<&str> = Vec::new();
        for (index, event) in events.iter().enumerate() {
            *self.event_types.entry(event.event_type().as_str().to_owned()).or_default() += 1;
            match &event.body {
                EventBody::Afgoerelse(decision) => {
                    *self.decisions.entry(decision.outcome.as_str().to_owned()).or_default() += 1;
                    match decision.outcome {
                        AfgoerelseOutcome::TilkendtFoertidspension
                        | AfgoerelseOutcome::TilkendtSeniorfoertidspension => m.pension_awards += 1,
                        AfgoerelseOutcome::BevilgetFleksjob => m.fleksjob_awards += 1,
                        _ => {}
                    }
                }
                EventBody::IndsatsStart { kind, .. } if kind == "ressourceforloeb" => {
                    if let Some(id) = &event.id {
                        rf_ids.push(id);
                    }
                }
                EventBody::IndsatsSlut { .. } if event.id.as_deref().is_some_and(|id| rf_ids.contains(&id)) => {
                    self.ressourceforloeb_ended += 1;
                    let next = events[index + 1..].iter().find_map(|later| match &later.body {
                        EventBody::YdelseStart { ydelse } => Some(ydelse.as_str()),
                        EventBody::IndsatsStart { kind, .. } if kind == "ressourceforloeb" => {
                            Some("ressourceforloebsydelse")
                        }
                        _ => None,
                    });
                    *self.after_ressourceforloeb.entry(next.unwrap_or("ingen").to_owned()).or_default() += 1;
                }
                _ => {}
            }
        }
    }
}
