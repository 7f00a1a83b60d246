//! The rehabilitation team's rounds: submission, meeting, indstilling, the judgements behind it, and
//! what starts after a grant (ressourceforloeb, pension).

use super::*;

impl CaseGen<'_> {
    pub(super) fn team_course(&mut self, rf: u8, last: Final) {
        let mut rf_open: Option<String> = None;
        for round in 0..rf {
            let options = RoundOptions::default();
            let Some((decided, decision)) = self.team_round(
                IndstillingOutcome::Ressourceforloeb,
                AfgoerelseOutcome::BevilgetRessourceforloeb,
                options,
            ) else {
                return;
            };
            if let Some(id) = rf_open.take() {
                let by = self.by_cw();
                self.push(decided, by, Some(id), EventBody::IndsatsSlut { kind: Some("ressourceforloeb".into()) });
            }
            if self.chance(0.05) {
                self.appeal(decided, &decision, true);
            }
            let (id, end) = self.start_ressourceforloeb(decided);
            let is_last = round + 1 == rf;
            let exits = matches!(last, Final::Exit(_));
            if is_last && exits {
                let Final::Exit(to) = last else { return };
                let before_end = end - self.days(14, 28);
                self.followup(before_end, 61, "opfoelgning", 0.08);
                if !self.open_for(end) {
                    return;
                }
                self.samtale(self.t, "opfoelgning");
                let by = self.by_cw();
                self.push(end, by, Some(id), EventBody::IndsatsSlut { kind: Some("ressourceforloeb".into()) });
                self.t = end;
                self.switch_ydelse(end, to);
                if to == Ydelse::KontanthjaelpAktivitetsparat {
                    let at = end + self.days(0, 30);
                    self.handover(at, Unit::Jki);
                    let until = end + Duration::days(self.rng.gen_range(180..=1400));
                    self.followup(until, 91, "jobsamtale", 0.04);
                }
                return;
            }
            // The next team round starts 3–6 months before the course ends.
            let next_round = end - self.days(90, 180);
            self.followup(next_round.max(self.t + Duration::days(90)), 61, "opfoelgning", 0.08);
            rf_open = Some(id);
        }
        self.conclusive = matches!(last, Final::Pension | Final::Fleksjob);
        let (rec, decision, options) = match last {
            Final::Pension => {
                let pl17 = rf == 0 && self.chance(0.15);
                (
                    IndstillingOutcome::Foertidspension,
                    AfgoerelseOutcome::TilkendtFoertidspension,
                    RoundOptions { pl17, ..Default::default() },
                )
            }
            Final::Fleksjob => {
                let application = self.chance(0.15);
                (
                    IndstillingOutcome::Fleksjob,
                    AfgoerelseOutcome::BevilgetFleksjob,
                    RoundOptions { fleksjob_application: application, ..Default::default() },
                )
            }
            Final::Refusal(Refusal::Fleksjob) => {
                let application = self.chance(0.3);
                let disagree = self.chance(0.3).then(|| self.chance(0.5));
                let rec =
                    if disagree.is_some() { IndstillingOutcome::Fleksjob } else { IndstillingOutcome::AndenIndsats };
                (
                    rec,
                    AfgoerelseOutcome::AfslagFleksjob,
                    RoundOptions { fleksjob_application: application, disagree, pl17: false },
                )
            }
            Final::Refusal(Refusal::AndenIndsats) => {
                let rec =
                    if self.chance(0.05) { IndstillingOutcome::Revalidering } else { IndstillingOutcome::AndenIndsats };
                (rec, AfgoerelseOutcome::AndenIndsats, RoundOptions::default())
            }
            Final::Refusal(Refusal::PensionDisagree { re_present }) => {
                let pl17 = self.chance(0.3);
                (
                    IndstillingOutcome::Foertidspension,
                    AfgoerelseOutcome::AfslagFoertidspension,
                    RoundOptions { pl17, disagree: Some(re_present), fleksjob_application: false },
                )
            }
            Final::Refusal(Refusal::Ressourceforloeb) => {
                (IndstillingOutcome::AndenIndsats, AfgoerelseOutcome::AfslagRessourceforloeb, RoundOptions::default())
            }
            Final::Exit(_) => return,
        };
        let Some((decided, decision)) = self.team_round(rec, decision, options) else { return };
        if let Some(id) = rf_open.take() {
            let by = self.by_cw();
            self.push(decided, by, Some(id), EventBody::IndsatsSlut { kind: Some("ressourceforloeb".into()) });
        }
        match last {
            Final::Pension => self.start_pension(decided, Ydelse::Foertidspension),
            Final::Fleksjob => {
                let at = decided + self.days(0, 20);
                self.switch_ydelse(at, Ydelse::Ledighedsydelse);
                if self.chance(0.75) {
                    let job = at + self.days(30, 365);
                    self.switch_ydelse(job, Ydelse::Fleksjob);
                }
            }
            Final::Refusal(kind) => {
                if rec == IndstillingOutcome::Revalidering {
                    let at = decided + self.days(14, 60);
                    self.switch_ydelse(at, Ydelse::Revalidering);
                    return;
                }
                let appeal_share = if matches!(kind, Refusal::AndenIndsats) { 0.0 } else { 0.35 };
                if self.chance(appeal_share) {
                    if let Some((result, at)) = self.appeal(decided, &decision, false) {
                        self.t = at;
                        match result {
                            AnkeResult::Aendret if matches!(kind, Refusal::PensionDisagree { .. }) => {
                                self.start_pension(at, Ydelse::Foertidspension);
                                return;
                            }
                            AnkeResult::Hjemvist => {
                                let again = at + self.days(60, 120);
                                if self.open_for(again) {
                                    self.decision(again, decision_outcome(kind), false);
                                    self.t = again;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                if self.ydelse == Ydelse::Jobafklaringsforloeb || self.ydelse == Ydelse::Sygedagpenge {
                    let at = self.t + self.days(14, 60);
                    self.switch_ydelse(at, Ydelse::KontanthjaelpAktivitetsparat);
                }
                let until = self.t + Duration::days(self.rng.gen_range(180..=1100));
                let kind =
                    if self.ydelse == Ydelse::KontanthjaelpAktivitetsparat { "jobsamtale" } else { "opfoelgning" };
                self.followup(until, 91, kind, 0.05);
            }
            Final::Exit(_) => {}
        }
    }

    /// Grants a ressourceforloeb on `decided`: support, new coordinating caseworker, the measure.
    /// Returns the measure's id and the date the course ends.
    pub(super) fn start_ressourceforloeb(&mut self, decided: NaiveDate) -> (String, NaiveDate) {
        self.switch_ydelse(decided, Ydelse::Ressourceforloebsydelse);
        let unit = if self.chance(0.18) {
            Unit::Sof
        } else if self.age < 30 {
            Unit::Jku
        } else {
            Unit::Cab
        };
        let at = decided + self.days(0, 10);
        self.handover(at, unit);
        let x = self.u();
        let planned_years = if x < 0.45 {
            1
        } else if x < 0.80 {
            2
        } else if x < 0.97 {
            3
        } else {
            self.rng.gen_range(4..=5)
        };
        let planned_end = add_years(decided, planned_years);
        let end = if self.chance(0.15) {
            decided + Duration::days((planned_end - decided).num_days() * self.rng.gen_range(3..=9) / 10)
        } else {
            planned_end
        };
        let id = self.next_id(1);
        let by = self.by_cw();
        let body = EventBody::IndsatsStart {
            kind: "ressourceforloeb".into(),
            hours_per_week: None,
            planned_end: Some(planned_end),
            skaanehensyn_beskrevet: None,
        };
        self.push(decided, by, Some(id.clone()), body);
        let first = at + if self.chance(0.15) { self.days(43, 80) } else { self.days(28, 42) };
        self.samtale(first, "opfoelgning");
        self.t = first;
        (id, end)
    }

    pub(super) fn start_pension(&mut self, decided: NaiveDate, ydelse: Ydelse) {
        let months = self.rng.gen_range(1..=3);
        let first_of_month = NaiveDate::from_ymd_opt(decided.year(), decided.month(), 1).unwrap_or(decided);
        let start = first_of_month.checked_add_months(Months::new(months)).unwrap_or(decided);
        self.switch_ydelse(start, ydelse);
    }

    /// One passage through the rehabilitation team: evidence, forberedende del, judgements,
    /// submission, meeting, indstilling, hearing and decision. Returns the decision's date and id.
    pub(super) fn team_round(
        &mut self,
        rec: IndstillingOutcome,
        outcome: AfgoerelseOutcome,
        options: RoundOptions,
    ) -> Option<(NaiveDate, String)> {
        let t0 = self.t;
        if !self.open_for(t0) {
            return None;
        }
        if options.pl17 {
            self.push(
                t0,
                Some("borger".into()),
                None,
                EventBody::Ansoegning {
                    kind: AnsoegningKind::FoertidspensionForeliggendeGrundlag,
                    years_full_time_work: None,
                    current_attachment: None,
                },
            );
        }
        if options.fleksjob_application {
            let body = EventBody::Ansoegning {
                kind: AnsoegningKind::Fleksjob,
                years_full_time_work: None,
                current_attachment: None,
            };
            self.push(t0, Some("borger".into()), None, body);
        }
        if self.unit == Unit::Jki && self.chance(0.7) {
            // JKI: a specialised caseworker prepares the forberedende del.
            let at = t0 + self.days(0, 14);
            self.handover(at, Unit::Jki);
        }
        // Evidence.
        let mut latest = t0;
        if !options.pl17 {
            if self.chance(0.2) {
                // A stale certificate: issued long before the meeting.
                let issued = t0 - self.days(180, 420);
                let at = (issued + self.days(5, 20)).max(self.entry).min(t0);
                self.document(at, issued, DokumentKind::Lae265, Some("egen læge"));
            } else {
                let at = t0 + self.days(14, 56);
                self.health_document(at, DokumentKind::Lae265);
                latest = latest.max(at);
            }
        }
        let pension_like = rec == IndstillingOutcome::Foertidspension;
        let extras = [
            (DokumentKind::Sundhedskoordinator, 0.45, 14, 70),
            (DokumentKind::KliniskFunktion, if pension_like { 0.4 } else { 0.2 }, 30, 90),
            (DokumentKind::Speciallaege, if pension_like { 0.45 } else { 0.2 }, 20, 100),
            (DokumentKind::Laegekonsulent, 0.03, 10, 60),
        ];
        for (kind, p, lo, hi) in extras {
            if self.chance(if options.pl17 { p / 2.0 } else { p }) {
                let at = t0 + self.days(lo, hi);
                self.health_document(at, kind);
                latest = latest.max(at);
            }
        }
        if self.chance(0.3) {
            let at = t0 + self.days(14, 60);
            let issued = at - self.days(0, 10);
            self.document(at, issued, DokumentKind::Funktionsevnebeskrivelse, None);
            latest = latest.max(at);
        }
        let plan_done = (t0 + self.days(35, 84)).max(latest + self.days(0, 7));
        self.document(plan_done, plan_done, DokumentKind::ForberedendeDel, None);
        self.judgements(plan_done, rec, outcome);

        // Submission and meeting; one in ten is postponed for more information first.
        let mut submitted = plan_done + self.days(0, 7);
        if self.chance(0.1) {
            let meeting = self.meeting(submitted, false);
            let i_id = self.next_id(2);
            let at = meeting + self.days(0, 7);
            let body = EventBody::Indstilling {
                outcome: IndstillingOutcome::Udsaettelse,
                weighted: None,
                work_functions: None,
                goal: None,
                indsatser: None,
                see_again: Some(true),
            };
            self.push(at, Some(self.ctx.team.clone()), Some(i_id), body);
            let more = at + self.days(28, 84);
            let kind = if self.chance(0.5) { DokumentKind::KliniskFunktion } else { DokumentKind::Speciallaege };
            self.health_document(more, kind);
            submitted = more + self.days(3, 14);
            self.meeting_genforelagt(submitted);
        }
        let meeting = self.meeting_after(submitted);
        let (i_at, i_id) = self.indstilling(meeting, rec);
        let by = self.by_cw();
        let hearing = i_at + self.days(1, 10);
        self.push(hearing, by, None, EventBody::PartshoeringSendt { about: i_id.clone() });
        if self.chance(0.3) {
            let reply = hearing + self.days(7, 21);
            self.document(reply, reply, DokumentKind::Partshoeringssvar, Some("borger"));
        }
        let mut after = hearing;
        if options.disagree == Some(true) {
            // LOU § 11, stk. 2: the municipality disagrees and puts the case back to the team.
            let again = hearing + self.days(14, 35);
            self.meeting_genforelagt(again);
            let second = self.meeting_after(again);
            let (at, _) = self.indstilling(second, rec);
            after = at;
        }
        let decided = if rec == IndstillingOutcome::Foertidspension {
            let overgang = after + if options.pl17 || self.chance(0.85) { self.days(0, 21) } else { self.days(22, 70) };
            let notified = self.chance(0.93);
            let by = self.by_cw();
            self.push(overgang, by.clone(), None, EventBody::OvergangFoertidspension { notified });
            if self.chance(0.93) {
                let offered = overgang + self.days(7, 40);
                self.push(offered, by.clone(), None, EventBody::MoedeTilbudt);
            }
            let late = self.chance(0.2);
            let decided = overgang + if late { self.days(95, 180) } else { self.days(45, 90) };
            if late && self.chance(0.75) {
                let letter = overgang + self.days(75, 90);
                let reason = Some(self.pick(text::DELAY_REASONS).to_owned());
                let expected_by = decided + self.days(0, 14);
                self.push(letter, by, None, EventBody::Udsaettelsesbrev { expected_by, reason });
            }
            decided
        } else {
            let x = self.u();
            meeting
                + if x < 0.8 {
                    self.days(35, 56)
                } else if x < 0.9 {
                    self.days(21, 34)
                } else {
                    self.days(57, 100)
                }
        };
        let decided = decided.max(after + Duration::days(1));
        let id = self.decision(decided, outcome, true);
        self.t = decided;
        Some((decided, id))
    }

    pub(super) fn judgements(&mut self, at: NaiveDate, rec: IndstillingOutcome, outcome: AfgoerelseOutcome) {
        let award = matches!(outcome, AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::BevilgetFleksjob);
        let mut list: Vec<(Criterion, bool)> = Vec::with_capacity(5);
        match rec {
            IndstillingOutcome::Foertidspension => {
                list.push((Criterion::ArbejdsevneVarigtNedsat, true));
                list.push((Criterion::ArbejdsevneVaesentligtNedsat, true));
                list.push((Criterion::KanIkkeForbedresDokumenteret, award || self.chance(0.5)));
            }
            IndstillingOutcome::Fleksjob => {
                list.push((Criterion::ArbejdsevneVarigtNedsat, true));
                list.push((Criterion::ArbejdsevneVaesentligtNedsat, true));
                list.push((Criterion::KanIkkeArbejdePaaOrdinaereVilkaar, award || self.chance(0.5)));
                list.push((Criterion::AfklaretUddannelseBeskaeftigelse, true));
                list.push((Criterion::AlleRelevanteTilbudAfproevet, self.chance(0.7)));
            }
            IndstillingOutcome::Ressourceforloeb => {
                list.push((Criterion::KomplekseProblemer, true));
                list.push((Criterion::BehovForLaengerevarendeIndsats, true));
                list.push((Criterion::LaengerevarendeOffentligForsoergelse, true));
                list.push((Criterion::TilbudUdenOegetTilknytning, self.chance(0.6)));
                if at >= NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or(at) {
                    list.push((Criterion::Udviklingsperspektiv, self.chance(0.9)));
                }
            }
            _ => {
                list.push((
                    Criterion::KomplekseProblemer,
                    outcome == AfgoerelseOutcome::AfslagRessourceforloeb && self.chance(0.3),
                ));
                if outcome == AfgoerelseOutcome::AfslagFleksjob {
                    list.push((Criterion::KanIkkeArbejdePaaOrdinaereVilkaar, false));
                }
            }
        }
        for (criterion, value) in list {
            if self.chance(0.92) {
                self.judge(at, criterion, value);
            }
        }
    }

    pub(super) fn meeting(&mut self, submitted: NaiveDate, again: bool) -> NaiveDate {
        let by = self.by_cw();
        let body = EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: again.then_some(true) };
        self.push(submitted, by, None, body);
        self.meeting_after(submitted)
    }

    pub(super) fn meeting_genforelagt(&mut self, submitted: NaiveDate) {
        let by = self.by_cw();
        self.push(submitted, by, None, EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: Some(true) });
    }

    /// The team's meeting 3–5 weeks after submission (longer at peaks, never under 14 days).
    pub(super) fn meeting_after(&mut self, submitted: NaiveDate) -> NaiveDate {
        if !self
            .keyed
            .iter()
            .rev()
            .take(8)
            .any(|(at, _, e)| *at == submitted && matches!(e.body, EventBody::ForelagtRehabiliteringsteam { .. }))
        {
            let by = self.by_cw();
            self.push(submitted, by, None, EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: None });
        }
        let wait = if self.chance(0.85) { self.days(21, 35) } else { self.days(36, 63) };
        let at = submitted + wait;
        let mut attendees: Vec<String> = Vec::with_capacity(7);
        if self.chance(0.95) {
            attendees.push("borger".into());
        }
        attendees.push("sagsbehandler".into());
        for role in ["beskaeftigelse", "sundhed", "social"] {
            if self.chance(0.97) {
                attendees.push(role.into());
            }
        }
        attendees.push("sundhedskoordinator".into());
        if self.age < 30 && self.chance(0.6) {
            attendees.push("uu".into());
        }
        self.push(at, Some(self.ctx.team.clone()), None, EventBody::Rehabiliteringsmoede { attendees });
        at
    }

    pub(super) fn indstilling(&mut self, meeting: NaiveDate, rec: IndstillingOutcome) -> (NaiveDate, String) {
        let at = meeting + self.days(0, 7);
        let id = self.next_id(2);
        let mut weighted = Weighted {
            beskaeftigelse: Some(self.pick(text::WEIGHTED_WORK).to_owned()),
            social: Some(self.pick(text::WEIGHTED_SOCIAL).to_owned()),
            helbred: Some(text::weighted_health(self.diagnosis).to_owned()),
            extra: Map::new(),
        };
        if self.chance(0.08) {
            match self.rng.gen_range(0..3) {
                0 => weighted.beskaeftigelse = None,
                1 => weighted.social = None,
                _ => weighted.helbred = None,
            }
        }
        let (mut work_functions, mut goal, mut indsatser, mut see_again) = (None, None, None, None);
        match rec {
            IndstillingOutcome::Fleksjob => {
                work_functions = self.chance(0.9).then(|| self.work_functions());
            }
            IndstillingOutcome::Ressourceforloeb => {
                goal = self.chance(0.93).then(|| self.pick(text::RF_GOALS).to_owned());
                let n = self.rng.gen_range(2..=4);
                let mut list: Vec<Value> = Vec::with_capacity(n);
                while list.len() < n {
                    let item = Value::String(self.pick(text::INDSATSER).to_owned());
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
                indsatser = Some(list);
                see_again = Some(self.chance(0.6));
            }
            IndstillingOutcome::AndenIndsats | IndstillingOutcome::Revalidering => {
                indsatser = Some(vec![Value::String(self.pick(text::INDSATSER).to_owned())]);
            }
            _ => {}
        }
        let body = EventBody::Indstilling {
            outcome: rec,
            weighted: Some(weighted),
            work_functions,
            goal,
            indsatser,
            see_again,
        };
        self.push(at, Some(self.ctx.team.clone()), Some(id.clone()), body);
        (at, id)
    }

    pub(super) fn work_functions(&mut self) -> Vec<String> {
        let n = self.rng.gen_range(2..=3);
        let mut list: Vec<String> = Vec::with_capacity(n);
        while list.len() < n {
            let item = self.pick(text::WORK_FUNCTIONS);
            if !list.iter().any(|x| x == item) {
                list.push(item.to_owned());
            }
        }
        list
    }
}
