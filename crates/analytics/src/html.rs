//! The self-contained HTML analyst report: indicator tables, a time series, flows out of ressourceforløb and the benchmark, as one page.
//!
//! [`html_report`] is a pure function from values to a string: inline CSS and inline SVG
//! (from [`crate::svg`]), no scripts, no external references, nothing fetched when the
//! page is opened, so the file can be mailed or archived as it is. The text is Danish.
//!
//! The page is an analyst view, so it shows aggregates only and applies small-cell
//! suppression itself ([`crate::indicators::suppress_small_cells`], threshold
//! [`crate::suppress::MIN_CELL_COUNT`]) to whatever it is given: a report computed with
//! suppression comes out unchanged, one computed without it is suppressed here. A count
//! hidden because it is from 1 to 4 is shown as "<5"; anything else hidden (a rate or
//! mean resting on such a count, or a cell hidden beside one in a distribution so it
//! cannot be recovered from the total) as "skjult". The threshold is stated on the page.
//! Scopes are municipalities and units; no case id, name or date of birth appears.

use crate::benchmark::Benchmark;
use crate::indicators::{suppress_small_cells, AgeGroup, Indicator, IndicatorReport, Metric, Scope};
use crate::suppress;
use crate::svg::{self, escape, Bar, BarChart, FlowChart, FlowStage, Series, TimeSeriesChart};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Renders the report for `report`'s year, with the inflow to foertidspension over the
/// years in `years` (one report per year, any order; may be empty) and, when given, the
/// benchmark of actual against expected awards.
pub fn html_report(report: &IndicatorReport, benchmark: Option<&Benchmark>, years: &[IndicatorReport]) -> String {
    let view = View::of(&report.indicators);
    let scopes = view.scopes();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Indikatorrapport {year}</title><style>{CSS}</style></head><body><main>",
        year = report.year
    );
    let _ = write!(
        out,
        "<h1>Indikatorrapport {year}</h1><p class=\"lead\">Førtidspension, fleksjob og ressourceforløb: nøgletal med tæller og nævner, opgjort pr. {as_of} ud fra sagsjournalerne og befolkningstabellen. Aldersgruppe 16-66 år, hvor intet andet står.</p>",
        year = report.year,
        as_of = report.as_of.format("%d.%m.%Y"),
    );
    let _ = write!(
        out,
        "<aside class=\"rule\"><strong>Diskretion: tal under {min} vises ikke.</strong> Rapporten viser kun sammentalte tal, aldrig enkelte sager eller personer. En optælling fra 1 til {max} vises som «&lt;{min}»; en andel, et gennemsnit eller en nævner, der bygger på en sådan optælling, og en celle, der er skjult sammen med en lille celle i samme fordeling (så den ikke kan regnes ud fra totalen), vises som «skjult». 0 vises. Grænsen er {min} personer.</aside>",
        min = suppress::MIN_CELL_COUNT,
        max = suppress::MIN_CELL_COUNT - 1.0,
    );

    out.push_str("<h2>Tilgang pr. 10.000 indbyggere</h2>");
    for metric in [Metric::TilgangFoertidspension, Metric::TilgangFleksjob, Metric::RehabiliteringsmoederPer10000] {
        rate_by_age_table(&mut out, &view, &scopes, metric);
    }

    time_series_section(&mut out, years, &scopes);
    flow_section(&mut out, &view, &scopes);

    if let Some(benchmark) = benchmark {
        benchmark_section(&mut out, benchmark);
    }

    out.push_str("<h2>Øvrige nøgletal</h2>");
    for metric in [
        Metric::YdelseUgenFoerFoertidspension,
        Metric::StatusEfterRessourceforloeb3Maaneder,
        Metric::RessourceforloebVarighedFordeling,
        Metric::TilkendelserEfterDiagnosegruppe,
        Metric::TilkendelserEfterDiagnosegruppePer10000,
        Metric::AnkestyrelsenResultater,
        Metric::Omgoerelsesprocent,
        Metric::UgerFraForberedelseTilAfgoerelse,
    ] {
        category_table(&mut out, &view, &scopes, metric, AgeGroup::From16To66);
    }
    for metric in [Metric::RessourceforloebVarighedUger, Metric::SagerPerSagsbehandler] {
        scalar_table(&mut out, &view, &scopes, metric);
    }

    if !report.notes.is_empty() {
        out.push_str("<h2>Noter fra beregningen</h2><ul class=\"notes\">");
        for note in &report.notes {
            let _ = write!(out, "<li>{}</li>", escape(note));
        }
        out.push_str("</ul>");
    }
    out.push_str("<footer>Fremstillet af afklaring. Figurer og typografi er indlejret i filen; siden henter intet udefra og indeholder ingen personoplysninger.</footer></main></body></html>\n");
    out
}

const CSS: &str = "body{margin:0;background:#f4f5f7;color:#1b1b1b;font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif}\
main{max-width:1080px;margin:0 auto;padding:24px 32px 48px;background:#fff}\
h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 8px;border-bottom:2px solid #1f3a68;padding-bottom:4px}\
h3{font-size:16px;margin:22px 0 6px}.lead{color:#444;margin-top:0}\
.rule{border-left:5px solid #c8102e;background:#fbeef0;padding:10px 14px;margin:16px 0}\
table{border-collapse:collapse;margin:6px 0 14px;font-size:13px;font-variant-numeric:tabular-nums}\
th,td{border-bottom:1px solid #e2e2e2;padding:4px 8px;text-align:right;vertical-align:top}\
th{background:#eef1f6;font-weight:600}th:first-child,td:first-child{text-align:left}\
td small{display:block;color:#666;font-size:11px}.hidden{color:#8a8a8a;font-style:italic}\
.wrap{overflow-x:auto}svg{max-width:100%;height:auto;display:block;margin:8px 0}\
.explain{color:#444;font-size:13px;margin:4px 0 10px}.notes{font-size:13px;color:#444}\
footer{margin-top:40px;font-size:12px;color:#666;border-top:1px solid #ddd;padding-top:8px}";

/// How one count (numerator or denominator) may be shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shown {
    Value(f64),
    /// Hidden because it is a count from 1 to 4.
    Under,
    /// Hidden for another reason.
    Hidden,
}

/// One indicator as the page shows it.
#[derive(Debug, Clone, Copy)]
struct Cell {
    numerator: Shown,
    denominator: Shown,
    value: Option<f64>,
    /// For a distribution, its total (the shared denominator) when it may be shown even
    /// though this cell is hidden: at least 5 or 0, and the input was not suppressed before.
    total: Option<f64>,
}

type Key = (Metric, Scope, AgeGroup, Option<String>);

/// The indicators after suppression, by key.
struct View {
    cells: BTreeMap<Key, Cell>,
}

impl View {
    fn of(indicators: &[Indicator]) -> Self {
        let mut shown = indicators.to_vec();
        suppress_small_cells(&mut shown);
        let cells = indicators
            .iter()
            .zip(shown)
            .map(|(raw, shown)| {
                let small = |count: Option<f64>| !raw.suppressed && count.is_some_and(suppress::is_suppressed);
                // A distribution's total may be shown when it is not small: at least two of
                // its cells are hidden (secondary suppression), so none can be recovered.
                let total = raw
                    .denominator
                    .filter(|d| raw.metric.is_distribution() && !raw.suppressed && !suppress::is_suppressed(*d));
                let cell = if shown.suppressed {
                    Cell {
                        // The numerator of a mean is a sum of weeks, not a count of people.
                        numerator: if !raw.metric.is_mean() && small(raw.numerator) {
                            Shown::Under
                        } else {
                            Shown::Hidden
                        },
                        denominator: if small(raw.denominator) { Shown::Under } else { Shown::Hidden },
                        value: None,
                        total,
                    }
                } else {
                    Cell {
                        numerator: shown.numerator.map_or(Shown::Hidden, Shown::Value),
                        denominator: shown.denominator.map_or(Shown::Hidden, Shown::Value),
                        value: shown.value,
                        total,
                    }
                };
                ((raw.metric, raw.scope.clone(), raw.age_group, raw.category.clone()), cell)
            })
            .collect();
        Self { cells }
    }

    fn get(&self, metric: Metric, scope: &Scope, age: AgeGroup, category: Option<&str>) -> Option<&Cell> {
        self.cells.get(&(metric, scope.clone(), age, category.map(str::to_string)))
    }

    /// Country and municipalities; units only when the report holds nothing else.
    fn scopes(&self) -> Vec<Scope> {
        let all: BTreeSet<&Scope> = self.cells.keys().map(|k| &k.1).collect();
        let wide: Vec<Scope> = all.iter().filter(|s| !matches!(s, Scope::Unit(_))).map(|s| (*s).clone()).collect();
        if wide.is_empty() {
            all.into_iter().cloned().collect()
        } else {
            wide
        }
    }

    /// The categories of a metric in display order.
    fn categories(&self, metric: Metric, age: AgeGroup) -> Vec<String> {
        let mut found: Vec<String> = self
            .cells
            .keys()
            .filter(|k| k.0 == metric && k.2 == age)
            .filter_map(|k| k.3.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        found.sort_by_key(|c| (category_rank(c), c.clone()));
        found
    }
}

/// "Kolding (621)" for a kommunekode, "Kommune X" for anything else.
fn municipality_label(code: &str) -> String {
    journal::Kommunekode::parse(code).map_or_else(|| format!("Kommune {code}"), |k| k.label_da())
}

fn scope_label(scope: &Scope) -> String {
    match scope {
        Scope::Country => "Alle kommuner".to_string(),
        Scope::Municipality(m) => municipality_label(m),
        Scope::Unit(u) => format!("Enhed {u}"),
    }
}

fn age_label(age: AgeGroup) -> String {
    let (from, to) = age.range();
    format!("{from}-{to} år")
}

/// Danish text for a category key.
fn category_label(key: &str) -> String {
    let label = match key {
        "ressourceforloeb" => "Ressourceforløb",
        "kontanthjaelp_aktpar" => "Kontanthjælp, aktivitetsparat",
        "sygedagpenge_jobafklaring" => "Sygedagpenge, jobafklaring",
        "fleksjob_inkl_ledighedsydelse" => "Fleksjob inkl. ledighedsydelse",
        "selvforsoergende" => "Selvforsørgende",
        "oevrige" => "Øvrige",
        "beskaeftigelse" => "Beskæftigelse",
        "uddannelse" => "Uddannelse",
        "kontanthjaelp" => "Kontanthjælp",
        "fleksjobvisiteret" => "Fleksjob/ledighedsydelse",
        "foertidspension" => "Førtidspension",
        "selvforsoergelse" => "Selvforsørgelse",
        "andet" => "Andet",
        "under_1_aar" => "Under 1 år",
        "1_2_aar" => "1-2 år",
        "2_3_aar" => "2-3 år",
        "3_aar_og_over" => "3 år og derover",
        "psykisk" => "Psykisk",
        "bevaegeapparat" => "Bevægeapparatet",
        "kraeft" => "Kræft",
        "neurologisk" => "Neurologisk",
        "hjerte_kar" => "Hjerte-kar",
        "ukendt" => "Ukendt",
        "stadfaestet" => "Stadfæstet",
        "aendret" => "Ændret",
        "hjemvist" => "Hjemvist",
        "afvist" => "Afvist",
        "alle" => "Alle afgørelser",
        "fleksjob" => "Fleksjob",
        other => return other.replace('_', " "),
    };
    label.to_string()
}

/// Display order of categories (unknown keys last, alphabetically).
fn category_rank(key: &str) -> usize {
    const ORDER: [&str; 31] = [
        "alle",
        "foertidspension",
        "fleksjobvisiteret",
        "fleksjob_inkl_ledighedsydelse",
        "fleksjob",
        "ressourceforloeb",
        "kontanthjaelp_aktpar",
        "kontanthjaelp",
        "sygedagpenge_jobafklaring",
        "beskaeftigelse",
        "uddannelse",
        "selvforsoergende",
        "selvforsoergelse",
        "oevrige",
        "under_1_aar",
        "1_2_aar",
        "2_3_aar",
        "3_aar_og_over",
        "psykisk",
        "bevaegeapparat",
        "kraeft",
        "neurologisk",
        "hjerte_kar",
        "stadfaestet",
        "aendret",
        "hjemvist",
        "afvist",
        "andet",
        "ukendt",
        "oevrige_ydelser",
        "",
    ];
    ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len())
}

/// A number with a decimal comma, a thousands point and `decimals` decimals.
fn danish(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

fn shown_text(shown: Shown, decimals: usize) -> String {
    match shown {
        Shown::Value(v) => danish(v, decimals),
        Shown::Under => format!("&lt;{}", suppress::MIN_CELL_COUNT),
        Shown::Hidden => "skjult".to_string(),
    }
}

fn value_text(metric: Metric, value: Option<f64>) -> String {
    match value {
        None => "<span class=\"hidden\">skjult</span>".to_string(),
        Some(v) if metric.per() == 100.0 => format!("{} %", danish(v, 1)),
        Some(v) if metric.per_population() => danish(v, 2),
        Some(v) => danish(v, 1),
    }
}

/// The numerator of a mean is a sum of weeks: shown with one decimal.
fn numerator_decimals(metric: Metric) -> usize {
    usize::from(metric.is_mean())
}

fn class_of(shown: Shown) -> &'static str {
    if matches!(shown, Shown::Value(_)) {
        ""
    } else {
        " class=\"hidden\""
    }
}

fn rate_by_age_table(out: &mut String, view: &View, scopes: &[Scope], metric: Metric) {
    let _ = write!(
        out,
        "<h3>{}</h3><div class=\"wrap\"><table><thead><tr><th rowspan=\"2\">Enhed</th>",
        escape(metric.label())
    );
    for age in AgeGroup::ALL {
        let _ = write!(out, "<th colspan=\"3\">{}</th>", age_label(age));
    }
    out.push_str("</tr><tr>");
    for _ in AgeGroup::ALL {
        out.push_str("<th>Antal</th><th>Indbyggere</th><th>Pr. 10.000</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for scope in scopes {
        let _ = write!(out, "<tr><td>{}</td>", escape(&scope_label(scope)));
        for age in AgeGroup::ALL {
            match view.get(metric, scope, age, None) {
                Some(cell) => {
                    let _ = write!(
                        out,
                        "<td{}>{}</td><td{}>{}</td><td>{}</td>",
                        class_of(cell.numerator),
                        shown_text(cell.numerator, 0),
                        class_of(cell.denominator),
                        shown_text(cell.denominator, 0),
                        value_text(metric, cell.value)
                    );
                }
                None => out.push_str("<td>-</td><td>-</td><td>-</td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn time_series_section(out: &mut String, years: &[IndicatorReport], scopes: &[Scope]) {
    let mut years: Vec<&IndicatorReport> = years.iter().collect();
    years.sort_by_key(|r| r.year);
    years.dedup_by_key(|r| r.year);
    let (Some(first), Some(last)) = (years.first(), years.last()) else { return };
    let metric = Metric::TilgangFoertidspension;
    let views: Vec<View> = years.iter().map(|r| View::of(&r.indicators)).collect();
    let age = AgeGroup::From16To66;
    let _ = write!(out, "<h2>Tilgang til førtidspension {}–{}</h2>", first.year, last.year);
    out.push_str("<p class=\"explain\">Tilkendte førtidspensioner pr. 10.000 indbyggere på 16-66 år, år for år, regnet ud fra de samme sager. Et skjult år giver et hul i linjen.</p>");
    let series: Vec<Series> = scopes
        .iter()
        .enumerate()
        .map(|(i, scope)| Series {
            name: scope_label(scope),
            colour: match scope {
                Scope::Country => "#1b1b1b".to_string(),
                _ => svg::PALETTE[i % svg::PALETTE.len()].to_string(),
            },
            values: views.iter().map(|v| v.get(metric, scope, age, None).and_then(|c| c.value)).collect(),
        })
        .collect();
    let chart = svg::time_series(&TimeSeriesChart {
        title: "Tilkendte førtidspensioner pr. 10.000 indbyggere, 16-66 år".into(),
        unit: "Pr. 10.000 indbyggere; tilkendelser dateret i året".into(),
        periods: years.iter().map(|r| r.year.to_string()).collect(),
        series,
    });
    push_svg(out, &chart);
    out.push_str("<div class=\"wrap\"><table><thead><tr><th>Enhed</th>");
    for report in &years {
        let _ = write!(out, "<th>{}</th>", report.year);
    }
    out.push_str("</tr></thead><tbody>");
    for scope in scopes {
        let _ = write!(out, "<tr><td>{}</td>", escape(&scope_label(scope)));
        for view in &views {
            match view.get(metric, scope, age, None) {
                Some(cell) => {
                    let _ = write!(
                        out,
                        "<td>{}<small>{} / {}</small></td>",
                        value_text(metric, cell.value),
                        shown_text(cell.numerator, 0),
                        shown_text(cell.denominator, 0)
                    );
                }
                None => out.push_str("<td>-</td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div><p class=\"explain\">Under hver rate: antal tilkendelser / indbyggere.</p>");
}

const FLOW_ORDER: [&str; 8] = [
    "foertidspension",
    "fleksjobvisiteret",
    "ressourceforloeb",
    "kontanthjaelp",
    "beskaeftigelse",
    "uddannelse",
    "selvforsoergelse",
    "andet",
];

/// The total of a distribution cell group (the shared denominator), as shown.
fn distribution_total(view: &View, metric: Metric, scope: &Scope, age: AgeGroup) -> Shown {
    let cells: Vec<&Cell> =
        view.cells.iter().filter(|(k, _)| k.0 == metric && &k.1 == scope && k.2 == age).map(|(_, c)| c).collect();
    if let Some(total) = cells.iter().find_map(|c| match c.denominator {
        Shown::Value(v) => Some(v),
        _ => c.total,
    }) {
        return Shown::Value(total);
    }
    if cells.iter().any(|c| c.denominator == Shown::Under) {
        Shown::Under
    } else if cells.is_empty() {
        Shown::Value(0.0)
    } else {
        Shown::Hidden
    }
}

/// One stacked bar: the shown categories, then the hidden ones together as one grey part
/// (the total less the shown parts), so the shown parts keep their true share of the total.
/// `None` when the total cannot be shown.
fn flow_stage(view: &View, metric: Metric, scope: &Scope, label: &str) -> Option<FlowStage> {
    let age = AgeGroup::From16To66;
    let Shown::Value(total) = distribution_total(view, metric, scope, age) else { return None };
    if total <= 0.0 {
        return None;
    }
    let mut parts: Vec<Option<f64>> = FLOW_ORDER
        .iter()
        .map(|c| match view.get(metric, scope, age, Some(c)).map(|cell| cell.numerator) {
            Some(Shown::Value(v)) => Some(v),
            _ => Some(0.0),
        })
        .collect();
    let shown: f64 = parts.iter().flatten().sum();
    parts.push(Some((total - shown).max(0.0)));
    Some(FlowStage { label: format!("{label} (n={})", danish(total, 0)), parts })
}

fn flow_section(out: &mut String, view: &View, scopes: &[Scope]) {
    let one = Metric::StatusEfterRessourceforloeb1Maaned;
    let six = Metric::StatusEfterRessourceforloeb6Maaneder;
    out.push_str("<h2>Hvor går borgerne hen efter et ressourceforløb?</h2><p class=\"explain\">Status 1 og 6 måneder efter, at et ressourceforløb er afsluttet i året (ressourceforløb afsluttet så sent, at status endnu ikke kan ses, er udeladt). Søjlerne er andele af alle forløbene; grupper under 5 (og den næstmindste ved siden af en sådan) er samlet i den grå del.</p>");
    let mut categories: Vec<(String, String)> = FLOW_ORDER
        .iter()
        .enumerate()
        .map(|(i, c)| (category_label(c), svg::PALETTE[i % svg::PALETTE.len()].to_string()))
        .collect();
    categories.push(("Små grupper (skjult)".into(), "#d9d9d9".into()));
    let Some(main) = scopes.first() else { return };
    let stages: Vec<FlowStage> = [(one, "Efter 1 måned"), (six, "Efter 6 måneder")]
        .iter()
        .filter_map(|(m, l)| flow_stage(view, *m, main, l))
        .collect();
    if stages.is_empty() {
        out.push_str("<p class=\"explain\">For få afsluttede ressourceforløb til at vise en figur.</p>");
    } else {
        let chart = svg::flow_chart(&FlowChart {
            title: format!("Status efter afsluttet ressourceforløb, {}", scope_label(main).to_lowercase()),
            categories: categories.clone(),
            stages,
        });
        push_svg(out, &chart);
    }
    if scopes.len() > 1 {
        let (stages, left_out): (Vec<_>, Vec<_>) =
            scopes.iter().map(|s| (s, flow_stage(view, six, s, &scope_label(s)))).partition(|(_, stage)| {
                // A bar that would be all grey tells nothing: list it instead.
                stage.as_ref().is_some_and(|st| st.parts.iter().take(FLOW_ORDER.len()).flatten().any(|v| *v > 0.0))
            });
        if !stages.is_empty() {
            let chart = svg::flow_chart(&FlowChart {
                title: "Status 6 måneder efter afsluttet ressourceforløb, pr. enhed".into(),
                categories,
                stages: stages.into_iter().filter_map(|(_, stage)| stage).collect(),
            });
            push_svg(out, &chart);
        }
        if !left_out.is_empty() {
            let names: Vec<String> = left_out.iter().map(|(s, _)| scope_label(s)).collect();
            let _ = write!(
                out,
                "<p class=\"explain\">Uden søjle (for få forløb til at vise en fordeling): {}.</p>",
                escape(&names.join(", "))
            );
        }
    }
    for metric in [one, six] {
        category_table(out, view, scopes, metric, AgeGroup::From16To66);
    }
}

fn category_table(out: &mut String, view: &View, scopes: &[Scope], metric: Metric, age: AgeGroup) {
    let categories = view.categories(metric, age);
    let _ = write!(out, "<h3>{}</h3>", escape(metric.label()));
    if categories.is_empty() {
        out.push_str("<p class=\"explain\">Ingen tilfælde i året.</p>");
        return;
    }
    out.push_str("<div class=\"wrap\"><table><thead><tr><th>Enhed</th>");
    let shared_total = metric.is_distribution();
    if shared_total {
        out.push_str("<th>I alt</th>");
    }
    for category in &categories {
        let _ = write!(out, "<th>{}</th>", escape(&category_label(category)));
    }
    out.push_str("</tr></thead><tbody>");
    let decimals = numerator_decimals(metric);
    for scope in scopes {
        let _ = write!(out, "<tr><td>{}</td>", escape(&scope_label(scope)));
        if shared_total {
            let total = distribution_total(view, metric, scope, age);
            let _ = write!(out, "<td{}>{}</td>", class_of(total), shown_text(total, 0));
        }
        for category in &categories {
            match view.get(metric, scope, age, Some(category)) {
                Some(cell) if shared_total => {
                    let _ = write!(
                        out,
                        "<td>{}<small>{}</small></td>",
                        value_text(metric, cell.value),
                        shown_text(cell.numerator, decimals)
                    );
                }
                Some(cell) => {
                    let _ = write!(
                        out,
                        "<td>{}<small>{} / {}</small></td>",
                        value_text(metric, cell.value),
                        shown_text(cell.numerator, decimals),
                        shown_text(cell.denominator, 0)
                    );
                }
                None => out.push_str("<td>-</td>"),
            }
        }
        out.push_str("</tr>");
    }
    let how = if shared_total {
        "I hver celle: værdien og under den antallet; «I alt» er nævneren; «-»: ingen."
    } else if metric.is_mean() {
        "I hver celle: gennemsnittet og under det summen af uger / antal afgørelser; «-»: ingen."
    } else {
        "I hver celle: værdien og under den tæller / nævner; «-»: ingen."
    };
    let _ = write!(out, "</tbody></table></div><p class=\"explain\">{how} {}.</p>", age_label(age));
}

fn scalar_table(out: &mut String, view: &View, scopes: &[Scope], metric: Metric) {
    let age = AgeGroup::From16To66;
    let (num, den) = match metric {
        Metric::SagerPerSagsbehandler => ("Åbne sager", "Sagsbehandlere"),
        Metric::RessourceforloebVarighedUger => ("Uger i alt", "Afsluttede forløb"),
        _ => ("Tæller", "Nævner"),
    };
    let _ = write!(
        out,
        "<h3>{}</h3><div class=\"wrap\"><table><thead><tr><th>Enhed</th><th>{num}</th><th>{den}</th><th>Værdi</th></tr></thead><tbody>",
        escape(metric.label())
    );
    for scope in scopes {
        let Some(cell) = view.get(metric, scope, age, None) else { continue };
        let _ = write!(
            out,
            "<tr><td>{}</td><td{}>{}</td><td{}>{}</td><td>{}</td></tr>",
            escape(&scope_label(scope)),
            class_of(cell.numerator),
            shown_text(cell.numerator, numerator_decimals(metric)),
            class_of(cell.denominator),
            shown_text(cell.denominator, 0),
            value_text(metric, cell.value)
        );
    }
    out.push_str("</tbody></table></div>");
}

fn benchmark_section(out: &mut String, benchmark: &Benchmark) {
    let _ = write!(
        out,
        "<h2>Faktiske mod forventede tilkendelser {}</h2><p class=\"explain\">Hver kommunes faktiske antal tilkendelser i forhold til det antal, borgernes sammensætning (alder, køn, forsørgelse og diagnosegruppe) lader forvente, med 95 %-interval, som AKF (2009): en logistisk model over alle kommuners borgere; det forventede antal er summen af borgernes forudsagte sandsynligheder. Et forhold over 1 betyder flere tilkendelser end forventet. Kommuner med for få borgere til at blive bedømt er markeret; forhold, der bygger på færre end {} tilkendelser, er skjult.</p>",
        benchmark.year,
        suppress::MIN_CELL_COUNT
    );
    let hidden = |actual: u64| suppress::is_suppressed(actual as f64);
    let chart = svg::bar_chart(&BarChart {
        title: format!("Faktiske i forhold til forventede tilkendelser, {}", benchmark.year),
        unit: "Faktisk / forventet med 95 %-interval; 1 = som forventet".into(),
        bars: benchmark
            .municipalities
            .iter()
            .map(|row| {
                let hide = hidden(row.actual);
                Bar {
                    label: if row.small {
                        format!("{} (få borgere)", municipality_label(&row.municipality))
                    } else {
                        municipality_label(&row.municipality)
                    },
                    value: if hide { None } else { row.ratio },
                    low: if hide { None } else { row.ci_low },
                    high: if hide { None } else { row.ci_high },
                    highlight: false,
                }
            })
            .collect(),
        reference: Some((1.0, "forventet".into())),
    });
    push_svg(out, &chart);
    out.push_str("<div class=\"wrap\"><table><thead><tr><th>Kommune</th><th>Faktisk</th><th>Forventet</th><th>Forhold</th><th>95 %-interval</th><th>Rang</th><th>Kvintil</th><th>Bemærkning</th></tr></thead><tbody>");
    let ratio = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| danish(v, 2));
    for row in &benchmark.municipalities {
        let hide = hidden(row.actual);
        let actual = if hide { Shown::Under } else { Shown::Value(row.actual as f64) };
        let (shown_ratio, interval) = if hide {
            ("<span class=\"hidden\">skjult</span>".to_string(), "<span class=\"hidden\">skjult</span>".to_string())
        } else {
            (ratio(row.ratio), format!("{} - {}", ratio(row.ci_low), ratio(row.ci_high)))
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td{}>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&municipality_label(&row.municipality)),
            class_of(actual),
            shown_text(actual, 0),
            danish(row.expected, 1),
            shown_ratio,
            interval,
            if hide { "<span class=\"hidden\">skjult</span>".to_string() } else { row.rank.to_string() },
            if hide { "<span class=\"hidden\">skjult</span>".to_string() } else { row.quintile.to_string() },
            if row.small { "for få borgere til at bedømme" } else { "" }
        );
    }
    out.push_str("</tbody></table></div>");
}

/// Inline SVG in HTML needs no namespace declaration; leaving it out keeps the page free
/// of anything that looks like an external reference.
fn push_svg(out: &mut String, svg: &str) {
    out.push_str(&svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn indicator(metric: Metric, scope: Scope, category: Option<&str>, num: f64, den: f64) -> Indicator {
        Indicator {
            metric,
            label: metric.label(),
            scope,
            age_group: AgeGroup::From16To66,
            category: category.map(str::to_string),
            numerator: Some(num),
            denominator: Some(den),
            per: metric.per(),
            value: (den > 0.0).then(|| num / den * metric.per()),
            suppressed: false,
        }
    }

    fn report(year: i32, pension_awards_in_101: f64) -> IndicatorReport {
        let status = Metric::StatusEfterRessourceforloeb1Maaned;
        let country = Scope::Country;
        let m101 = Scope::Municipality("101".into());
        IndicatorReport {
            year,
            as_of: NaiveDate::from_ymd_opt(2019, 6, 30).expect("date"),
            indicators: vec![
                indicator(Metric::TilgangFoertidspension, country.clone(), None, 147.0, 250_000.0),
                indicator(Metric::TilgangFoertidspension, m101.clone(), None, pension_awards_in_101, 41_234.0),
                indicator(status, country.clone(), Some("foertidspension"), 30.0, 60.0),
                indicator(status, country.clone(), Some("fleksjobvisiteret"), 20.0, 60.0),
                indicator(status, country, Some("kontanthjaelp"), 10.0, 60.0),
                indicator(status, m101.clone(), Some("foertidspension"), 12.0, 18.0),
                indicator(status, m101, Some("kontanthjaelp"), 6.0, 18.0),
            ],
            notes: Vec::new(),
        }
    }

    #[test]
    fn the_report_is_self_contained_with_inline_svg_and_no_external_references() {
        let html = html_report(&report(2018, 9.0), None, &[report(2017, 8.0), report(2018, 9.0)]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<svg"));
        assert!(html.contains("<style>"));
        for forbidden in ["http", "src=", "<script", "<link", "url(", "@import"] {
            assert!(!html.contains(forbidden), "the page contains {forbidden}");
        }
    }

    #[test]
    fn a_count_of_three_is_shown_as_under_five_and_its_rate_as_hidden() {
        let html = html_report(&report(2018, 3.0), None, &[]);
        // The first table is the inflow to foertidspension.
        let row = html.split("<tr>").find(|r| r.starts_with("<td>København (101)</td>")).expect("a row for 101");
        assert!(row.contains("&lt;5"), "{row}");
        assert!(row.contains("skjult"), "{row}");
        assert!(!row.contains("41.234"), "the denominator beside a hidden count is hidden too: {row}");
        assert!(!row.contains(">3<"), "{row}");
        // A shown count stays.
        assert!(html.contains(">147<"));
    }

    #[test]
    fn a_lone_small_cell_in_a_distribution_hides_the_next_smallest_too() {
        let mut given = report(2018, 9.0);
        given.indicators.push(indicator(
            Metric::StatusEfterRessourceforloeb1Maaned,
            Scope::Municipality("101".into()),
            Some("beskaeftigelse"),
            2.0,
            20.0,
        ));
        for i in given.indicators.iter_mut().filter(|i| i.metric == Metric::StatusEfterRessourceforloeb1Maaned) {
            if i.scope == Scope::Municipality("101".into()) {
                i.denominator = Some(20.0);
            }
        }
        let html = html_report(&given, None, &[]);
        // 101's 1-month row: 2 is "<5", the next smallest (6) is hidden as well.
        let row = html
            .split("<tr>")
            .filter(|r| r.starts_with("<td>København (101)</td>"))
            .find(|r| r.contains("&lt;5"))
            .expect("the status row of 101");
        assert!(!row.contains("<small>6</small>"), "{row}");
        assert!(row.contains("<small>12</small>"), "{row}");
        assert!(row.contains("<td>20</td>"), "the total of 20 is shown: {row}");
    }

    #[test]
    fn hidden_groups_in_a_flow_are_drawn_grey_so_the_shown_shares_stay_true() {
        let mut given = report(2018, 9.0);
        for (category, count) in [("foertidspension", 12.0), ("kontanthjaelp", 6.0), ("beskaeftigelse", 2.0)] {
            for metric in [Metric::StatusEfterRessourceforloeb1Maaned, Metric::StatusEfterRessourceforloeb6Maaneder] {
                given.indicators.retain(|i| {
                    !(i.metric == metric
                        && i.scope == Scope::Municipality("101".into())
                        && i.category.as_deref() == Some(category))
                });
                given.indicators.push(indicator(
                    metric,
                    Scope::Municipality("101".into()),
                    Some(category),
                    count,
                    20.0,
                ));
            }
        }
        let html = html_report(&given, None, &[]);
        assert!(html.contains("København (101) (n=20)"), "the bar names its total");
        assert!(html.contains("Førtidspension: 60 %"), "12 of 20, not 12 of the 12 shown");
        assert!(html.contains("Små grupper (skjult): 40 %"));
    }

    #[test]
    fn the_threshold_is_stated_on_the_page() {
        let html = html_report(&report(2018, 9.0), None, &[]);
        assert!(html.contains("tal under 5 vises ikke"));
        assert!(html.contains("Grænsen er 5 personer"));
    }

    #[test]
    fn numbers_get_a_decimal_comma_and_a_thousands_point() {
        assert_eq!(danish(1234567.891, 2), "1.234.567,89");
        assert_eq!(danish(12.0, 0), "12");
        assert_eq!(danish(0.05, 1), "0,1");
    }
}
