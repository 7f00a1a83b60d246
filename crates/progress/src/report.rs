//! The review as a report a leader can act on: a summary with counts and the worst cases first,
//! as Markdown, as self-contained HTML, and every case as CSV.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::review::CaseReview;
use crate::rules;
use crate::settings::Settings;

/// The counts at the top of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The as-of date of the review.
    pub as_of: NaiveDate,
    /// Cases reviewed.
    pub cases: usize,
    /// Cases with a decision.
    pub decided: usize,
    /// Cases where the decision could have come earlier (days lost above the setting).
    pub could_be_earlier: usize,
    /// Days lost, summed over those cases.
    pub days_lost_total: i64,
    /// Median days lost among decided cases with an earliest sufficient date.
    pub days_lost_median: Option<i64>,
    /// Cases where another decision was possible on the decision date.
    pub other_decision_possible: usize,
    /// Decided cases whose newest health evidence was older than the limit at the decision.
    pub stale_evidence: usize,
    /// Cases with more handovers than the limit.
    pub many_handovers: usize,
    /// Cases with more writers than the limit.
    pub many_writers: usize,
    /// Cases per auditor category (rule id → count).
    pub categories: BTreeMap<&'static str, usize>,
    /// Findings per rule id.
    pub findings_by_rule: BTreeMap<&'static str, usize>,
}

/// The counts of a review.
pub fn summary(reviews: &[CaseReview], as_of: NaiveDate, settings: &Settings) -> Summary {
    let has = |r: &CaseReview, rule: &str| r.findings.iter().any(|f| f.rule == rule);
    let mut lost: Vec<i64> = reviews.iter().filter_map(|r| r.days_lost).collect();
    lost.sort_unstable();
    let earlier: Vec<&CaseReview> =
        reviews.iter().filter(|r| r.days_lost.is_some_and(|d| d > settings.review_days_lost_min)).collect();
    let mut categories = BTreeMap::new();
    let mut findings_by_rule = BTreeMap::new();
    for r in reviews {
        for c in &r.categories {
            *categories.entry(*c).or_insert(0) += 1;
        }
        for f in &r.findings {
            *findings_by_rule.entry(f.rule).or_insert(0) += 1;
        }
    }
    let limit = i64::from(settings.health_evidence_max_months) * 365 / 12;
    Summary {
        as_of,
        cases: reviews.len(),
        decided: reviews.iter().filter(|r| r.decided.is_some()).count(),
        could_be_earlier: earlier.len(),
        days_lost_total: earlier.iter().filter_map(|r| r.days_lost).sum(),
        days_lost_median: (!lost.is_empty()).then(|| lost[lost.len() / 2]),
        other_decision_possible: reviews.iter().filter(|r| has(r, rules::ANDEN_AFGOERELSE.id)).count(),
        stale_evidence: reviews
            .iter()
            .filter(|r| r.decided.is_some() && r.evidence_age_days.is_some_and(|a| a > limit))
            .count(),
        many_handovers: reviews.iter().filter(|r| r.handovers > settings.handovers_max).count(),
        many_writers: reviews.iter().filter(|r| r.writers_2y > settings.writers_max).count(),
        categories,
        findings_by_rule,
    }
}

/// The reviews, worst first: most days lost (none last), then most findings, then case id.
pub fn worst_first(reviews: &[CaseReview]) -> Vec<&CaseReview> {
    let mut sorted: Vec<&CaseReview> = reviews.iter().collect();
    sorted.sort_by(|a, b| {
        b.days_lost
            .unwrap_or(i64::MIN)
            .cmp(&a.days_lost.unwrap_or(i64::MIN))
            .then_with(|| b.findings.len().cmp(&a.findings.len()))
            .then_with(|| a.case.cmp(&b.case))
    });
    sorted
}

/// The link to a case in the web application.
pub fn case_link(case: &str) -> String {
    format!("/sager/{case}")
}

fn opt<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.to_string())
}

fn category_da(rule: &str) -> &'static str {
    match rule {
        r if r == rules::KAT_1.id => "1. Indstillet til førtidspension, men afslag",
        r if r == rules::KAT_2A.id => "2.a To ressourceforløb i træk, borger over 40 år",
        r if r == rules::KAT_2B.id => "2.b Klage over bevilget ressourceforløb",
        r if r == rules::KAT_2C.id => "2.c Kontanthjælp efter ressourceforløb",
        r if r == rules::KAT_3.id => "3. Udsat af rehabiliteringsteamet",
        r if r == rules::KAT_4.id => "4. Førtidspension eller fleksjob bevilget",
        _ => "Anden",
    }
}

fn key_figures(s: &Summary, settings: &Settings) -> Vec<(String, String)> {
    vec![
        ("Sager gennemgået".into(), s.cases.to_string()),
        ("Sager med afgørelse".into(), s.decided.to_string()),
        (
            format!("Afgørelsen kunne være truffet tidligere (over {} dage)", settings.review_days_lost_min),
            s.could_be_earlier.to_string(),
        ),
        ("Dage tabt i alt i disse sager".into(), s.days_lost_total.to_string()),
        ("Dage tabt, median".into(), opt(s.days_lost_median)),
        ("En anden afgørelse kunne være truffet".into(), s.other_decision_possible.to_string()),
        (
            format!("Helbredsoplysninger ældre end {} måneder ved afgørelsen", settings.health_evidence_max_months),
            s.stale_evidence.to_string(),
        ),
        (format!("Over {} sagsbehandlerskift på 2 år", settings.handovers_max), s.many_handovers.to_string()),
        (format!("Over {} personer skrev i sagen på 2 år", settings.writers_max), s.many_writers.to_string()),
    ]
}

/// The summary report in Markdown: key figures, the auditor's categories, the worst `top` cases
/// (each linked to `/sager/<case>`) and their findings.
pub fn markdown(reviews: &[CaseReview], as_of: NaiveDate, settings: &Settings, top: usize) -> String {
    let s = summary(reviews, as_of, settings);
    let mut out = String::new();
    let _ = writeln!(out, "# Sagsgennemgang pr. {as_of}\n");
    let _ = writeln!(out, "| Nøgletal | Antal |\n|---|---:|");
    for (label, value) in key_figures(&s, settings) {
        let _ = writeln!(out, "| {label} | {value} |");
    }
    let _ = writeln!(out, "\n## Sagskategorier (revisorens tabel 8.1)\n\n| Kategori | Sager |\n|---|---:|");
    for (rule, n) in &s.categories {
        let _ = writeln!(out, "| {} | {n} |", category_da(rule));
    }
    let _ = writeln!(out, "\n## De {} værste sager\n", top.min(reviews.len()));
    let _ = writeln!(
        out,
        "| Sag | Afgørelse | Dato | Tilstrækkeligt oplyst | Dage tabt | Helbredsoplysningers alder (dage) | Skift | Skrivere (2 år) | Fund |\n|---|---|---|---|---:|---:|---:|---:|---:|"
    );
    let worst = worst_first(reviews);
    for r in worst.iter().take(top) {
        let _ = writeln!(
            out,
            "| [{}]({}) | {} | {} | {} | {} | {} | {} | {} | {} |",
            md_escape(&r.case),
            case_link(&r.case),
            opt(r.decision),
            opt(r.decided),
            opt(r.earliest_sufficient),
            opt(r.days_lost),
            opt(r.evidence_age_days),
            r.handovers,
            r.writers_2y,
            r.findings.len()
        );
    }
    let _ = writeln!(out, "\n## Fund i de værste sager\n");
    for r in worst.iter().take(top).filter(|r| r.has_findings()) {
        let _ = writeln!(out, "### [{}]({})\n", md_escape(&r.case), case_link(&r.case));
        for f in &r.findings {
            let _ = writeln!(out, "- {} ({}; `{}`)", md_escape(&f.text), md_escape(f.basis), f.rule);
        }
        out.push('\n');
    }
    out
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn html_escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// The summary report as one self-contained HTML page (inline style, no scripts, no external files).
pub fn html(reviews: &[CaseReview], as_of: NaiveDate, settings: &Settings, top: usize) -> String {
    let s = summary(reviews, as_of, settings);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sagsgennemgang pr. {as_of}</title>\n<style>\nbody{{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1b1b}}\ntable{{border-collapse:collapse;margin:1rem 0}}\nth,td{{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}}\ntd.n{{text-align:right}}\nth{{background:#f0f0f0}}\n.lost{{color:#a00;font-weight:bold}}\n</style>\n</head>\n<body>\n<h1>Sagsgennemgang pr. {as_of}</h1>\n<table>\n<tr><th>Nøgletal</th><th>Antal</th></tr>\n"
    );
    for (label, value) in key_figures(&s, settings) {
        let _ = writeln!(out, "<tr><td>{}</td><td class=\"n\">{}</td></tr>", html_escape(&label), html_escape(&value));
    }
    let _ = writeln!(
        out,
        "</table>\n<h2>Sagskategorier (revisorens tabel 8.1)</h2>\n<table>\n<tr><th>Kategori</th><th>Sager</th></tr>"
    );
    for (rule, n) in &s.categories {
        let _ = writeln!(out, "<tr><td>{}</td><td class=\"n\">{n}</td></tr>", html_escape(category_da(rule)));
    }
    let _ = writeln!(
        out,
        "</table>\n<h2>De {} værste sager</h2>\n<table>\n<tr><th>Sag</th><th>Afgørelse</th><th>Dato</th><th>Tilstrækkeligt oplyst</th><th>Dage tabt</th><th>Helbredsoplysningers alder (dage)</th><th>Skift</th><th>Skrivere (2 år)</th><th>Fund</th></tr>",
        top.min(reviews.len())
    );
    let worst = worst_first(reviews);
    for r in worst.iter().take(top) {
        let lost_class = if r.days_lost.is_some_and(|d| d > settings.review_days_lost_min) { "n lost" } else { "n" };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"{lost_class}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            html_escape(&case_link(&r.case)),
            html_escape(&r.case),
            opt(r.decision),
            opt(r.decided),
            opt(r.earliest_sufficient),
            opt(r.days_lost),
            opt(r.evidence_age_days),
            r.handovers,
            r.writers_2y,
            r.findings.len()
        );
    }
    let _ = writeln!(out, "</table>\n<h2>Fund i de værste sager</h2>");
    for r in worst.iter().take(top).filter(|r| r.has_findings()) {
        let _ = writeln!(
            out,
            "<h3><a href=\"{}\">{}</a></h3>\n<ul>",
            html_escape(&case_link(&r.case)),
            html_escape(&r.case)
        );
        for f in &r.findings {
            let _ = writeln!(
                out,
                "<li>{} <small>({}; <code>{}</code>)</small></li>",
                html_escape(&f.text),
                html_escape(f.basis),
                html_escape(f.rule)
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Every case as CSV (RFC 4180 quoting), one row per case in input order; finding rule ids and
/// categories are joined with `;`.
pub fn csv(reviews: &[CaseReview]) -> String {
    let mut out = String::from(
        "case,decision,decided,earliest_sufficient,days_lost,evidence_age_days,handovers,writers_2y,findings,finding_rules,categories,caseworker,unit,link\n",
    );
    let field = |v: &str| {
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_string()
        }
    };
    let o = |v: Option<String>| v.unwrap_or_default();
    for r in reviews {
        let rules: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
        let row = [
            r.case.clone(),
            o(r.decision.map(str::to_string)),
            o(r.decided.map(|d| d.to_string())),
            o(r.earliest_sufficient.map(|d| d.to_string())),
            o(r.days_lost.map(|d| d.to_string())),
            o(r.evidence_age_days.map(|d| d.to_string())),
            r.handovers.to_string(),
            r.writers_2y.to_string(),
            r.findings.len().to_string(),
            rules.join(";"),
            r.categories.join(";"),
            o(r.caseworker.clone()),
            o(r.unit.clone()),
            case_link(&r.case),
        ];
        let line: Vec<String> = row.iter().map(|v| field(v)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
