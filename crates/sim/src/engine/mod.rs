//! The scenario engine: one citizen's course as a state machine, from entry to outcome, as journal events.
//!
//! Timings follow the report (rules.md § 5.1): forberedende del 5–12 weeks, 3–5 weeks from
//! submission to the team's meeting (never under 14 days), 5–8 weeks from meeting to decision,
//! overgang to pension handling within 3 weeks of the indstilling and the pension decision within
//! 3 months (with an udsaettelsesbrev when later), first ressourceforloeb conversation 4–6 weeks
//! after the grant and then every 2 months, sygeopfoelgning every 4 weeks, kontanthjaelp
//! conversations every 3 months, with per-case misses (timeliness 62–81 %).

use crate::profile::{composition_award_probability, EntryBenefit, MunicipalityProfile, SimConfig, DIAGNOSIS_GROUPS};
use crate::text;
use chrono::{Datelike, Duration, Months, NaiveDate};
use journal::{
    Afgoerelse, AfgoerelseOutcome, AnkeResult, AnsoegningKind, At, CaseId, Cpr, Criterion, CurrentAttachment,
    DiagnosisGroup, DokumentKind, Event, EventBody, Findings, FunctionLevel, IndstillingOutcome, Kommunekode, Sex,
    Weighted, Ydelse,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value};

mod decision;
mod followup;
mod team;

/// What the engine knows about a case beyond its events: what the composition predicted and what was drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CaseSummary {
    pub expected_award: f64,
    pub destined_award: bool,
}

/// Per-municipality data computed once: the kommunekode, the age distribution of new cases, staff pools.
pub(crate) struct MunicipalityContext<'a> {
    cfg: &'a SimConfig,
    profile: &'a MunicipalityProfile,
    kommune: Kommunekode,
    /// Cumulative weights of entry ages 18..=64.
    age_cdf: Vec<f64>,
    /// Caseworkers per unit, in the order of [`Unit::ALL`].
    pool: [u32; 6],
    team: String,
}

impl<'a> MunicipalityContext<'a> {
    pub(crate) fn new(cfg: &'a SimConfig, profile: &'a MunicipalityProfile, cases: usize) -> Self {
        let mut total = 0.0;
        let age_cdf = (18..=64u32)
            .map(|age| {
                // Cases follow the population, weighted towards older ages.
                let risk = 0.4 + f64::from(age - 18) * 0.05;
                total += crate::population::age_density(profile.young_share, age) * risk;
                total
            })
            .collect();
        let scale = (cases as f64 / 1500.0).max(1.5);
        let size = |share: f64| ((share * scale).ceil() as u32).max(3);
        let kommune = Kommunekode::parse(&profile.code).unwrap_or_else(|| Kommunekode::parse("000").expect("3 digits"));
        MunicipalityContext {
            cfg,
            profile,
            kommune,
            age_cdf,
            pool: [size(4.0), size(1.5), size(1.0), size(0.6), size(2.0), size(0.8)],
            team: format!("rt:{}", profile.code),
        }
    }

    fn draw_age(&self, rng: &mut ChaCha8Rng) -> u32 {
        let total = self.age_cdf.last().copied().unwrap_or(1.0);
        let x = rng.gen::<f64>() * total;
        let index = self.age_cdf.partition_point(|&c| c < x);
        18 + index.min(46) as u32
    }

    fn draw_diagnosis(&self, age: u32, rng: &mut ChaCha8Rng) -> DiagnosisGroup {
        let older = f64::from(age) / 45.0;
        let weights: Vec<f64> = DIAGNOSIS_GROUPS
            .iter()
            .zip(self.profile.diagnosis_mix)
            .map(|(group, w)| {
                w.max(0.0)
                    * match group {
                        DiagnosisGroup::Psykisk => 1.0 / older,
                        DiagnosisGroup::Kraeft | DiagnosisGroup::HjerteKar => older * older,
                        _ => 1.0,
                    }
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let mut x = rng.gen::<f64>() * total;
        for (group, w) in DIAGNOSIS_GROUPS.iter().zip(&weights) {
            if x < *w {
                return *group;
            }
            x -= w;
        }
        DiagnosisGroup::Andet
    }
}

/// Generates one case into `events` (cleared by the caller), oldest first.
pub(crate) fn generate_case(
    ctx: &MunicipalityContext<'_>,
    serial: usize,
    seed: u64,
    events: &mut Vec<Event>,
) -> CaseSummary {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let profile = ctx.profile;
    let age = ctx.draw_age(&mut rng);
    let sex = if rng.gen::<f64>() < profile.female_share { Sex::K } else { Sex::M };
    let diagnosis = ctx.draw_diagnosis(age, &mut rng);
    let entry_benefit = if age < 30 && rng.gen::<f64>() < 0.4 {
        EntryBenefit::Uddannelseshjaelp
    } else if rng.gen::<f64>() < profile.sygedagpenge_share {
        EntryBenefit::Sygedagpenge
    } else {
        EntryBenefit::Kontanthjaelp
    };
    let span = (ctx.cfg.end - ctx.cfg.start).num_days().max(181) - 90;
    let entry = ctx.cfg.start + Duration::days(rng.gen_range(0..span));
    let birth = add_years(entry, -(age as i32)) - Duration::days(rng.gen_range(0..365));
    // The folkepension age by the law as it stands at the end of the simulated period.
    let pension_date = rulebook::pl::p1a::folkepension_date(birth, ctx.cfg.end);
    let expected = composition_award_probability(age, sex, diagnosis, entry_benefit);
    let destined = rng.gen::<f64>() < (expected * profile.award_multiplier.max(0.0)).min(0.95);
    let mut g = CaseGen {
        ctx,
        case: CaseId::parse(&format!("K{}-{serial:06}", profile.code)).unwrap_or_else(|| fallback_case(serial)),
        keyed: Vec::with_capacity(128),
        seq: 0,
        t: entry,
        entry,
        horizon: ctx.cfg.end.min(pension_date),
        pension_date,
        counters: [0; 4],
        docs: Vec::with_capacity(16),
        cw: String::new(),
        unit: Unit::Jki,
        ydelse: Ydelse::KontanthjaelpAktivitetsparat,
        birth,
        age,
        sex,
        diagnosis,
        icd: "",
        severity: 0,
        conclusive: false,
        churn: 0.0,
        miss: 0.0,
        stall_pending: false,
        rng,
    };
    g.run(entry_benefit, destined);
    g.finish(events);
    CaseSummary { expected_award: expected, destined_award: destined }
}

fn fallback_case(serial: usize) -> CaseId {
    CaseId::parse(&format!("K000-{serial:06}")).unwrap_or_else(|| CaseId::parse("K000").expect("valid case id"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Jki,
    Jka,
    Jku,
    Amc,
    Cab,
    Sof,
}

impl Unit {
    fn index(self) -> usize {
        self as usize
    }

    fn code(self) -> &'static str {
        match self {
            Unit::Jki => "JKI",
            Unit::Jka => "JKA",
            Unit::Jku => "JKU",
            Unit::Amc => "AMC",
            Unit::Cab => "CAB",
            Unit::Sof => "SOF",
        }
    }

    fn lower(self) -> &'static str {
        match self {
            Unit::Jki => "jki",
            Unit::Jka => "jka",
            Unit::Jku => "jku",
            Unit::Amc => "amc",
            Unit::Cab => "cab",
            Unit::Sof => "sof",
        }
    }
}

/// How the case ends, drawn when it opens.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Route {
    /// Application for seniorfoertidspension (within 5 years of folkepension; only before 2020).
    Senior { award: bool },
    /// Terminally ill: pension without the team (PL § 18, stk. 2).
    Terminal,
    /// Leaves without ever going to the team.
    EarlyExit(Ydelse),
    /// Stays on kontanthjaelp with long gaps; never reaches the team.
    Stalled,
    /// Stays in ordinary follow-up for years without reaching the team; half leave in the end.
    Linger,
    /// Through the team, with `rf` ressourceforloeb first, ending in `last`.
    Team { rf: u8, last: Final },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Final {
    Pension,
    Fleksjob,
    /// After the last ressourceforloeb, to this support.
    Exit(Ydelse),
    Refusal(Refusal),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Refusal {
    Fleksjob,
    AndenIndsats,
    /// The team recommends pension; the municipality refuses (re-presenting to the team or not).
    PensionDisagree {
        re_present: bool,
    },
    Ressourceforloeb,
}

#[derive(Debug, Clone, Copy, Default)]
struct RoundOptions {
    pl17: bool,
    fleksjob_application: bool,
    /// The municipality disagrees with the indstilling; `Some(true)` if it puts the case back to the team.
    disagree: Option<bool>,
}

struct CaseGen<'c> {
    ctx: &'c MunicipalityContext<'c>,
    rng: ChaCha8Rng,
    case: CaseId,
    keyed: Vec<(NaiveDate, u32, Event)>,
    seq: u32,
    /// The case's clock: where the current phase stands.
    t: NaiveDate,
    entry: NaiveDate,
    /// Nothing happens after this: the end of the simulated period or folkepension.
    horizon: NaiveDate,
    pension_date: NaiveDate,
    /// Next number for d (dokument), m (indsats), i (indstilling), a (afgoerelse).
    counters: [u32; 4],
    /// Documents received: (id number, kind, at).
    docs: Vec<(u32, DokumentKind, NaiveDate)>,
    cw: String,
    unit: Unit,
    ydelse: Ydelse,
    birth: NaiveDate,
    age: u32,
    sex: Sex,
    diagnosis: DiagnosisGroup,
    icd: &'static str,
    /// 0 let, 1 moderat, 2 svaer.
    severity: u8,
    /// Whether health documents now show treatment exhausted and a stationary condition.
    conclusive: bool,
    /// Handovers per year.
    churn: f64,
    /// Probability that a due conversation is missed.
    miss: f64,
    stall_pending: bool,
}

impl CaseGen<'_> {
    // ---- drawing -------------------------------------------------------------------------

    fn u(&mut self) -> f64 {
        self.rng.gen::<f64>()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen::<f64>() < p
    }

    fn days(&mut self, lo: i64, hi: i64) -> Duration {
        Duration::days(self.rng.gen_range(lo..=hi))
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.gen_range(0..items.len())]
    }

    fn next_id(&mut self, kind: usize) -> String {
        self.counters[kind] += 1;
        let prefix = ["d", "m", "i", "a"][kind];
        format!("{prefix}{}", self.counters[kind])
    }

    fn open_for(&self, at: NaiveDate) -> bool {
        at <= self.horizon
    }

    // ---- writing -------------------------------------------------------------------------

    fn push(&mut self, at: NaiveDate, by: Option<String>, id: Option<String>, body: EventBody) {
        self.seq += 1;
        let event = Event { case: self.case.clone(), at: At::from_date(at), by, id, body, extra: Map::new() };
        self.keyed.push((at, self.seq, event));
    }

    fn by_cw(&self) -> Option<String> {
        Some(self.cw.clone())
    }

    fn handover(&mut self, at: NaiveDate, unit: Unit) {
        let pool = self.ctx.pool[unit.index()].max(2);
        let mut n = self.rng.gen_range(1..=pool);
        let mut name = format!("sb:{}-{}-{n:03}", self.ctx.profile.code, unit.lower());
        if name == self.cw {
            n = n % pool + 1;
            name = format!("sb:{}-{}-{n:03}", self.ctx.profile.code, unit.lower());
        }
        self.cw = name;
        self.unit = unit;
        let body = EventBody::Tildelt { sagsbehandler: self.cw.clone(), enhed: unit.code().to_owned() };
        self.push(at, None, None, body);
    }

    fn switch_ydelse(&mut self, at: NaiveDate, to: Ydelse) {
        if self.ydelse == to {
            return;
        }
        self.push(at, None, None, EventBody::YdelseSlut { ydelse: self.ydelse });
        self.push(at, None, None, EventBody::YdelseStart { ydelse: to });
        self.ydelse = to;
    }

    fn samtale(&mut self, at: NaiveDate, kind: &str) {
        let by = self.by_cw();
        self.push(at, by, None, EventBody::Samtale { kind: kind.to_owned() });
    }

    fn note(&mut self, at: NaiveDate) {
        let text = self.pick(text::NOTES).to_owned();
        let by = self.by_cw();
        self.push(at, by, None, EventBody::Note { text });
    }

    fn function_level(&mut self) -> FunctionLevel {
        let level =
            if self.conclusive { self.severity } else { self.severity.saturating_sub(u8::from(self.chance(0.5))) };
        match level {
            0 => FunctionLevel::Let,
            1 => FunctionLevel::Moderat,
            _ => FunctionLevel::Svaer,
        }
    }

    /// A document received at `at`, issued `issued`; returns its id.
    fn document(&mut self, at: NaiveDate, issued: NaiveDate, kind: DokumentKind, author: Option<&str>) -> String {
        let id = self.next_id(0);
        let findings = match kind {
            DokumentKind::Lae265
            | DokumentKind::Speciallaege
            | DokumentKind::Statusattest
            | DokumentKind::KliniskFunktion
            | DokumentKind::Sundhedskoordinator
            | DokumentKind::Laegekonsulent => {
                let conclusive = self.conclusive;
                let level = self.function_level();
                Some(Findings {
                    treatment_exhausted: Some(conclusive && self.severity == 2),
                    stationary: Some(conclusive && self.severity >= 1),
                    progressive: (self.diagnosis == DiagnosisGroup::Kraeft && self.severity == 2).then_some(conclusive),
                    primary_diagnosis: Some(self.icd.to_owned()),
                    diagnosis_group: Some(self.diagnosis),
                    function_level: Some(level),
                    contradictory: self.chance(0.05).then_some(true),
                    ..Findings::default()
                })
            }
            DokumentKind::Funktionsevnebeskrivelse => {
                let level = self.function_level();
                Some(Findings { function_level: Some(level), ..Findings::default() })
            }
            _ => None,
        };
        let by = self.by_cw();
        let body = EventBody::Dokument { kind, issued: issued.min(at), author: author.map(str::to_owned), findings };
        self.push(at, by, Some(id.clone()), body);
        let number = self.counters[0];
        self.docs.push((number, kind, at));
        id
    }

    fn health_document(&mut self, at: NaiveDate, kind: DokumentKind) -> String {
        let issued = at - self.days(2, 25);
        let author = match kind {
            DokumentKind::Lae265 | DokumentKind::Statusattest => "egen læge",
            DokumentKind::Speciallaege => text::specialist(self.diagnosis),
            DokumentKind::KliniskFunktion => "klinisk funktion, regionen",
            DokumentKind::Sundhedskoordinator => "sundhedskoordinator, regionen",
            DokumentKind::Laegekonsulent => "kommunens lægekonsulent",
            _ => "andet",
        };
        self.document(at, issued, kind, Some(author))
    }

    /// A professional judgement resting on up to three of the newest documents received by `at`.
    fn judge(&mut self, at: NaiveDate, criterion: Criterion, value: bool) {
        let mut basis: Vec<String> = Vec::with_capacity(3);
        for &(number, kind, received) in self.docs.iter().rev() {
            let evidence = !matches!(kind, DokumentKind::ForberedendeDel | DokumentKind::Partshoeringssvar);
            if received <= at && evidence && basis.len() < 3 {
                basis.push(format!("d{number}"));
            }
        }
        let by = self.by_cw();
        self.push(at, by, None, EventBody::Vurdering { criterion, value, basis, text: None });
    }

    // ---- the course ----------------------------------------------------------------------

    fn run(&mut self, entry_benefit: EntryBenefit, destined: bool) {
        let profile = self.ctx.profile;
        self.icd = self.pick(text::icd_codes(self.diagnosis));
        let chaotic = self.chance(0.06);
        self.churn = (0.3 + 0.9 * self.u()) * if chaotic { 5.0 } else { 1.0 };
        self.miss = 0.04 + 0.3 * self.u();

        let route = self.draw_route(entry_benefit, destined);
        let final_kind = match route {
            Route::Team { last: Final::Pension, .. } | Route::Terminal | Route::Senior { award: true } => 2,
            Route::Team { last: Final::Fleksjob, .. } => 1,
            _ => u8::from(self.chance(0.5)),
        };
        self.severity = final_kind;

        // Opening: borger, support, caseworker.
        let (unit, ydelse) = match entry_benefit {
            EntryBenefit::Kontanthjaelp => (Unit::Jki, Ydelse::KontanthjaelpAktivitetsparat),
            EntryBenefit::Uddannelseshjaelp => (Unit::Jku, Ydelse::Uddannelseshjaelp),
            EntryBenefit::Sygedagpenge => (if self.chance(0.7) { Unit::Jka } else { Unit::Amc }, Ydelse::Sygedagpenge),
        };
        let cpr = self.chance(0.3).then(|| self.cpr()).flatten();
        let body = EventBody::Borger {
            birth_date: self.birth,
            municipality: self.ctx.kommune,
            sex: if self.chance(0.97) { Some(self.sex) } else { None },
            cpr,
        };
        let entry = self.entry;
        self.push(entry, None, None, body);
        self.ydelse = ydelse;
        self.push(entry, None, None, EventBody::YdelseStart { ydelse });
        self.handover(entry, unit);

        // Phase 1: follow-up in the entry unit.
        let phase_days = match route {
            Route::Senior { .. } | Route::Terminal => self.rng.gen_range(30..=180),
            _ => match entry_benefit {
                EntryBenefit::Sygedagpenge => self.rng.gen_range(140..=400),
                EntryBenefit::Uddannelseshjaelp => self.rng.gen_range(180..=720),
                EntryBenefit::Kontanthjaelp => {
                    let z = self.normal();
                    let years = (profile.kontanthjaelp_years_median * (0.7 * z).exp()).clamp(0.25, 8.0);
                    (years * 365.0) as i64
                }
            },
        };
        if matches!(route, Route::Team { .. }) && self.chance(0.08) {
            self.stall_pending = true;
        }
        let early_sufficient = matches!(route, Route::Team { rf: 1.., last: Final::Pension }) && self.chance(0.35);
        let until = self.t + Duration::days(phase_days);
        self.entry_followup(entry_benefit, until, early_sufficient);

        match route {
            Route::Senior { award } => self.senior(entry_benefit, award),
            Route::Terminal => self.terminal(),
            Route::EarlyExit(to) => {
                let at = self.t;
                if self.open_for(at) {
                    self.switch_ydelse(at, to);
                }
            }
            Route::Stalled => {
                self.stall_pending = true;
                let until = self.t + Duration::days(self.rng.gen_range(365..=2500));
                self.followup(until, 91, "jobsamtale", 0.3);
            }
            Route::Linger => {
                let until = self.t + Duration::days(self.rng.gen_range(365..=1500));
                let kind =
                    if self.ydelse == Ydelse::KontanthjaelpAktivitetsparat { "jobsamtale" } else { "opfoelgning" };
                self.followup(until, 91, kind, 0.05);
                let at = self.t;
                if self.open_for(at) && self.chance(0.5) {
                    let to = if self.chance(0.6) { Ydelse::Selvforsoergelse } else { Ydelse::Job };
                    self.switch_ydelse(at, to);
                }
            }
            Route::Team { rf, last } => self.team_course(rf, last),
        }
    }

    fn normal(&mut self) -> f64 {
        // Sum of uniforms: close enough to a standard normal, and the same on every platform.
        (0..6).map(|_| self.rng.gen::<f64>()).sum::<f64>() * std::f64::consts::SQRT_2 - 6.0 / std::f64::consts::SQRT_2
    }

    fn cpr(&mut self) -> Option<Cpr> {
        let b = self.birth;
        let mut serial: u32 = self.rng.gen_range(0..1000);
        let last = match self.sex {
            Sex::M => self.rng.gen_range(0..5) * 2 + 1,
            Sex::K => self.rng.gen_range(0..5) * 2,
        };
        serial = serial * 10 + last;
        Cpr::parse(&format!("{:02}{:02}{:02}{serial:04}", b.day(), b.month(), b.year().rem_euclid(100)))
    }

    fn draw_route(&mut self, entry: EntryBenefit, destined: bool) -> Route {
        let profile = self.ctx.profile;
        let years_left = (self.pension_date - self.entry).num_days() as f64 / 365.25;
        // Seniorpension replaced seniorfoertidspension on 1 January 2020 and is decided outside
        // the municipality's journal (the spec has no event for it), so only applications that
        // fall before then (at most 180 days after entry) take this route; later ones go on as
        // ordinary cases.
        let applies_before_2020 = self.entry + Duration::days(180) < rulebook::pl::p26a::IN_FORCE;
        if years_left <= 5.0 && applies_before_2020 && self.chance(0.4) {
            return Route::Senior { award: destined };
        }
        if destined {
            let mut pension_share = match self.age {
                0..=39 => 0.2,
                40..=49 => 0.5,
                _ => 0.65,
            };
            pension_share += match self.diagnosis {
                DiagnosisGroup::Kraeft => 0.15,
                DiagnosisGroup::Bevaegeapparat => -0.1,
                _ => 0.0,
            };
            let pension = self.chance(pension_share);
            if pension && self.diagnosis == DiagnosisGroup::Kraeft && self.chance(0.2) {
                return Route::Terminal;
            }
            let age_factor = match self.age {
                0..=39 => 1.4,
                40..=54 => 1.0,
                _ => 0.6,
            };
            let mut rf = u8::from(self.chance((profile.ressourceforloeb_propensity * age_factor).min(0.95)));
            if pension && self.age < 40 {
                rf = rf.max(1);
            }
            if rf == 1 && self.chance(0.1) {
                rf = 2;
            }
            let last = if pension { Final::Pension } else { Final::Fleksjob };
            return Route::Team { rf, last };
        }
        let early = match entry {
            EntryBenefit::Sygedagpenge => 0.35,
            _ => 0.15,
        };
        if self.chance(early) {
            let x = self.u();
            let to = if x < 0.55 {
                Ydelse::Job
            } else if x < 0.85 {
                Ydelse::Selvforsoergelse
            } else {
                Ydelse::Uddannelse
            };
            return Route::EarlyExit(to);
        }
        if entry != EntryBenefit::Sygedagpenge && self.chance(0.1) {
            return Route::Stalled;
        }
        if self.chance((profile.ressourceforloeb_propensity * 0.6).min(0.95)) {
            let rf = if self.chance(0.08) { 2 } else { 1 };
            let to = if self.chance(profile.kontanthjaelp_after_rf) {
                Ydelse::KontanthjaelpAktivitetsparat
            } else {
                let x = self.u();
                if x < 0.5 {
                    Ydelse::Selvforsoergelse
                } else if x < 0.8 {
                    Ydelse::Job
                } else {
                    Ydelse::Uddannelse
                }
            };
            return Route::Team { rf, last: Final::Exit(to) };
        }
        if self.chance(0.45) {
            return Route::Linger;
        }
        let x = self.u();
        let refusal = if x < 0.35 {
            Refusal::Fleksjob
        } else if x < 0.75 {
            Refusal::AndenIndsats
        } else if x < 0.85 {
            Refusal::PensionDisagree { re_present: self.chance(0.6) }
        } else {
            Refusal::Ressourceforloeb
        };
        Route::Team { rf: 0, last: Final::Refusal(refusal) }
    }

    /// Seniorfoertidspension: application, evidence, judgement, meeting offer, decision (PL § 17, stk. 3).
    fn senior(&mut self, entry: EntryBenefit, award: bool) {
        let t0 = self.t;
        if !self.open_for(t0) {
            return;
        }
        self.conclusive = award;
        let years = if award || self.chance(0.4) { self.rng.gen_range(25..=42) } else { self.rng.gen_range(8..=24) };
        let attachment = match entry {
            EntryBenefit::Sygedagpenge => CurrentAttachment::Sygedagpenge,
            _ if self.chance(0.3) => CurrentAttachment::HelbredsbetingetOphoer,
            _ if (t0 - self.entry).num_days() > 365 => CurrentAttachment::KontanthjaelpLaenge,
            _ => CurrentAttachment::KontanthjaelpKort,
        };
        let body = EventBody::Ansoegning {
            kind: AnsoegningKind::Seniorfoertidspension,
            years_full_time_work: Some(f64::from(years)),
            current_attachment: Some(attachment),
        };
        self.push(t0, Some("borger".into()), None, body);
        let at = t0 + self.days(14, 50);
        self.health_document(at, DokumentKind::Lae265);
        if self.chance(0.5) {
            let at = t0 + self.days(20, 80);
            self.health_document(at, DokumentKind::Speciallaege);
        }
        let judged = t0 + self.days(85, 95);
        let lasting = award || self.chance(0.5);
        self.judge(judged, Criterion::ArbejdsevneVarigtNedsat, lasting);
        self.judge(judged, Criterion::ArbejdsevneVaesentligtNedsat, award);
        if self.chance(0.9) {
            let by = self.by_cw();
            let offered = judged + self.days(1, 14);
            self.push(offered, by, None, EventBody::MoedeTilbudt);
        }
        let decided = judged + self.days(20, 90);
        let outcome = if award {
            AfgoerelseOutcome::TilkendtSeniorfoertidspension
        } else {
            AfgoerelseOutcome::AfslagSeniorfoertidspension
        };
        let id = self.decision(decided, outcome, true);
        self.t = decided;
        if award {
            self.start_pension(decided, Ydelse::Seniorfoertidspension);
        } else {
            if self.chance(0.3) {
                self.appeal(decided, &id, false);
            }
            let until = decided + Duration::days(self.rng.gen_range(180..=900));
            self.followup(until, 91, "opfoelgning", 0.05);
        }
    }

    /// Terminal illness: pension without the team, on the sundhedskoordinator's opinion (PL § 18, stk. 2).
    fn terminal(&mut self) {
        let t0 = self.t;
        if !self.open_for(t0) {
            return;
        }
        self.conclusive = true;
        let at = t0 + self.days(3, 21);
        self.health_document(at, DokumentKind::Sundhedskoordinator);
        if self.chance(0.5) {
            let status = at + self.days(0, 7);
            self.health_document(status, DokumentKind::Statusattest);
        }
        let judged = at + self.days(1, 7);
        self.judge(judged, Criterion::TerminaltSyg, true);
        self.judge(judged, Criterion::KanIkkeForbedresAabenbart, true);
        self.judge(judged, Criterion::AabenbartFormaalsloest, true);
        let overgang = judged + self.days(0, 14);
        let by = self.by_cw();
        self.push(overgang, by.clone(), None, EventBody::OvergangFoertidspension { notified: true });
        if self.chance(0.8) {
            let offered = overgang + self.days(1, 7);
            self.push(offered, by, None, EventBody::MoedeTilbudt);
        }
        let decided = overgang + self.days(8, 45);
        self.decision(decided, AfgoerelseOutcome::TilkendtFoertidspension, true);
        self.t = decided;
        self.start_pension(decided, Ydelse::Foertidspension);
    }

    // ---- finishing -------------------------------------------------------------------------

    /// Orders the events, cuts them at the horizon, and at folkepension age ends open measures and
    /// moves a citizen still on a benefit to folkepension.
    fn finish(mut self, events: &mut Vec<Event>) {
        self.keyed.sort_by_key(|(at, seq, _)| (*at, *seq));
        let cut = self.horizon;
        let mut current: Option<Ydelse> = None;
        let mut open: Vec<String> = Vec::new();
        for (at, _, event) in self.keyed.drain(..) {
            if at > cut {
                break;
            }
            match &event.body {
                EventBody::YdelseStart { ydelse } => current = Some(*ydelse),
                EventBody::YdelseSlut { ydelse } if current == Some(*ydelse) => current = None,
                EventBody::IndsatsStart { .. } => open.extend(event.id.clone()),
                EventBody::IndsatsSlut { .. } => open.retain(|id| Some(id) != event.id.as_ref()),
                _ => {}
            }
            events.push(event);
        }
        if self.pension_date <= self.ctx.cfg.end {
            let at = At::from_date(self.pension_date);
            let case = self.case.clone();
            let make = |id: Option<String>, body: EventBody| Event {
                case: case.clone(),
                at: at.clone(),
                by: None,
                id,
                body,
                extra: Map::new(),
            };
            for id in open {
                events.push(make(Some(id), EventBody::IndsatsSlut { kind: None }));
            }
            let on_benefit = current.is_some_and(|y| {
                !matches!(
                    y,
                    Ydelse::Foertidspension
                        | Ydelse::Seniorfoertidspension
                        | Ydelse::Folkepension
                        | Ydelse::Job
                        | Ydelse::Selvforsoergelse
                        | Ydelse::Uddannelse
                )
            });
            if let (true, Some(ydelse)) = (on_benefit, current) {
                events.push(make(None, EventBody::YdelseSlut { ydelse }));
                events.push(make(None, EventBody::YdelseStart { ydelse: Ydelse::Folkepension }));
            }
        }
    }
}

fn decision_outcome(kind: Refusal) -> AfgoerelseOutcome {
    match kind {
        Refusal::Fleksjob => AfgoerelseOutcome::AfslagFleksjob,
        Refusal::AndenIndsats => AfgoerelseOutcome::AndenIndsats,
        Refusal::PensionDisagree { .. } => AfgoerelseOutcome::AfslagFoertidspension,
        Refusal::Ressourceforloeb => AfgoerelseOutcome::AfslagRessourceforloeb,
    }
}

/// `date` moved by whole years (29 February becomes 28 February).
fn add_years(date: NaiveDate, years: i32) -> NaiveDate {
    let months = Months::new(years.unsigned_abs() * 12);
    let moved = if years >= 0 { date.checked_add_months(months) } else { date.checked_sub_months(months) };
    moved.unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_years_moves_leap_days_to_the_last_of_february() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(add_years(d(2016, 2, 29), 1), d(2017, 2, 28));
        assert_eq!(add_years(d(2016, 2, 29), -30), d(1986, 2, 28));
    }
}
