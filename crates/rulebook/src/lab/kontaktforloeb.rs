//! Statutory conversation frequencies (report § 6.2.1, § 6.3, § 6.6.2; rules.md § 5.3).
//!
//! Quoted from the report (L2569–2571, L2623–2626, L2910–2914):
//!
//! > Det er lovgivningsmæssigt fastsat, at borgeren skal have minimum fire samtaler om året.
//! > (aktivitetsparate kontanthjælpsmodtagere)
//! >
//! > Sygemeldte har en lovpligtig opfølgningssamtale hver 4. uge.
//! >
//! > Det er lovgivningsmæssigt fastlagt, at ressourceforløbsborgerne skal have samtale med deres
//! > koordinerende sagsbehandler 6 gange indenfor 12 måneder.
//!
//! The report names no paragraph for these, so the citations name the act only. The due date
//! of the next conversation is approximated as a fixed interval after the last one (3 months
//! for 4 a year, 2 months for 6 in 12 months, as Copenhagen monitored it, L2911–2914).

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{Dated, Period, RuleMeta, SourceKind, Span};

/// Activity-ready cash-benefit recipients: at least 4 conversations a year.
pub const KONTANTHJAELP: RuleMeta = RuleMeta {
    id: "lab.kontaktforloeb.kontanthjaelp_aktivitetsparat",
    citation: "LAB, kontaktforløb",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "Lovbestemt (paragraf ikke angivet i rapporten)",
    source: SourceKind::Statute,
};

/// Sickness benefit: a follow-up conversation every 4th week.
pub const SYGEDAGPENGE: RuleMeta = RuleMeta {
    id: "sdl.opfoelgning.sygedagpenge",
    citation: "Sygedagpengeloven, opfølgning",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "Lovbestemt (paragraf ikke angivet i rapporten)",
    source: SourceKind::Statute,
};

/// Ressourceforløb: 6 conversations within 12 months with the coordinating caseworker.
pub const RESSOURCEFORLOEB: RuleMeta = RuleMeta {
    id: "lab.kontaktforloeb.ressourceforloeb",
    citation: "LAB, kontaktforløb i ressourceforløb",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Interval approximating "4 a year".
pub const KONTANTHJAELP_INTERVAL: &[Dated<Span>] = &[Dated { meta: KONTANTHJAELP, value: Span::Months(3) }];

/// "Every 4th week".
pub const SYGEDAGPENGE_INTERVAL: &[Dated<Span>] = &[Dated { meta: SYGEDAGPENGE, value: Span::Weeks(4) }];

/// Interval approximating "6 within 12 months".
pub const RESSOURCEFORLOEB_INTERVAL: &[Dated<Span>] = &[Dated { meta: RESSOURCEFORLOEB, value: Span::Months(2) }];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&KONTANTHJAELP, &SYGEDAGPENGE, &RESSOURCEFORLOEB];

#[cfg(test)]
mod tests {
    use crate::facts::{Conversation, SupportPeriod, Ydelse};
    use crate::testkit::*;
    use crate::DeadlineState;

    fn on(ydelse: Ydelse) -> crate::CaseFacts {
        let mut f = citizen(d(1975, 1, 1));
        f.support.push(SupportPeriod { ydelse, start: d(2017, 1, 2), end: None });
        f.conversations.push(Conversation { at: d(2017, 9, 1), kind: "opfoelgning".into() });
        f
    }

    fn next(c: &crate::Conclusions, rule: &str) -> Option<(chrono::NaiveDate, DeadlineState)> {
        c.deadlines.iter().find(|x| x.rule == rule).map(|x| (x.due, x.state))
    }

    #[test]
    fn a_sickness_benefit_recipient_is_due_a_conversation_every_fourth_week() {
        let c = eval(&on(Ydelse::Sygedagpenge), d(2017, 9, 29));
        assert_eq!(next(&c, "sdl.opfoelgning.sygedagpenge"), Some((d(2017, 9, 29), DeadlineState::Aaben)));
        let c = eval(&on(Ydelse::Sygedagpenge), d(2017, 9, 30));
        assert_eq!(next(&c, "sdl.opfoelgning.sygedagpenge").map(|x| x.1), Some(DeadlineState::Overskredet));
    }

    #[test]
    fn an_activity_ready_cash_benefit_recipient_is_due_a_conversation_within_three_months() {
        let c = eval(&on(Ydelse::KontanthjaelpAktivitetsparat), d(2017, 10, 1));
        assert_eq!(
            next(&c, "lab.kontaktforloeb.kontanthjaelp_aktivitetsparat"),
            Some((d(2017, 12, 1), DeadlineState::Aaben))
        );
    }

    #[test]
    fn a_ressourceforloeb_citizen_is_due_a_conversation_every_second_month() {
        let c = eval(&on(Ydelse::Ressourceforloebsydelse), d(2017, 10, 1));
        assert_eq!(next(&c, "lab.kontaktforloeb.ressourceforloeb"), Some((d(2017, 11, 1), DeadlineState::Aaben)));
    }
}
