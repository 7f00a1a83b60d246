//! Progress and deadlines (fremdrift): worklists, timeliness and the auditor's case review.
//!
//! The law lives only in `rulebook`: every legal deadline and every legal condition here comes
//! from `rulebook::evaluate` on the facts `assess::facts` maps from a case projection. This
//! crate adds the oversight layer on top: thresholds that are local practice ([`Settings`],
//! documented defaults a municipality can change in a TOML file read by the CLI), aggregation
//! and ranking. Like `rulebook` and `assess` it does no I/O and never reads the clock: `as_of`
//! is always a parameter. Outputs derive `serde::Serialize`; the crate itself does not serialise.
//!
//! # Worklist ([`worklist()`])
//!
//! For the cases in a [`Scope`] (all, the current caseworker = latest `tildelt`, or the current
//! unit), every rulebook deadline that is `aaben` or `overskredet` (an overdue deadline whose
//! act has since been done late is left out: it is history for the review) and, for cases not
//! closed ([`is_closed`]), these warnings:
//!
//! | rule | basis | fires when (defaults) |
//! |---|---|---|
//! | `fremdrift.helbredsoplysninger.alder` | RSL § 10 | the case is heading to a team meeting or decision and the newest health evidence is older than 6 months (`health_evidence_max_months`); shown from 30 days before (`lead_days`) |
//! | `ast.p-3-07` | Ankestyrelsen P-3-07 | the newest work test is older than 6 years (`work_test_max_years`) |
//! | `rsl.3.hurtigst_muligt` | RSL § 3 | no event in the case for 12 weeks (`passivity_weeks`) |
//! | `fremdrift.ingen_indsats_foer_moede` | Taskforcerapporten kap. 8.3.3 (BDO) | the case is with the team's secretariat and no measure ran in the 12 months before (`measure_window_months`) |
//! | `fremdrift.afklaring_over_2_aar` | U.2014.3146Ø, U.2015.124Ø, U.2016.51V | the case opened more than 24 months ago (`clarification_max_months`); shown 90 days before |
//! | `rsl.5.helhedsvurdering` | RSL § 5 | a track is `opfyldt` but the case is neither with the team nor in that track (no pension transition or decision; no fleksjob; no running ressourceforloeb) |
//! | `fremdrift.sagsbehandlerskift` | Taskforce-anbefaling 2 | more than 3 handovers (`handovers_max`) in 24 months (`actor_window_months`) |
//! | `fremdrift.antal_skrivere` | Taskforce-anbefaling 2 | more than 10 distinct writers (`writers_max`) in 24 months |
//! | `praksis.seniorfoertidspension.vejledning` | PL § 17, stk. 3 | the citizen is within 5 years of folkepension age and not told; due 8 weeks (`senior_guidance_weeks`) after the window opened (or the case opened) |
//! | `fremdrift.ung_udviklingshaemning` | Taskforce-anbefaling 1 | aged 17–29 with an ICD-10 F70–F79 primary diagnosis and a ressourceforloeb recommended, granted or running, or an undecided case open 6 months; due the 18th birthday when 17 |
//!
//! Conversations not held on time come from the rulebook's deadlines (`lab.kontaktforloeb.*`,
//! `sdl.opfoelgning.sygedagpenge`).
//!
//! **How "told about seniorfoertidspension" is recorded:** a `samtale` event with `kind`
//! [`SENIOR_GUIDANCE_KIND`] (`vejledning_seniorfoertidspension`). An `ansoegning` of kind
//! `seniorfoertidspension` or a decision on seniorfoertidspension also shows the citizen knows.
//!
//! **Order** ([`sort`]): overdue items first, longest overdue first; then open items with a due
//! date, soonest first; then undated warnings by severity (`hoej`, `middel`, `lav`); ties by
//! severity, case id and rule id.
//!
//! # Review ([`review()`])
//!
//! Per case as of a date: the latest decision; `earliest_sufficient`, the first date on which
//! the decision's track was `opfyldt` under the edition in force that day (grants map to
//! tracks: `tilkendt_foertidspension` → foertidspension, `tilkendt_seniorfoertidspension` →
//! seniorfoertidspension, `bevilget_fleksjob` → fleksjob, `bevilget_ressourceforloeb` →
//! ressourceforloeb; refusals and `anden_indsats` have no track and give null). The replay
//! evaluates only the dates in [`replay_dates`] (arrivals of documents, judgements, measures,
//! support, applications, meetings, recommendations; edition starts; age thresholds) from the
//! first judgement on, and stops at the first date that meets the conditions. `days_lost` is
//! whole calendar days from that date to the decision (8 calendar months is 242–245 days
//! depending on the months; no rounding is applied). Findings: decided later than
//! `review_days_lost_min` days after sufficient (`rsl.3.hurtigst_muligt`); another track
//! `opfyldt` on the decision date, or a refused track that was `opfyldt`
//! (`gennemgang.anden_afgoerelse_mulig`); the rulebook's defects of the decision on its date
//! (reasons, main considerations, appeal guidance, …); stale health evidence at the decision and
//! at the latest team meeting; no measure in the year before that meeting; too many handovers or
//! writers; postponements without a reason (`weighted` texts or an extension field `reason` /
//! `begrundelse`); and the auditor's categories of table 8.1 (`gennemgang.kategori.*`).

mod case;
mod report;
mod review;
mod rules;
mod settings;
mod timeliness;
mod worklist;

pub use case::{is_closed, PreparedCase};
pub use report::{case_link, csv, html, markdown, summary, worst_first, Summary};
pub use review::{earliest_sufficient, replay_dates, review, review_case, review_prepared, track_of, CaseReview};
pub use rules::{Rule, ALL as RULES};
pub use settings::Settings;
pub use timeliness::{contributions, timeliness, timeliness_of, Contribution, Row, Timeliness};
pub use worklist::{case_items, sort, worklist, ItemKind, ItemState, Scope, Severity, WorkItem, SENIOR_GUIDANCE_KIND};

/// The oversight rules, for documentation and tests.
pub mod rule {
    pub use crate::rules::*;
}
