//! SVG charts as plain strings: horizontal bars with interval whiskers, time series, and flows (100% stacked bars).
//!
//! Written by hand rather than with `plotters`: plotters lays out text with font
//! metrics, which needs either its `ttf` feature (font-kit, linking the system's
//! fontconfig and freetype) or `ab_glyph` with a font file we would have to ship. Our
//! charts are three simple kinds; emitting `<text>` and letting the browser choose the
//! font keeps the crate free of system libraries, the output deterministic (snapshot
//! tests), and lets every chart carry a `<title>`/`<desc>` for screen readers.
//!
//! Labels are user-facing and in Danish; numbers are printed with a decimal comma.
//! Suppressed values (see [`crate::suppress`]) are passed as `None` and drawn as
//! "skjult" (hidden), never as 0.

use serde::Serialize;
use std::fmt::Write as _;

/// A horizontal bar chart, one bar per row, optionally with a 95% interval per bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    /// Title (Danish).
    pub title: String,
    /// What the values measure, e.g. "Faktisk / forventet".
    pub unit: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// A vertical reference line, e.g. 1.0 for a ratio, with its label.
    pub reference: Option<(f64, String)>,
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Row label.
    pub label: String,
    /// The value; `None` when suppressed or unknown.
    pub value: Option<f64>,
    /// Lower end of the interval whisker.
    pub low: Option<f64>,
    /// Upper end of the interval whisker.
    pub high: Option<f64>,
    /// Draw in the highlight colour (e.g. the municipality being looked at).
    pub highlight: bool,
}

/// A line chart over labelled periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeSeriesChart {
    /// Title (Danish).
    pub title: String,
    /// What the values measure.
    pub unit: String,
    /// Period labels along the x axis.
    pub periods: Vec<String>,
    /// The lines.
    pub series: Vec<Series>,
}

/// One line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Legend label.
    pub name: String,
    /// CSS colour.
    pub colour: String,
    /// One value per period; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
}

/// Flows out of a state, drawn as 100% stacked bars (e.g. status 1, 3 and 6 months after a
/// ressourceforløb ends, one bar per horizon or per municipality).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowChart {
    /// Title (Danish).
    pub title: String,
    /// Destination categories, in stacking order, with their colours.
    pub categories: Vec<(String, String)>,
    /// One stacked bar per stage.
    pub stages: Vec<FlowStage>,
}

/// One stacked bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowStage {
    /// Bar label, e.g. "1 måned (n=188)".
    pub label: String,
    /// Share or count per category, in the order of [`FlowChart::categories`]; `None`
    /// when suppressed. Bars are scaled to the sum of shown parts.
    pub parts: Vec<Option<f64>>,
}

/// The report's colour for a comparison unit (metrics.md "Figure colour code").
pub fn geo_colour(geo_key: &str) -> &'static str {
    match geo_key {
        "kbh" => "#c8102e",
        "klyngen" => "#1f3a68",
        "ballerup" => "#2e8b57",
        "aarhus" => "#f28c28",
        "hele_landet" => "#8c8c8c",
        _ => "#5b7fa6",
    }
}

/// A fixed qualitative palette for categories.
pub const PALETTE: [&str; 9] =
    ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

const WIDTH: f64 = 760.0;
const LABEL_WIDTH: f64 = 190.0;
const PLOT_WIDTH: f64 = 520.0;
const ROW: f64 = 22.0;
const TOP: f64 = 48.0;

/// Renders a bar chart.
pub fn bar_chart(chart: &BarChart) -> String {
    let mut max = chart
        .bars
        .iter()
        .flat_map(|b| [b.value, b.high])
        .flatten()
        .chain(chart.reference.as_ref().map(|r| r.0))
        .fold(0.0f64, f64::max);
    if max <= 0.0 {
        max = 1.0;
    }
    let ticks = nice_ticks(max);
    let scale_max = ticks.last().copied().unwrap_or(max);
    let x = |v: f64| LABEL_WIDTH + v.max(0.0) / scale_max * PLOT_WIDTH;
    let height = TOP + ROW * chart.bars.len() as f64 + 40.0;
    let mut out = open_svg(height, &chart.title, &chart.unit);
    for tick in &ticks {
        let _ = write!(
            out,
            r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="#ddd"/><text x="{0:.1}" y="{3:.1}" font-size="11" text-anchor="middle">{4}</text>"##,
            x(*tick),
            TOP - 4.0,
            height - 36.0,
            height - 22.0,
            number(*tick)
        );
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let fill = if bar.highlight { "#c8102e" } else { "#5b7fa6" };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end">{}</text>"#,
            LABEL_WIDTH - 6.0,
            y + 15.0,
            escape(&bar.label)
        );
        match bar.value {
            Some(v) => {
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}: {}</title></rect>"#,
                    LABEL_WIDTH,
                    y + 4.0,
                    x(v) - LABEL_WIDTH,
                    ROW - 8.0,
                    fill,
                    escape(&bar.label),
                    number(v)
                );
            }
            None => {
                let _ = write!(
                    out,
                    r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#666">skjult</text>"##,
                    LABEL_WIDTH + 4.0,
                    y + 15.0
                );
            }
        }
        if let (Some(low), Some(high)) = (bar.low, bar.high) {
            let mid = y + ROW / 2.0;
            let _ = write!(
                out,
                r##"<g stroke="#222" stroke-width="1.2"><line x1="{0:.1}" y1="{2:.1}" x2="{1:.1}" y2="{2:.1}"/><line x1="{0:.1}" y1="{3:.1}" x2="{0:.1}" y2="{4:.1}"/><line x1="{1:.1}" y1="{3:.1}" x2="{1:.1}" y2="{4:.1}"/><title>95 % interval: {5} – {6}</title></g>"##,
                x(low),
                x(high),
                mid,
                mid - 4.0,
                mid + 4.0,
                number(low),
                number(high)
            );
        }
    }
    if let Some((value, label)) = &chart.reference {
        let _ = write!(
            out,
            r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="#000" stroke-dasharray="4 3"/><text x="{0:.1}" y="{3:.1}" font-size="11" text-anchor="middle">{4}</text>"##,
            x(*value),
            TOP - 2.0,
            height - 36.0,
            height - 8.0,
            escape(label)
        );
    }
    out.push_str("</svg>");
    out
}

/// Renders a time-series chart.
pub fn time_series(chart: &TimeSeriesChart) -> String {
    let height = 320.0;
    let plot_left = 70.0;
    let plot_right = WIDTH - 150.0;
    let plot_top = TOP;
    let plot_bottom = height - 50.0;
    let max = chart.series.iter().flat_map(|s| s.values.iter().flatten()).fold(0.0f64, |a, &b| a.max(b));
    let ticks = nice_ticks(if max > 0.0 { max } else { 1.0 });
    let scale_max = ticks.last().copied().unwrap_or(1.0);
    let n = chart.periods.len().max(1);
    let x = |i: usize| {
        if n == 1 {
            (plot_left + plot_right) / 2.0
        } else {
            plot_left + (plot_right - plot_left) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| plot_bottom - v.max(0.0) / scale_max * (plot_bottom - plot_top);
    let mut out = open_svg(height, &chart.title, &chart.unit);
    for tick in &ticks {
        let _ = write!(
            out,
            r##"<line x1="{0:.1}" y1="{2:.1}" x2="{1:.1}" y2="{2:.1}" stroke="#ddd"/><text x="{3:.1}" y="{4:.1}" font-size="11" text-anchor="end">{5}</text>"##,
            plot_left,
            plot_right,
            y(*tick),
            plot_left - 6.0,
            y(*tick) + 4.0,
            number(*tick)
        );
    }
    for (i, period) in chart.periods.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#,
            x(i),
            plot_bottom + 18.0,
            escape(period)
        );
    }
    for (k, series) in chart.series.iter().enumerate() {
        // Split the line at gaps.
        let mut segments: Vec<Vec<(usize, f64)>> = vec![Vec::new()];
        for (i, value) in series.values.iter().enumerate() {
            match value {
                Some(v) => segments.last_mut().map(|s| s.push((i, *v))).unwrap_or(()),
                None => segments.push(Vec::new()),
            }
        }
        for segment in segments.iter().filter(|s| s.len() > 1) {
            let points: Vec<String> = segment.iter().map(|(i, v)| format!("{:.1},{:.1}", x(*i), y(*v))).collect();
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
                points.join(" "),
                escape(&series.colour)
            );
        }
        for (i, value) in series.values.iter().enumerate() {
            if let Some(v) = value {
                let _ = write!(
                    out,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{}"><title>{} {}: {}</title></circle>"#,
                    x(i),
                    y(*v),
                    escape(&series.colour),
                    escape(&series.name),
                    escape(&chart.periods.get(i).cloned().unwrap_or_default()),
                    number(*v)
                );
            }
        }
        legend_entry(&mut out, plot_right + 12.0, plot_top + 18.0 * k as f64, &series.colour, &series.name);
    }
    out.push_str("</svg>");
    out
}

/// Renders a flow chart (100% stacked bars).
pub fn flow_chart(chart: &FlowChart) -> String {
    let bar_height = 26.0;
    let gap = 12.0;
    let legend_rows = chart.categories.len();
    let height = TOP + (bar_height + gap) * chart.stages.len() as f64 + 18.0 * legend_rows as f64 + 20.0;
    let mut out = open_svg(height, &chart.title, "Andel i procent");
    for (s, stage) in chart.stages.iter().enumerate() {
        let y = TOP + (bar_height + gap) * s as f64;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end">{}</text>"#,
            LABEL_WIDTH - 6.0,
            y + bar_height / 2.0 + 4.0,
            escape(&stage.label)
        );
        let total: f64 = stage.parts.iter().flatten().sum();
        let mut left = LABEL_WIDTH;
        for (i, part) in stage.parts.iter().enumerate() {
            let Some(value) = part else { continue };
            if total <= 0.0 || *value <= 0.0 {
                continue;
            }
            let width = value / total * PLOT_WIDTH;
            let (name, colour) = chart.categories.get(i).map(|(n, c)| (n.as_str(), c.as_str())).unwrap_or(("", "#999"));
            let _ = write!(
                out,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#fff"><title>{}: {} %</title></rect>"##,
                left,
                y,
                width,
                bar_height,
                escape(colour),
                escape(name),
                number(value / total * 100.0)
            );
            if width > 28.0 {
                let _ = write!(
                    out,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#fff" text-anchor="middle">{}</text>"##,
                    left + width / 2.0,
                    y + bar_height / 2.0 + 4.0,
                    number((value / total * 100.0).round())
                );
            }
            left += width;
        }
        if stage.parts.iter().any(Option::is_none) {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#666">skjult</text>"##,
                LABEL_WIDTH + PLOT_WIDTH + 6.0,
                y + bar_height / 2.0 + 4.0
            );
        }
    }
    let legend_top = TOP + (bar_height + gap) * chart.stages.len() as f64 + 6.0;
    for (k, (name, colour)) in chart.categories.iter().enumerate() {
        legend_entry(&mut out, LABEL_WIDTH, legend_top + 18.0 * k as f64, colour, name);
    }
    out.push_str("</svg>");
    out
}

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// A number as Danish text: decimal comma, at most two decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    text.replace('.', ",")
}

fn open_svg(height: f64, title: &str, unit: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" role="img" font-family="system-ui, sans-serif"><title>{0}</title><desc>{1}</desc><rect width="100%" height="100%" fill="#fff"/><text x="10" y="20" font-size="15" font-weight="bold">{0}</text><text x="10" y="36" font-size="11" fill="#444">{1}</text>"##,
        escape(title),
        escape(unit)
    )
}

fn legend_entry(out: &mut String, x: f64, y: f64, colour: &str, name: &str) {
    let _ = write!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"#,
        x,
        y,
        escape(colour),
        x + 16.0,
        y + 10.0,
        escape(name)
    );
}

/// Tick values from 0 to at least `max` at a "nice" step (1, 2 or 5 times a power of 10).
fn nice_ticks(max: f64) -> Vec<f64> {
    let raw = max / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    let count = (max / step).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_printed_with_a_decimal_comma() {
        assert_eq!(number(1.25), "1,25");
        assert_eq!(number(2.0), "2");
        assert_eq!(number(0.1), "0,1");
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }

    #[test]
    fn a_bar_chart_draws_one_bar_and_one_whisker_per_row_and_marks_hidden_values() {
        let svg = bar_chart(&BarChart {
            title: "Faktisk mod forventet".into(),
            unit: "Forhold".into(),
            bars: vec![
                Bar { label: "København".into(), value: Some(0.6), low: Some(0.5), high: Some(0.7), highlight: true },
                Bar { label: "Læsø".into(), value: None, low: None, high: None, highlight: false },
            ],
            reference: Some((1.0, "forventet".into())),
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect x=").count(), 1);
        assert_eq!(svg.matches("95 % interval").count(), 1);
        assert!(svg.contains("skjult"));
        assert!(svg.contains("0,6"));
    }

    #[test]
    fn a_time_series_breaks_its_line_at_a_gap() {
        let svg = time_series(&TimeSeriesChart {
            title: "Tilgang".into(),
            unit: "Personer".into(),
            periods: vec!["2015".into(), "2016".into(), "2017".into(), "2018".into()],
            series: vec![Series {
                name: "København".into(),
                colour: "#c8102e".into(),
                values: vec![Some(300.0), Some(321.0), None, Some(453.0)],
            }],
        });
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 3);
    }

    #[test]
    fn a_flow_bar_is_scaled_to_one_hundred_percent() {
        let svg = flow_chart(&FlowChart {
            title: "Status efter ressourceforløb".into(),
            categories: vec![("Førtidspension".into(), "#1f77b4".into()), ("Fleksjob".into(), "#ff7f0e".into())],
            stages: vec![FlowStage { label: "1 måned".into(), parts: vec![Some(30.0), Some(10.0)] }],
        });
        assert!(svg.contains("Førtidspension: 75 %"));
        assert!(svg.contains("Fleksjob: 25 %"));
    }

    #[test]
    fn ticks_are_round_numbers_covering_the_maximum() {
        assert_eq!(nice_ticks(1.76), vec![0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(nice_ticks(453.0), vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
    }
}
