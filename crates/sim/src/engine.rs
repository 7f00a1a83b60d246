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
    /// Application for seniorfoertidspension (within 5 years of folkepension).
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
        if years_left <= 5.0 && self.chance(0.4) {
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

    /// Follow-up in the entry unit until `until`; sygedagpenge turn into jobafklaringsforloeb after 22–26 weeks.
    fn entry_followup(&mut self, entry: EntryBenefit, until: NaiveDate, early_sufficient: bool) {
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
    fn followup(&mut self, until: NaiveDate, interval: i64, kind: &str, doc_rate: f64) {
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
    fn measure(&mut self, at: NaiveDate, until: NaiveDate, in_rf: bool) {
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

    fn team_course(&mut self, rf: u8, last: Final) {
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
    fn start_ressourceforloeb(&mut self, decided: NaiveDate) -> (String, NaiveDate) {
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

    fn start_pension(&mut self, decided: NaiveDate, ydelse: Ydelse) {
        let months = self.rng.gen_range(1..=3);
        let first_of_month = NaiveDate::from_ymd_opt(decided.year(), decided.month(), 1).unwrap_or(decided);
        let start = first_of_month.checked_add_months(Months::new(months)).unwrap_or(decided);
        self.switch_ydelse(start, ydelse);
    }

    /// One passage through the rehabilitation team: evidence, forberedende del, judgements,
    /// submission, meeting, indstilling, hearing and decision. Returns the decision's date and id.
    fn team_round(
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

    fn judgements(&mut self, at: NaiveDate, rec: IndstillingOutcome, outcome: AfgoerelseOutcome) {
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

    fn meeting(&mut self, submitted: NaiveDate, again: bool) -> NaiveDate {
        let by = self.by_cw();
        let body = EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: again.then_some(true) };
        self.push(submitted, by, None, body);
        self.meeting_after(submitted)
    }

    fn meeting_genforelagt(&mut self, submitted: NaiveDate) {
        let by = self.by_cw();
        self.push(submitted, by, None, EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: Some(true) });
    }

    /// The team's meeting 3–5 weeks after submission (longer at peaks, never under 14 days).
    fn meeting_after(&mut self, submitted: NaiveDate) -> NaiveDate {
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

    fn indstilling(&mut self, meeting: NaiveDate, rec: IndstillingOutcome) -> (NaiveDate, String) {
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

    fn work_functions(&mut self) -> Vec<String> {
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

    /// The municipality's decision. Most are complete; some miss main considerations, work
    /// functions in a refusal or the appeal guidance.
    fn decision(&mut self, at: NaiveDate, outcome: AfgoerelseOutcome, first: bool) -> String {
        let id = self.next_id(3);
        let legal_basis: Vec<String> = match outcome {
            AfgoerelseOutcome::TilkendtFoertidspension => vec!["PL § 16, stk. 2".into(), "PL § 18, stk. 1".into()],
            AfgoerelseOutcome::AfslagFoertidspension => vec!["PL § 16, stk. 2".into(), "PL § 20, stk. 2".into()],
            AfgoerelseOutcome::TilkendtSeniorfoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                vec!["PL § 17, stk. 3".into()]
            }
            AfgoerelseOutcome::BevilgetFleksjob | AfgoerelseOutcome::AfslagFleksjob => vec!["LAB § 70".into()],
            AfgoerelseOutcome::BevilgetRessourceforloeb | AfgoerelseOutcome::AfslagRessourceforloeb => {
                vec!["LAB § 68 a".into()]
            }
            AfgoerelseOutcome::AndenIndsats => vec!["RSL § 5".into()],
        };
        let reasons = match outcome {
            AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::TilkendtSeniorfoertidspension => {
                "Arbejdsevnen er varigt nedsat i et omfang, så du ikke kan forsørge dig selv ved indtægtsgivende arbejde, heller ikke i et fleksjob."
            }
            AfgoerelseOutcome::AfslagFoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                "Din arbejdsevne er ikke varigt nedsat i et omfang, der berettiger til førtidspension; du kan arbejde i de nævnte funktioner."
            }
            AfgoerelseOutcome::BevilgetFleksjob => {
                "Din arbejdsevne er varigt og væsentligt nedsat, og du kan ikke arbejde på ordinære vilkår."
            }
            AfgoerelseOutcome::AfslagFleksjob => "Du vurderes at kunne arbejde på ordinære vilkår i de nævnte funktioner.",
            AfgoerelseOutcome::BevilgetRessourceforloeb => {
                "Du har komplekse problemer og behov for en længerevarende, helhedsorienteret indsats."
            }
            AfgoerelseOutcome::AfslagRessourceforloeb => "Du vurderes at kunne profitere af en ordinær indsats.",
            AfgoerelseOutcome::AndenIndsats => "Der iværksættes en anden indsats efter rehabiliteringsteamets indstilling.",
        };
        let refusal = matches!(
            outcome,
            AfgoerelseOutcome::AfslagFoertidspension
                | AfgoerelseOutcome::AfslagSeniorfoertidspension
                | AfgoerelseOutcome::AfslagFleksjob
        );
        let names_functions = match outcome {
            AfgoerelseOutcome::AfslagFoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                self.chance(0.88)
            }
            AfgoerelseOutcome::AfslagFleksjob => self.chance(0.5),
            _ => false,
        };
        let work_functions = (refusal && names_functions).then(|| self.work_functions());
        let main_considerations = self.chance(0.92).then(|| self.pick(text::MAIN_CONSIDERATIONS).to_owned());
        let klagevejledning = Some(self.chance(if first { 0.98 } else { 0.99 }));
        let by =
            if matches!(outcome, AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::AfslagFoertidspension)
                && self.ctx.profile.code == "101"
                && at < NaiveDate::from_ymd_opt(2018, 4, 1).unwrap_or(at)
            {
                // Until 1 April 2018 Socialforvaltningen decided pension cases in Copenhagen.
                let n = self.rng.gen_range(1..=self.ctx.pool[Unit::Sof.index()].max(2));
                Some(format!("sb:101-sof-{n:03}"))
            } else {
                self.by_cw()
            };
        let body = EventBody::Afgoerelse(Afgoerelse {
            outcome,
            legal_basis: Some(legal_basis),
            reasons: Some(reasons.to_owned()),
            work_functions,
            main_considerations,
            klagevejledning,
        });
        self.push(at, by, Some(id.clone()), body);
        id
    }

    /// The citizen appeals `decision`; Ankestyrelsen answers 3–9 months later. Returns its result and date.
    fn appeal(&mut self, decided: NaiveDate, decision: &str, grant: bool) -> Option<(AnkeResult, NaiveDate)> {
        let klage = decided + self.days(14, 80);
        self.push(klage, Some("borger".into()), None, EventBody::Klage { about: decision.to_owned() });
        let answered = klage + self.days(90, 270);
        let x = self.u();
        let result = if grant {
            if x < 0.95 {
                AnkeResult::Stadfaestet
            } else {
                AnkeResult::Afvist
            }
        } else if x < 0.925 {
            AnkeResult::Stadfaestet
        } else if x < 0.97 {
            AnkeResult::Afvist
        } else if x < 0.988 {
            AnkeResult::Aendret
        } else {
            AnkeResult::Hjemvist
        };
        self.push(answered, None, None, EventBody::Ankestyrelsen { about: decision.to_owned(), result });
        self.open_for(answered).then_some((result, answered))
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
