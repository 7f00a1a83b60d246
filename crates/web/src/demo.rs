//! The demo municipality: a simulated København (sim's demo profile, ending today) plus two
//! hand-written showcase cases, and one demo user per role with fresh passwords to print.

use crate::auth::{hash_password, random_password};
use crate::db::Database;
use crate::error::AppError;
use chrono::{Duration, Months, NaiveDate};
use journal::CaseId;
use store::accounts::{Role, User};

/// The showcase case whose LÆ 265 is missing (the demo citizen's own case).
pub const CASE_MISSING_LAE265: &str = "DEMO-1";
/// The showcase pension case, ready for a decision.
pub const CASE_PENSION: &str = "DEMO-2";
/// The showcase case of a citizen under 30 on the rehabilitation team's agenda.
pub const CASE_YOUNG_ON_AGENDA: &str = "DEMO-3";
/// The demo caseworker's actor id and unit.
pub const CASEWORKER_ACTOR: &str = "sb:101-jki-001";
pub const CASEWORKER_UNIT: &str = "JKI";

/// A demo login to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub user: String,
    pub role: Role,
    pub password: String,
    pub note: String,
}

/// What seeding did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub cases_imported: usize,
    pub logins: Vec<DemoLogin>,
}

/// Fills an empty database with the demo municipality (`cases` simulated cases ending `today`
/// plus the showcase cases), and (re)creates the demo users with new passwords.
pub fn seed(db: &mut dyn Database, today: NaiveDate, cases: usize) -> Result<DemoReport, AppError> {
    let mut imported = 0;
    if db.cases()?.is_empty() {
        let mut cfg = sim::SimConfig::demo(cases, 2018);
        cfg.end = today;
        cfg.start = today.checked_sub_months(Months::new(11 * 12)).unwrap_or(cfg.start);
        let mut text = String::new();
        let mut batch = 0;
        let mut outcome: Result<(), AppError> = Ok(());
        let result = sim::for_each_case(&cfg, |_, events| {
            for event in events {
                text.push_str(&journal::write_event(event));
                text.push('\n');
            }
            batch += 1;
            if batch == 2000 {
                outcome = db.import(&text, "demo").map(|r| imported += r.cases).map_err(AppError::from);
                text.clear();
                batch = 0;
            }
            outcome.clone()
        });
        result?;
        text.push_str(&showcase(today));
        imported += db.import(&text, "demo")?.cases;
    }
    let logins = users(db)?;
    Ok(DemoReport { cases_imported: imported, logins })
}

/// Login, name, role, unit, actor id, own case (citizens), note.
type DemoUserSpec<'a> = (&'a str, &'a str, Role, Option<&'a str>, &'a str, Option<CaseId>, &'a str);

fn users(db: &mut dyn Database) -> Result<Vec<DemoLogin>, AppError> {
    let citizen_case = CaseId::parse(CASE_MISSING_LAE265);
    let specs: Vec<DemoUserSpec<'_>> = vec![
        (
            "sagsbehandler",
            "Anna Sagsbehandler",
            Role::Caseworker,
            Some(CASEWORKER_UNIT),
            CASEWORKER_ACTOR,
            None,
            "JKI; har demosagerne DEMO-1 og DEMO-2",
        ),
        (
            "sagsbehandler-cab",
            "Bo Sagsbehandler",
            Role::Caseworker,
            Some("CAB"),
            "sb:101-cab-001",
            None,
            "CAB; kan ikke se JKI's sager",
        ),
        (
            "team",
            "Cecilie Rehabiliteringsteam",
            Role::TeamMember,
            Some("rt:101"),
            "rt:101",
            None,
            "rehabiliteringsteamets dagsorden",
        ),
        ("leder", "Dorte Leder", Role::Leader, Some(CASEWORKER_UNIT), "leder:101-jki", None, "leder for JKI"),
        ("borger", "Erik Borger", Role::Citizen, None, "borger", citizen_case, "Min plan for sag DEMO-1"),
        ("analytiker", "Frida Analytiker", Role::Analyst, None, "analyse:101", None, "kun samlede tal"),
        ("revisor", "Gustav Revisor", Role::Auditor, None, "revision:101", None, "adgangsloggen"),
        ("admin", "Hanne Administrator", Role::Admin, None, "admin:101", None, "brugere"),
    ];
    let mut logins = Vec::new();
    for (id, name, role, unit, actor, case, note) in specs {
        let password = random_password();
        db.put_user(&User {
            id: id.into(),
            display_name: name.into(),
            role,
            unit: unit.map(str::to_owned),
            actor: actor.into(),
            citizen_case: case,
            password_hash: hash_password(&password)?,
        })?;
        logins.push(DemoLogin { user: id.into(), role, password, note: note.into() });
    }
    Ok(logins)
}

/// The showcase journals, dated relative to `today`.
pub fn showcase(today: NaiveDate) -> String {
    let d = |days: i64| journal::format_date(today - Duration::days(days));
    let years = |n: u32| journal::format_date(today.checked_sub_months(Months::new(12 * n)).unwrap_or(today));
    let cw = CASEWORKER_ACTOR;
    let lines = [
        // DEMO-1: heading for the team; the LÆ 265 is missing.
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"borger","birth_date":"{}","municipality":"101","sex":"M"}}"#,
            d(1100),
            years(45)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"ydelse_start","ydelse":"kontanthjaelp_aktivitetsparat"}}"#,
            d(1100)
        ),
        format!(r#"{{"case":"DEMO-1","at":"{}","type":"tildelt","sagsbehandler":"{cw}","enhed":"JKI"}}"#, d(1100)),
        format!(r#"{{"case":"DEMO-1","at":"{}","type":"samtale","by":"{cw}","kind":"jobsamtale"}}"#, d(1000)),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"indsats_start","by":"{cw}","id":"ind-1","kind":"virksomhedspraktik","hours_per_week":10,"planned_end":"{}","skaanehensyn_beskrevet":true}}"#,
            d(540),
            d(450)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"samtale","by":"{cw}","kind":"opfoelgning","text":"Praktikken slutter snart; vi aftalte en mentor bagefter."}}"#,
            d(470)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"indsats_start","by":"{cw}","id":"ind-2","kind":"mentor","hours_per_week":2}}"#,
            d(466)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"indsats_slut","by":"{cw}","id":"ind-1","kind":"virksomhedspraktik"}}"#,
            d(450)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"dokument","by":"{cw}","id":"dok-1","kind":"leverandoerrapport","issued":"{}","author":"Praktiksted"}}"#,
            d(440),
            d(445)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"dokument","by":"{cw}","id":"dok-2","kind":"speciallaege","issued":"{}","author":"Psykiatrisk speciallæge","findings":{{"diagnosis_group":"psykisk","primary_diagnosis":"F33.1"}}}}"#,
            d(60),
            d(65)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"vurdering","by":"{cw}","criterion":"komplekse_problemer","value":true,"basis":["dok-1","dok-2"],"text":"Depression og længere tids ledighed."}}"#,
            d(55)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"vurdering","by":"{cw}","criterion":"laengerevarende_offentlig_forsoergelse","value":true,"basis":["dok-1"]}}"#,
            d(55)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"dokument","by":"{cw}","id":"dok-3","kind":"forberedende_del","issued":"{}"}}"#,
            d(30),
            d(30)
        ),
        format!(
            r#"{{"case":"DEMO-1","at":"{}","type":"samtale","by":"{cw}","kind":"opfoelgning","text":"Vi aftalte at indhente attest fra egen læge og derefter forelægge sagen for rehabiliteringsteamet."}}"#,
            d(20)
        ),
        // DEMO-2: the team recommended foertidspension; the pension case is open.
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"borger","birth_date":"{}","municipality":"101","sex":"K"}}"#,
            d(2400),
            years(52)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"ydelse_start","ydelse":"kontanthjaelp_aktivitetsparat"}}"#,
            d(2400)
        ),
        format!(r#"{{"case":"DEMO-2","at":"{}","type":"tildelt","sagsbehandler":"{cw}","enhed":"JKI"}}"#, d(900)),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"dokument","by":"{cw}","id":"dok-1","kind":"arbejdsproevning","issued":"{}","findings":{{"hours_per_week":4,"weeks":12}}}}"#,
            d(200),
            d(205)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"dokument","by":"{cw}","id":"dok-2","kind":"lae265","issued":"{}","author":"Egen læge"}}"#,
            d(120),
            d(125)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"dokument","by":"{cw}","id":"dok-3","kind":"speciallaege","issued":"{}","findings":{{"diagnosis_group":"bevaegeapparat","treatment_exhausted":true,"stationary":true}}}}"#,
            d(110),
            d(115)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"dokument","by":"{cw}","id":"dok-4","kind":"forberedende_del","issued":"{}"}}"#,
            d(100),
            d(100)
        ),
        format!(r#"{{"case":"DEMO-2","at":"{}","type":"forelagt_rehabiliteringsteam","by":"{cw}"}}"#, d(95)),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"rehabiliteringsmoede","by":"rt:101","attendees":["borger","sagsbehandler","beskaeftigelse","sundhed","social","sundhedskoordinator"]}}"#,
            d(60)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"indstilling","by":"rt:101","id":"indst-1","outcome":"foertidspension","weighted":{{"beskaeftigelse":"Arbejdsprøvning på 4 timer om ugen uden progression.","social":"Bor alene, godt netværk.","helbred":"Udtømt behandling af ryglidelse, stationær tilstand."}},"faglig_begrundelse":"Arbejdsevnen er væsentligt og varigt nedsat; 4 timer om ugen kan ikke bruges til selvforsørgelse."}}"#,
            d(60)
        ),
        format!(r#"{{"case":"DEMO-2","at":"{}","type":"partshoering_sendt","by":"{cw}","about":"indst-1"}}"#, d(55)),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"overgang_foertidspension","by":"{cw}","notified":true}}"#,
            d(50)
        ),
        format!(
            r#"{{"case":"DEMO-2","at":"{}","type":"samtale","by":"{cw}","kind":"opfoelgning","text":"Gennemgik indstillingen om førtidspension med borgeren."}}"#,
            d(45)
        ),
        format!(r#"{{"case":"DEMO-2","at":"{}","type":"moede_tilbudt","by":"{cw}"}}"#, d(30)),
    ];
    let young = [
        // DEMO-3: 24 years old, sent to the team; the meeting is not booked yet.
        format!(
            r#"{{"case":"DEMO-3","at":"{}","type":"borger","birth_date":"{}","municipality":"101","sex":"K"}}"#,
            d(700),
            years(24)
        ),
        format!(r#"{{"case":"DEMO-3","at":"{}","type":"ydelse_start","ydelse":"uddannelseshjaelp"}}"#, d(700)),
        format!(r#"{{"case":"DEMO-3","at":"{}","type":"tildelt","sagsbehandler":"{cw}","enhed":"JKI"}}"#, d(700)),
        format!(r#"{{"case":"DEMO-3","at":"{}","type":"samtale","by":"{cw}","kind":"jobsamtale"}}"#, d(60)),
        format!(
            r#"{{"case":"DEMO-3","at":"{}","type":"dokument","by":"{cw}","id":"dok-1","kind":"lae265","issued":"{}","author":"Egen læge","findings":{{"diagnosis_group":"psykisk"}}}}"#,
            d(40),
            d(45)
        ),
        format!(
            r#"{{"case":"DEMO-3","at":"{}","type":"dokument","by":"{cw}","id":"dok-2","kind":"forberedende_del","issued":"{}"}}"#,
            d(25),
            d(25)
        ),
        format!(r#"{{"case":"DEMO-3","at":"{}","type":"forelagt_rehabiliteringsteam","by":"{cw}"}}"#, d(5)),
    ];
    let mut text = lines.iter().chain(young.iter()).cloned().collect::<Vec<_>>().join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessed(case: &str, today: NaiveDate) -> assess::Assessment {
        let events = journal::parse_journal(&showcase(today)).expect("the showcase parses");
        let events: Vec<_> = events.into_iter().filter(|e| e.case.as_str() == case).collect();
        assess::assess(&events, today, None, &assess::Settings::default()).expect("assessable")
    }

    #[test]
    fn the_showcase_citizen_case_misses_only_the_lae265_and_has_nothing_overdue() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let a = assessed(CASE_MISSING_LAE265, today);
        assert_eq!(a.missing.iter().map(|m| m.what).collect::<Vec<_>>(), ["lae265"]);
        assert!(a.deadlines.iter().all(|d| d.state != assess::DeadlineState::Overskredet), "{:?}", a.deadlines);
    }

    #[test]
    fn the_showcase_pension_case_waits_for_a_decision_within_three_months() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let a = assessed(CASE_PENSION, today);
        assert!(a.deadlines.iter().any(|d| d.rule.starts_with("pl.21") && d.state == assess::DeadlineState::Aaben));
        assert!(a.deadlines.iter().all(|d| d.state != assess::DeadlineState::Overskredet), "{:?}", a.deadlines);
    }
}
