//! The 2018 taskforce report's comparisons: Copenhagen against Aarhus, Ballerup, the cluster and the country, with the report's inconsistencies kept beside the numbers.
//!
//! Input is the CSV *text* of the files in `shared/domain/data/` (the binary reads them;
//! this module does no I/O), keyed by file name. Output is a list of tables whose
//! cells keep the printed value, the Danish hedge word (knap/godt/ca.) and any
//! per-value note, plus table-level notes for the known inconsistencies: the arithmetic
//! checks in `derived_consistency_checks.csv` that did not come out "ok", and the
//! flagged report errors listed in the data README. Nothing is corrected: a suspect
//! number is shown as printed, with the reason it is suspect next to it.
//!
//! Columns are the comparison units in the order the issue asks for: København,
//! Aarhus, Ballerup, Klyngen (the cluster average; the report does not say whether
//! pooled or an unweighted mean of members) and Hele landet.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The files the comparisons are built from (all in `shared/domain/data/`).
pub const REPORT_FILES: [&str; 12] = [
    "geo_units.csv",
    "t5_1_udsatte_kbh_16_66.csv",
    "t5_2_population_age_split_2017q1.csv",
    "t5_3_udsatte_kbh_40_66.csv",
    "t5_4_status_after_rf_end_40_66.csv",
    "t5_5_ankestyrelsen_kbh_ftp_2013h2_2016.csv",
    "fig5_12_status_week_before_ftp_40_66.csv",
    "boks5_1_ftp_tilgang_kbh_sof_2015_2017.csv",
    "boks5_2_fleksjob_tilgang_kbh_jan_nov_2015_2017.csv",
    "s6_7_capacity_comparisons.csv",
    "ch5_values_from_text.csv",
    "derived_consistency_checks.csv",
];

/// The comparison units, in column order.
pub const GEO_COLUMNS: [&str; 5] = ["kbh", "aarhus", "ballerup", "klyngen", "hele_landet"];

/// Everything the report page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportComparisons {
    /// The comparison units (names, members, colours, why chosen).
    pub geo_units: Vec<GeoUnit>,
    /// The tables.
    pub tables: Vec<ComparisonTable>,
    /// All arithmetic checks, ok or not.
    pub checks: Vec<ConsistencyCheck>,
}

/// A comparison unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GeoUnit {
    /// `kbh`, `aarhus`, …
    pub key: String,
    /// Danish name.
    pub name: String,
    /// Member municipalities (for the cluster).
    pub members: String,
    /// Why the report compares with it.
    pub why: String,
}

/// One table of the report, with the comparison units (or measures) as columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonTable {
    /// Stable id, e.g. `t5_4_1m`.
    pub id: String,
    /// Danish title.
    pub title: String,
    /// Where in the report and what source it cites.
    pub source: String,
    /// Column keys.
    pub columns: Vec<String>,
    /// Column headings (Danish).
    pub column_labels: Vec<String>,
    /// The rows.
    pub rows: Vec<ComparisonRow>,
    /// Known inconsistencies and caveats that concern this table.
    pub notes: Vec<String>,
}

/// One row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonRow {
    /// Stable key.
    pub key: String,
    /// Label (Danish where the report gives one).
    pub label: String,
    /// One cell per column; `None` where the report gives no value.
    pub cells: Vec<Option<ReportCell>>,
}

/// One value as the report prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportCell {
    /// The number, when the printed value is one.
    pub value: Option<f64>,
    /// The value as printed (e.g. `2-3`, `top 25%`).
    pub printed: String,
    /// Hedge word or precision (knap, godt, ca., exact, …).
    pub qualifier: Option<String>,
    /// A note on this value (conflicts and suspicions are flagged here).
    pub note: Option<String>,
}

/// One arithmetic check from `derived_consistency_checks.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsistencyCheck {
    /// `k01` …
    pub id: String,
    /// What was checked.
    pub description: String,
    /// The computation.
    pub computation: String,
    /// The result.
    pub result: String,
    /// The status as recorded (`ok`, `MISMATCH …`, …).
    pub status: String,
    /// Whether the check found a problem (status neither ok nor derived).
    pub problem: bool,
    /// The table it concerns.
    pub table: String,
}

/// Why the comparisons could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReportError {
    /// Files missing from the input.
    #[error("missing report data files: {}", .0.join(", "))]
    MissingFiles(Vec<String>),
    /// A file is not the CSV expected.
    #[error("{file} line {line}: {message}")]
    Malformed {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What was wrong.
        message: String,
    },
}

/// Builds all comparison tables from the files' CSV text, keyed by file name.
pub fn build_report(files: &BTreeMap<String, String>) -> Result<ReportComparisons, ReportError> {
    let missing: Vec<String> =
        REPORT_FILES.iter().filter(|f| !files.contains_key(**f)).map(|f| (*f).to_string()).collect();
    if !missing.is_empty() {
        return Err(ReportError::MissingFiles(missing));
    }
    let read = |name: &str| parse(name, &files[name]);

    let checks: Vec<ConsistencyCheck> = read("derived_consistency_checks.csv")?
        .iter()
        .map(|r| {
            let status = r.get("status");
            let lower = status.to_lowercase();
            ConsistencyCheck {
                id: r.get("check_id"),
                description: r.get("description"),
                computation: r.get("computation"),
                result: r.get("result"),
                problem: !(lower.starts_with("ok") || lower.starts_with("derived")),
                status,
                table: check_table(&r.get("check_id")).to_string(),
            }
        })
        .collect();

    let geo_units = read("geo_units.csv")?
        .iter()
        .map(|r| GeoUnit {
            key: r.get("geo_key"),
            name: r.get("name_da"),
            members: r.get("members"),
            why: r.get("why_included"),
        })
        .collect();

    let mut tables = vec![
        udsatte_table(
            "t5_1",
            "Tabel 5.1: Udsatte borgere (helårsmodtagere) i København, 16-66 år, 4. kvt. 2016 - 3. kvt. 2017",
            &read("t5_1_udsatte_kbh_16_66.csv")?,
        ),
        age_split_table(&read("t5_2_population_age_split_2017q1.csv")?),
        udsatte_table("t5_3", "Tabel 5.3: Udsatte borgere i København, 40-66 år", &read("t5_3_udsatte_kbh_40_66.csv")?),
    ];
    tables.extend(status_after_rf_tables(&read("t5_4_status_after_rf_end_40_66.csv")?));
    tables.push(appeals_table(&read("t5_5_ankestyrelsen_kbh_ftp_2013h2_2016.csv")?));
    tables.push(week_before_pension_table(&read("fig5_12_status_week_before_ftp_40_66.csv")?));
    tables.push(series_table(
        "boks5_1",
        "Boks 5.1: Tilgang til førtidspension i København (Socialforvaltningen, tælles ved tilkendelse)",
        &read("boks5_1_ftp_tilgang_kbh_sof_2015_2017.csv")?,
        "year",
        "ftp_tilgang_persons",
    ));
    tables.push(series_table(
        "boks5_2",
        "Boks 5.2: Tilgang til fleksjob i København, januar-november (Jobindsats)",
        &read("boks5_2_fleksjob_tilgang_kbh_jan_nov_2015_2017.csv")?,
        "period",
        "fleksjob_tilgang_persons",
    ));
    tables.push(text_values_table(
        "s6_7",
        "Afsnit 6.7: Kapacitet - helårspersoner pr. årsværk, sagsstammer, rehabiliteringsmøder, lægekonsulenter",
        &read("s6_7_capacity_comparisons.csv")?,
        "subsection",
    ));
    tables.push(text_values_table(
        "ch5_values_from_text",
        "Kapitel 5: tal nævnt i teksten (figurerne var billeder)",
        &read("ch5_values_from_text.csv")?,
        "ref",
    ));

    for table in &mut tables {
        let id = table.id.clone();
        let base = ["_1m", "_3m", "_6m"].iter().find_map(|suffix| id.strip_suffix(suffix)).unwrap_or(&id);
        for check in checks.iter().filter(|c| c.problem && c.table == base) {
            table.notes.push(format!(
                "Uoverensstemmelse {} ({}): {} = {} [{}]",
                check.id, check.description, check.computation, check.result, check.status
            ));
        }
        table.notes.extend(flagged_errors(base).iter().map(|s| (*s).to_string()));
    }
    Ok(ReportComparisons { geo_units, tables, checks })
}

/// The report errors the data README flags, by table (facts restated, not quoted).
fn flagged_errors(table: &str) -> &'static [&'static str] {
    match table {
        "t5_1" => &[
            "Teksten siger 45,2 pct. aktivitetsparate kontanthjælpsmodtagere; tabellen 45,3 pct. (12.820/28.290 = 45,32).",
            "Teksten kalder de 2.340 i ressourceforløb '8,3 pct. af befolkningen'; det er deres andel af de udsatte.",
        ],
        "t5_2" => &["Tabellens første kolonne er trykt '16-66 år' men er 16-39 år (rækkerne summer til 100)."],
        "t5_3" => &["Førtidspensionister dækker hele 2017 (tabelnote); de øvrige rækker 4. kvt. 2016 - 3. kvt. 2017."],
        "t5_4" => &[
            "Diskretion: antal under 3 er sat til 0, så 0 pct. kan dække 0-2 personer.",
            "Teksten giver andre tal end tabellen (fx København førtidspension efter 1 måned 14,9 pct. i teksten, 16 pct. i tabellen); tabellens tal vises.",
            "Klyngen: tabellen siger 50 forløb, fodnote 12 siger 20 borgere; klyngens andele svarer ikke til hele personer af 50.",
        ],
        "t5_5" => &[
            "Kolonneoverskrifterne mangler i kilden; de er udledt af regnestykkerne (i alt - afvist = realitetsbehandlet = hjemvist + stadfæstet + ændret).",
            "Titlen nævner fleksjob, men alle rækker er pensionsemner.",
            "Teksten siger 'godt 4 hjemvist'; tabellen 4.",
        ],
        "fig5_12" => &["Ballerup og Aarhus er kun tildelt efter panelernes rækkefølge i teksten (middel sikkerhed)."],
        "boks5_1" => &["Socialforvaltningen tæller ved tilkendelse (453 i 2017); Jobindsats ved første udbetaling ('knap 370'). Kun Jobindsats kan sammenlignes med andre kommuner."],
        "boks5_2" => &["Kun januar-november."],
        "s6_7" => &[
            "Sagsstammen for København er trykt 'ca. 15617' = 156 + fodnote 17 (før 'Flere skal med'); taskforcen kalder opgørelsen meget usikker.",
            "'5 gange' og '15 gange' så mange lægekonsulenter siger ikke, om det er personer eller årsværk, eller hvilken befolkning.",
        ],
        "ch5_values_from_text" => &[
            "Klyngens andel udsatte 16-66 (4,0 pct.) kan ikke passe med 7,9 pct. blandt 40-66 og 58 pct. over 40 (giver mindst 4,6).",
            "Landets andel udsatte 16-66 (5,6 pct.) er lig landets andel førtidspensionister, selv om de er en delmængde.",
            "Fleksjobandel 1,5 pct. af befolkningen passer ikke med 2.900 personer (ca. 0,65 pct.).",
            "'Tallene er opgjort i januar 2017' er sandsynligvis januar 2018.",
        ],
        _ => &[],
    }
}

/// Which table a consistency check concerns.
fn check_table(check_id: &str) -> &'static str {
    match check_id {
        "k01" | "k02" | "k03" => "t5_1",
        "k04" | "k05" | "k06" => "t5_3",
        "k10" | "k30" => "t5_2",
        "k17" => "boks5_1",
        "k18" => "boks5_2",
        "k19" => "fig5_12",
        "k20" | "k21" | "k22" | "k23" | "k24" => "t5_4",
        "k25" | "k26" | "k27" => "t5_5",
        _ => "ch5_values_from_text",
    }
}

/// A parsed CSV row with lookup by header.
struct Row {
    fields: HashMap<String, String>,
}

impl Row {
    fn get(&self, key: &str) -> String {
        self.fields.get(key).cloned().unwrap_or_default()
    }
}

fn parse(file: &str, text: &str) -> Result<Vec<Row>, ReportError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ReportError::Malformed { file: file.into(), line: 1, message: e.to_string() })?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReportError::Malformed {
            file: file.into(),
            line: e.position().map(|p| p.line() as usize).unwrap_or(0),
            message: e.to_string(),
        })?;
        rows.push(Row {
            fields: headers.iter().zip(record.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect(),
        });
    }
    Ok(rows)
}

fn cell(printed: &str, qualifier: Option<String>, note: Option<String>) -> Option<ReportCell> {
    if printed.is_empty() {
        return None;
    }
    Some(ReportCell {
        value: printed.parse::<f64>().ok(),
        printed: printed.to_string(),
        qualifier: qualifier.filter(|q| !q.is_empty()),
        note: note.filter(|n| !n.is_empty()),
    })
}

fn geo_labels() -> Vec<String> {
    ["København", "Aarhus", "Ballerup", "Klyngen", "Hele landet"].iter().map(|s| (*s).to_string()).collect()
}

fn udsatte_table(id: &str, title: &str, rows: &[Row]) -> ComparisonTable {
    ComparisonTable {
        id: id.into(),
        title: title.into(),
        source: "Jobindsats.dk og Danmarks Statistik".into(),
        columns: vec!["helaarspersoner".into(), "share_printed".into(), "share_recomputed".into()],
        column_labels: vec!["Helårspersoner".into(), "Andel, pct. (trykt)".into(), "Andel, pct. (genberegnet)".into()],
        rows: rows
            .iter()
            .map(|r| ComparisonRow {
                key: r.get("category_en"),
                label: r.get("category_da"),
                cells: vec![
                    cell(&r.get("helaarspersoner"), None, None),
                    cell(&r.get("share_of_total_pct_printed"), None, None),
                    cell(&r.get("share_of_total_pct_recomputed"), None, Some("genberegnet, ikke trykt".into())),
                ],
            })
            .collect(),
        notes: vec![],
    }
}

fn age_split_table(rows: &[Row]) -> ComparisonTable {
    let by_geo: HashMap<String, &Row> = rows.iter().map(|r| (r.get("geo_key"), r)).collect();
    let row = |key: &str, label: &str, column: &str| ComparisonRow {
        key: key.into(),
        label: label.into(),
        cells: GEO_COLUMNS.iter().map(|g| by_geo.get(*g).and_then(|r| cell(&r.get(column), None, None))).collect(),
    };
    ComparisonTable {
        id: "t5_2".into(),
        title: "Tabel 5.2: Befolkningen 16-66 år fordelt på under 40 og 40-66 år, pct., 1. kvt. 2017".into(),
        source: "Danmarks Statistik".into(),
        columns: GEO_COLUMNS.iter().map(|s| (*s).to_string()).collect(),
        column_labels: geo_labels(),
        rows: vec![
            row("16-39", "16-39 år (trykt '16-66 år')", "share_16_39_pct"),
            row("40-66", "40-66 år", "share_40_66_pct"),
        ],
        notes: vec![],
    }
}

fn status_after_rf_tables(rows: &[Row]) -> Vec<ComparisonTable> {
    let mut n: HashMap<String, String> = HashMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    let mut values: HashMap<(String, String), &Row> = HashMap::new();
    for r in rows {
        n.insert(r.get("geo_key"), r.get("n_forloeb"));
        let key = (r.get("status_key"), r.get("status_da"));
        if !order.contains(&key) {
            order.push(key.clone());
        }
        values.insert((r.get("geo_key"), key.0), r);
    }
    [("1m", "pct_1_month", "1 måned"), ("3m", "pct_3_months", "3 måneder"), ("6m", "pct_6_months", "6 måneder")]
        .iter()
        .map(|(suffix, column, label)| ComparisonTable {
            id: format!("t5_4_{suffix}"),
            title: format!("Tabel 5.4: Status {label} efter afsluttet ressourceforløb, 40-66 år, forløb afsluttet 2. kvt. 2016 - 1. kvt. 2017, pct."),
            source: "DREAM".into(),
            columns: GEO_COLUMNS.iter().map(|s| (*s).to_string()).collect(),
            column_labels: GEO_COLUMNS
                .iter()
                .zip(geo_labels())
                .map(|(g, l)| format!("{l} (n={})", n.get(*g).cloned().unwrap_or_default()))
                .collect(),
            rows: order
                .iter()
                .map(|(key, label)| ComparisonRow {
                    key: key.clone(),
                    label: label.clone(),
                    cells: GEO_COLUMNS
                        .iter()
                        .map(|g| {
                            values.get(&((*g).to_string(), key.clone())).and_then(|r| {
                                let printed = r.get(column);
                                let note = (printed == "0").then(|| "0 kan dække 0-2 personer (diskretion)".to_string());
                                cell(&printed, None, note)
                            })
                        })
                        .collect(),
                })
                .collect(),
            notes: vec![],
        })
        .collect()
}

fn appeals_table(rows: &[Row]) -> ComparisonTable {
    let columns = [
        ("col1_afgoerelser_i_alt", "Afgørelser i alt"),
        ("col2_afvist_henvist", "Afvist/henvist"),
        ("col3_realitetsbehandlet", "Realitetsbehandlet"),
        ("col4_hjemvist", "Hjemvist"),
        ("col5_stadfaestet", "Stadfæstet"),
        ("col6_aendret", "Ændret"),
        ("col7_omgoerelse_pct_printed", "Omgørelse, pct. (trykt)"),
        ("omgoerelse_pct_recomputed", "Omgørelse, pct. (genberegnet)"),
    ];
    ComparisonTable {
        id: "t5_5".into(),
        title: "Tabel 5.5: Ankestyrelsens afgørelser i klager over Københavns afgørelser om førtidspension, 2. halvår 2013-2016".into(),
        source: "Ankestyrelsen".into(),
        columns: columns.iter().map(|(k, _)| (*k).to_string()).collect(),
        column_labels: columns.iter().map(|(_, l)| (*l).to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| ComparisonRow {
                key: r.get("emne_code"),
                label: r.get("emne_da"),
                cells: columns.iter().map(|(k, _)| cell(&r.get(k), None, None)).collect(),
            })
            .collect(),
        notes: vec![],
    }
}

fn week_before_pension_table(rows: &[Row]) -> ComparisonTable {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut values: HashMap<(String, String), &Row> = HashMap::new();
    for r in rows {
        let key = (r.get("category_key"), r.get("category_label_da_reconstructed"));
        if !order.contains(&key) {
            order.push(key.clone());
        }
        values.insert((r.get("geo_key"), key.0), r);
    }
    ComparisonTable {
        id: "fig5_12".into(),
        title:
            "Figur 5.12: Ydelse ugen før tilgang til førtidspension, 40-66 år, 2. halvår 2016 - 1. halvår 2017, pct."
                .into(),
        source: "DREAM".into(),
        columns: GEO_COLUMNS.iter().map(|s| (*s).to_string()).collect(),
        column_labels: geo_labels(),
        rows: order
            .iter()
            .map(|(key, label)| ComparisonRow {
                key: key.clone(),
                label: label.clone(),
                cells: GEO_COLUMNS
                    .iter()
                    .map(|g| {
                        values.get(&((*g).to_string(), key.clone())).and_then(|r| {
                            let confidence = r.get("geo_assignment_confidence");
                            let note = (!confidence.starts_with("high"))
                                .then(|| format!("kommune tildelt efter panelrækkefølge: {confidence}"));
                            cell(&r.get("share_pct"), None, note)
                        })
                    })
                    .collect(),
            })
            .collect(),
        notes: vec![],
    }
}

fn series_table(id: &str, title: &str, rows: &[Row], period: &str, value: &str) -> ComparisonTable {
    ComparisonTable {
        id: id.into(),
        title: title.into(),
        source: rows.first().map(|r| r.get("source")).unwrap_or_default(),
        columns: vec!["kbh".into()],
        column_labels: vec!["København".into()],
        rows: rows
            .iter()
            .map(|r| ComparisonRow {
                key: r.get(period),
                label: r.get(period),
                cells: vec![cell(&r.get(value), None, None)],
            })
            .collect(),
        notes: vec![],
    }
}

/// Values quoted in the prose, one row per metric, period and age group; values for
/// compound units ("klyngen vs kbh", "frederiksberg") go in the last column with their unit.
fn text_values_table(id: &str, title: &str, rows: &[Row], section_column: &str) -> ComparisonTable {
    let mut order: Vec<String> = Vec::new();
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut cells: HashMap<String, Vec<Option<ReportCell>>> = HashMap::new();
    for r in rows {
        let age = r.get("age_group");
        let key = format!("{}|{}|{}|{}", r.get(section_column), r.get("metric_key"), r.get("period"), age);
        if !order.contains(&key) {
            order.push(key.clone());
            let age_text = if age.is_empty() { String::new() } else { format!(", {age} år") };
            labels.insert(
                key.clone(),
                format!(
                    "{} {} ({}{age_text}; {})",
                    r.get(section_column),
                    r.get("metric_key"),
                    r.get("period"),
                    r.get("unit")
                ),
            );
        }
        let row_cells = cells.entry(key).or_insert_with(|| vec![None; GEO_COLUMNS.len() + 1]);
        let geo = r.get("geo_key");
        let printed = r.get("value");
        let printed = if printed.is_empty() { r.get("qualifier") } else { printed };
        let note = {
            let note = r.get("note");
            let original = r.get("original_text_da");
            Some(if note.is_empty() { format!("«{original}»") } else { format!("«{original}» - {note}") })
        };
        match GEO_COLUMNS.iter().position(|g| *g == geo) {
            Some(i) => row_cells[i] = cell(&printed, Some(r.get("qualifier")), note),
            None => {
                let other = cell(&format!("{geo}: {printed}"), Some(r.get("qualifier")), note);
                let last = GEO_COLUMNS.len();
                row_cells[last] = match (row_cells[last].take(), other) {
                    (Some(mut existing), Some(new)) => {
                        existing.printed = format!("{}; {}", existing.printed, new.printed);
                        existing.note = match (existing.note, new.note) {
                            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
                            (a, b) => a.or(b),
                        };
                        Some(existing)
                    }
                    (existing, new) => existing.or(new),
                };
            }
        }
    }
    let mut columns: Vec<String> = GEO_COLUMNS.iter().map(|s| (*s).to_string()).collect();
    columns.push("other".into());
    let mut column_labels = geo_labels();
    column_labels.push("Andre / sammenligninger".into());
    ComparisonTable {
        id: id.into(),
        title: title.into(),
        source: "Rapportens tekst (ch5_values_from_text.csv / s6_7_capacity_comparisons.csv)".into(),
        columns,
        column_labels,
        rows: order
            .iter()
            .map(|key| ComparisonRow {
                key: key.clone(),
                label: labels.get(key).cloned().unwrap_or_default(),
                cells: cells.remove(key).unwrap_or_default(),
            })
            .collect(),
        notes: vec![],
    }
}
