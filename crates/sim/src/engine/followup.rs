//! Before the team: follow-up conversations and documents, and measures (indsatser).

use super::*;

impl CaseGen<'_> {
    /// Follow-up in the entry unit until `until`; sygedagpenge turn into jobafklaringsforloeb after 22–26 weeks.
    pub(super) fn entry_followup(&mut self, entry: EntryBenefit, until: NaiveDate, early_sufficient: bool) {
        match entry {
            EntryBenefit::Sygedagpenge => {
                let switch = self.t + self.days(154, 182);
                if switch < until {
                    self.followup(switch, 28, "sygeopfoelgning", 0.25);
                    if self.open_for(switch) {
                        self.switch_ydelse(switch, Ydelse::Jobafklaringsforloeb);
                    }
                    self.followup(until, 28, "opfoelgning", 0.1);
                } else {
                    self.followup(until, 28, "sygeopfoelgning", 0.25);
                }
            }
            _ => self.followup(until, 91, "jobsamtale", 0.04),
        }
        if early_sufficient {
            // The evidence for pension is already there, long before anyone acts on it.
            let at = self.entry + Duration::days(((until - self.entry).num_days() / 2).max(1));
            if self.open_for(at) {
                self.conclusive = true;
                self.health_document(at, DokumentKind::Speciallaege);
                let later = at + self.days(7, 60);
                self.judge(later, Criterion::ArbejdsevneVarigtNedsat, true);
                self.judge(later, Criterion::ArbejdsevneVaesentligtNedsat, true);
                self.judge(later, Criterion::KanIkkeForbedresDokumenteret, true);
                self.conclusive = false;
            }
        }
    }

    /// Conversations every `interval` days until `until`, with misses, handovers, measures,
    /// documents (`doc_rate` per conversation), notes and, if pending, one long stall.
    pub(super) fn followup(&mut self, until: NaiveDate, interval: i64, kind: &str, doc_rate: f64) {
        let until = until.min(self.horizon + Duration::days(1));
        let mut t = self.t;
        let in_rf = self.ydelse == Ydelse::Ressourceforloebsydelse;
        let measure_rate = if in_rf { 0.3 } else { 0.1 };
        loop {
            let step = interval + self.rng.gen_range(-(interval / 10)..=interval / 4);
            t += Duration::days(step.max(7));
            if t >= until {
                break;
            }
            if self.stall_pending && self.chance(0.15) {
                self.stall_pending = false;
                t += Duration::days(self.rng.gen_range(365..=1100));
                if self.chance(0.5) {
                    self.note(t.min(until));
                }
                continue;
            }
            if !self.chance(self.miss) {
                self.samtale(t, kind);
            }
            if self.chance(self.churn * step as f64 / 365.0) {
                let unit = self.unit;
                self.handover(t, unit);
            }
            if self.chance(measure_rate) {
                self.measure(t, until, in_rf);
            }
            if self.chance(doc_rate) {
                let kind = if self.chance(0.8) { DokumentKind::Statusattest } else { DokumentKind::Speciallaege };
                self.health_document(t, kind);
            }
            if self.chance(0.05) {
                self.note(t);
            }
        }
        self.t = self.t.max(until);
    }

    /// A measure starting at `at`, ending by `until`, with its supplier's report where there is one.
    pub(super) fn measure(&mut self, at: NaiveDate, until: NaiveDate, in_rf: bool) {
        let kinds: &[&str] = if in_rf {
            &[
                "virksomhedspraktik",
                "mentor",
                "behandling",
                "arbejdsproevning",
                "virksomhedspraktik",
                "mestringsforloeb",
            ]
        } else if self.ydelse == Ydelse::Sygedagpenge {
            &["mestringsforloeb", "behandling", "virksomhedspraktik"]
        } else {
            &["virksomhedspraktik", "mentor", "behandling", "virksomhedspraktik"]
        };
        let kind = self.pick(kinds);
        let weeks: i64 = match kind {
            "virksomhedspraktik" => self.rng.gen_range(8..=13),
            "arbejdsproevning" => self.rng.gen_range(4..=12),
            "mentor" => self.rng.gen_range(13..=52),
            "behandling" => self.rng.gen_range(8..=26),
            _ => self.rng.gen_range(8..=16),
        };
        let planned_end = at + Duration::days(weeks * 7);
        if planned_end > until && self.chance(0.8) {
            // No room before the next step: the measure is not started.
            return;
        }
        let mut end = if self.chance(0.15) {
            at + Duration::days(weeks * 7 * self.rng.gen_range(3..=9) / 10)
        } else {
            planned_end
        };
        end = end.min(until);
        if end <= at + Duration::days(7) {
            return;
        }
        let work = matches!(kind, "virksomhedspraktik" | "arbejdsproevning");
        let hours = match self.severity {
            2 => self.rng.gen_range(2..=8),
            1 => self.rng.gen_range(6..=15),
            _ => self.rng.gen_range(10..=25),
        };
        let id = self.next_id(1);
        let by = self.by_cw();
        let body = EventBody::IndsatsStart {
            kind: kind.to_owned(),
            hours_per_week: work.then_some(f64::from(hours)),
            planned_end: Some(planned_end),
            skaanehensyn_beskrevet: work.then(|| self.chance(0.7)),
        };
        self.push(at, by.clone(), Some(id.clone()), body);
        self.push(end, by, Some(id), EventBody::IndsatsSlut { kind: Some(kind.to_owned()) });
        if work || self.chance(0.3) {
            let report_at = end + self.days(5, 30);
            let report_kind = if kind == "arbejdsproevning" {
                DokumentKind::Arbejdsproevning
            } else {
                DokumentKind::Leverandoerrapport
            };
            let supplier = self.pick(text::SUPPLIERS);
            let observed = f64::from(match self.severity {
                2 => self.rng.gen_range(0..=5),
                1 => self.rng.gen_range(5..=14),
                _ => self.rng.gen_range(10..=30),
            });
            let weeks_done = ((end - at).num_days() / 7) as f64;
            let level = self.function_level();
            let id = self.next_id(0);
            let by = self.by_cw();
            let findings = Findings {
                hours_per_week: work.then_some(observed),
                weeks: Some(weeks_done),
                function_level: Some(level),
                ..Findings::default()
            };
            let body = EventBody::Dokument {
                kind: report_kind,
                issued: report_at,
                author: Some(supplier.to_owned()),
                findings: Some(findings),
            };
            self.push(report_at, by, Some(id), body);
            let number = self.counters[0];
            self.docs.push((number, report_kind, report_at));
        }
    }
}
