//! Interpretations, practice studies and local targets; each labelled with its source kind.
//!
//! None of these is statute. Local rules are Copenhagen's (BIU, Region Hovedstaden contract);
//! interpretations are Ankestyrelsen's practice studies, the taskforce's recommendations and
//! settings the rulebook needs where the law gives no number (evidence age).

use crate::edition::REFORM_2013;
use crate::meta::{ymd, Dated, Period, RuleMeta, SourceKind, Span};

/// How old health evidence may be before a judgement resting on it counts as undocumented.
/// No statute states a limit; BDO observed ≥ 6 months from the latest certificate to the
/// decision in 10 of 33 cases (L3897–3898). The default of 12 months is a setting.
pub const HELBRED_AKTUALITET: RuleMeta = RuleMeta {
    id: "praksis.helbredsoplysninger.aktualitet",
    citation: "RSL § 10",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "Indstilling i afklaring (ingen lovbestemt grænse; jf. BDO, rapportens kap. 8)",
    source: SourceKind::Interpretation,
};

/// Default age limit for health evidence.
pub const HELBRED_MAKS_ALDER: &[Dated<Span>] = &[Dated { meta: HELBRED_AKTUALITET, value: Span::Months(12) }];

/// A work test this old cannot exclude improvement (the only number in the source, P-3-07).
pub const ARBEJDSPROEVNING_MAKS_ALDER: &[Dated<Span>] =
    &[Dated { meta: crate::ankestyrelsen::P3_07, value: Span::Years(6) }];

/// Region Hovedstaden's contract: the sundhedskoordinator needs ≥ 10 days, so meetings are
/// booked at least 14 days ahead (L2764–2766).
pub const BOOKING: RuleMeta = RuleMeta {
    id: "praksis.booking.14_dage",
    citation: "Kontrakt med Region Hovedstaden (sundhedskoordinator)",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "Københavns Kommune / Region Hovedstaden",
    source: SourceKind::LocalRule,
};

/// Earliest meeting after submission.
pub const BOOKING_FRIST: &[Dated<Span>] = &[Dated { meta: BOOKING, value: Span::Days(14) }];

/// BIU decision of 31 March 2014: a conversation every 3rd month (local, L2569–2571).
pub const SAMTALE_KBH: RuleMeta = RuleMeta {
    id: "praksis.samtaler.kontanthjaelp_hver_3_maaned",
    citation: "BIU-beslutning af 31. marts 2014",
    in_force: Period::starting(ymd(2014, 3, 31)),
    enacted_by: "Beskæftigelses- og Integrationsudvalget, Københavns Kommune",
    source: SourceKind::LocalRule,
};

/// The taskforce's recommendation: tell citizens within 5 years of folkepension age about
/// seniorførtidspension (L238–241).
pub const SENIOR_VEJLEDNING: RuleMeta = RuleMeta {
    id: "praksis.seniorfoertidspension.vejledning",
    citation: "PL § 17, stk. 3",
    in_force: Period::between(ymd(2014, 1, 1), crate::pl::p26a::IN_FORCE),
    enacted_by: "Taskforcens anbefaling (2018)",
    source: SourceKind::Interpretation,
};

/// The same guidance for seniorpension, which replaced seniorførtidspension from 2020 (our
/// reading: the recommendation's reason, older citizens for whom development before pension age
/// is unrealistic, carries over to the successor scheme).
pub const SENIORPENSION_VEJLEDNING: RuleMeta = RuleMeta {
    id: "praksis.seniorpension.vejledning",
    citation: "PL § 26 a",
    in_force: Period::starting(crate::pl::p26a::IN_FORCE),
    enacted_by: "Taskforcens anbefaling (2018), læst for seniorpension",
    source: SourceKind::Interpretation,
};

/// Ankestyrelsen's 2016 practice study on few-hours fleksjob: development potential is an
/// essential condition (L859–884; sagsnr. 98 and 117).
pub const PRAKSIS_FLEKSJOB_2016: RuleMeta = RuleMeta {
    id: "praksis.ankestyrelsen.fleksjob_faa_timer_2016",
    citation: "Ankestyrelsens praksisundersøgelse om fleksjob på få timer (2016)",
    in_force: Period::starting(ymd(2016, 1, 1)),
    enacted_by: "Ankestyrelsen (praksisundersøgelse)",
    source: SourceKind::Interpretation,
};

/// Ankestyrelsen's 2015 practice study on førtidspension (L788–810): a 4-week clarification
/// is too short; a fragile citizen needs a specialist examination and a function description;
/// a citizen with complex psychiatric problems belongs in ressourceforløb.
pub const PRAKSIS_FP_2015: RuleMeta = RuleMeta {
    id: "praksis.ankestyrelsen.foertidspension_2015",
    citation: "Ankestyrelsens praksisundersøgelse om førtidspension (2015)",
    in_force: Period::starting(ymd(2015, 1, 1)),
    enacted_by: "Ankestyrelsen (praksisundersøgelse)",
    source: SourceKind::Interpretation,
};

/// The 4 weeks found too short in the 2015 practice study.
pub const AFKLARING_FOR_KORT: &[Dated<Span>] = &[Dated { meta: PRAKSIS_FP_2015, value: Span::Weeks(4) }];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[
    &HELBRED_AKTUALITET,
    &BOOKING,
    &SAMTALE_KBH,
    &SENIOR_VEJLEDNING,
    &SENIORPENSION_VEJLEDNING,
    &PRAKSIS_FLEKSJOB_2016,
    &PRAKSIS_FP_2015,
];
