//! Deadlines: 39-17 (3 weeks), PL § 21, stk. 1 (3 months), RSL § 7 a (2 weeks before), conversations.

use chrono::NaiveDate;

use crate::ankestyrelsen as ast;
use crate::conclusions::{Deadline, DeadlineState, Route, RouteValue};
use crate::facts::{ApplicationKind, Ydelse};
use crate::lab::kontaktforloeb as kf;
use crate::meta::{Dated, RuleMeta, Span};
use crate::pl::{p17, p21};
use crate::rsl;
use crate::view::View;

const THREE_WEEKS: Span = Span::Weeks(3);

fn state(as_of: NaiveDate, due: NaiveDate, done: Option<NaiveDate>) -> DeadlineState {
    match done {
        Some(d) if d <= due => DeadlineState::Opfyldt,
        Some(_) => DeadlineState::Overskredet,
        None if as_of > due => DeadlineState::Overskredet,
        None => DeadlineState::Aaben,
    }
}

fn deadline(meta: &RuleMeta, due: NaiveDate, state: DeadlineState, text: String) -> Deadline {
    Deadline { rule: meta.id, basis: meta.citation, due, state, text }
}

pub(super) fn all(view: &View<'_>, route: &Route) -> Vec<Deadline> {
    let mut out = Vec::new();
    transition_39_17(view, route, &mut out);
    decision_pl_21(view, &mut out);
    measures_rsl_7a(view, &mut out);
    conversations(view, &mut out);
    out.sort_by_key(|d| d.due);
    out
}

fn transition_39_17(view: &View<'_>, route: &Route, out: &mut Vec<Deadline>) {
    if !ast::A39_17.in_force_on(view.as_of) {
        return;
    }
    let Some(application) = view.latest_application(ApplicationKind::FoertidspensionForeliggendeGrundlag) else {
        return;
    };
    let recommendation = view.facts.recommendations.iter().filter(|r| r.at >= application.at).min_by_key(|r| r.at);
    let (start, what) = match recommendation {
        Some(r) => (r.at, format!("rehabiliteringsteamets indstilling {}", r.at)),
        None if route.value == RouteValue::KanUndlades && route.rule == p17::UTVIVLSOMT.id => {
            (application.at, format!("ansøgningen {} (uden rehabiliteringsteamet)", application.at))
        }
        None => return,
    };
    let due = THREE_WEEKS.after(start);
    let done = view.facts.pension_transitions.iter().filter(|t| t.at >= start).map(|t| t.at).min();
    out.push(deadline(
        &ast::A39_17,
        due,
        state(view.as_of, due, done),
        format!("Sagen skal overgå til behandling efter reglerne om førtidspension umiddelbart og senest 3 uger efter {what}; datoen skal fremgå af sagen."),
    ));
}

fn decision_pl_21(view: &View<'_>, out: &mut Vec<Deadline>) {
    let Some(transition) = view.facts.pension_transitions.iter().max_by_key(|t| t.at) else {
        return;
    };
    let Some(rule) = crate::meta::version_on(p21::FRIST, view.as_of) else {
        return;
    };
    let due = rule.value.after(transition.at);
    let decided =
        view.facts.decisions.iter().filter(|d| d.outcome.is_pension() && d.at >= transition.at).map(|d| d.at).min();
    let letter = view.facts.delay_letters.iter().filter(|l| l.at >= transition.at).min_by_key(|l| l.at);
    let timely_letter = letter.filter(|l| l.at <= due);
    let mut st = state(view.as_of, due, decided);
    if st == DeadlineState::Overskredet && timely_letter.is_some() {
        st = DeadlineState::Opfyldt;
    }
    let mut text =
        format!("Afgørelse om førtidspension senest {} efter overgangen {}.", rule.value.danish(), transition.at);
    if timely_letter.is_some() {
        text.push_str(" Borgeren har fået en redegørelse for den forlængede sagsbehandlingstid.");
    }
    if !transition.notified {
        text.push_str(" Tidspunktet for overgangen er ikke meddelt borgeren (PL § 18, stk. 1).");
    }
    out.push(deadline(&rule.meta, due, st, text));
    if let Some(l) = letter {
        match l.expected_by {
            Some(expected) => out.push(deadline(
                &p21::FORVENTET_AFGOERELSE,
                expected,
                state(view.as_of, expected, decided),
                format!("Borgeren har fået besked om, at sagen forventes afgjort senest {expected}."),
            )),
            None => out.push(deadline(
                &p21::FORVENTET_AFGOERELSE,
                l.at,
                DeadlineState::Overskredet,
                "Udsættelsesbrevet angiver ikke, hvornår sagen forventes afgjort.".to_string(),
            )),
        }
    }
}

fn measures_rsl_7a(view: &View<'_>, out: &mut Vec<Deadline>) {
    let Some(rule) = crate::meta::version_on(rsl::STILLINGTAGEN_FOER_OPHOER, view.as_of) else {
        return;
    };
    for m in &view.facts.measures {
        let Some(planned_end) = m.planned_end else { continue };
        let due = rule.value.before(planned_end);
        if m.end.is_some_and(|e| e < due) || due < m.start {
            continue;
        }
        let after_start = |d: NaiveDate| d >= m.start && d <= planned_end;
        let f = &view.facts;
        let decided = f
            .decisions
            .iter()
            .map(|d| d.at)
            .chain(f.measures.iter().filter(|o| o.id != m.id).map(|o| o.start))
            .chain(f.team_submissions.iter().map(|s| s.at))
            .chain(f.recommendations.iter().map(|r| r.at))
            .chain(f.judgements.iter().map(|j| j.at))
            .filter(|d| after_start(*d))
            .min();
        out.push(deadline(
            &rule.meta,
            due,
            state(view.as_of, due, decided),
            format!("Indsatsen {} slutter {planned_end}; tag senest {due} stilling til, om der er behov for yderligere indsatser.", m.id),
        ));
    }
}

fn conversations(view: &View<'_>, out: &mut Vec<Deadline>) {
    let running = view.current_support();
    let rf_running = view
        .facts
        .measures
        .iter()
        .filter(|m| m.kind == crate::facts::MeasureKind::Ressourceforloeb && m.end.is_none())
        .map(|m| m.start)
        .max();
    let mut check = |rule: &'static [Dated<Span>], since: NaiveDate, what: &str| {
        let Some(rule) = crate::meta::version_on(rule, view.as_of) else { return };
        let last = view.facts.conversations.iter().filter(|c| c.at >= since).map(|c| c.at).max().unwrap_or(since);
        let due = rule.value.after(last);
        let st = if view.as_of > due { DeadlineState::Overskredet } else { DeadlineState::Aaben };
        out.push(deadline(
            &rule.meta,
            due,
            st,
            format!("Næste samtale ({what}) senest {due}; seneste samtale eller start {last}."),
        ));
    };
    for (ydelse, start) in &running {
        match ydelse {
            Ydelse::KontanthjaelpAktivitetsparat => {
                check(kf::KONTANTHJAELP_INTERVAL, *start, "aktivitetsparat kontanthjælp, mindst 4 om året")
            }
            Ydelse::Sygedagpenge => check(kf::SYGEDAGPENGE_INTERVAL, *start, "sygedagpenge, hver 4. uge"),
            _ => {}
        }
    }
    let rf_support = running.iter().filter(|(y, _)| *y == Ydelse::Ressourceforloebsydelse).map(|(_, s)| *s).max();
    if let Some(since) = rf_running.or(rf_support) {
        check(kf::RESSOURCEFORLOEB_INTERVAL, since, "ressourceforløb, 6 inden for 12 måneder");
    }
}
