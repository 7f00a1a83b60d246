//! The generated journal: deterministic, valid per the spec, and with plausible flows.

use sim::{population_table, write_journal, SimConfig, COUNTRY_FLAGGED, COUNTRY_NEUTRAL};

fn generate(cfg: &SimConfig) -> (String, sim::SimStats) {
    let mut bytes = Vec::new();
    let stats = write_journal(cfg, &mut bytes).expect("writing to memory cannot fail");
    (String::from_utf8(bytes).expect("the journal is UTF-8"), stats)
}

#[test]
fn the_same_config_and_seed_give_the_same_bytes() {
    let (a, _) = generate(&SimConfig::country(300, 42));
    let (b, _) = generate(&SimConfig::country(300, 42));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn different_seeds_give_different_journals() {
    let (a, _) = generate(&SimConfig::demo(200, 1));
    let (b, _) = generate(&SimConfig::demo(200, 2));
    assert_ne!(a, b);
}

#[test]
fn every_generated_line_parses_and_passes_the_journal_checks() {
    for cfg in [SimConfig::demo(1500, 3), SimConfig::country(2500, 4)] {
        let (text, stats) = generate(&cfg);
        let events = match journal::parse_journal(&text) {
            Ok(events) => events,
            Err(errors) => panic!("{errors}"),
        };
        assert_eq!(events.len(), stats.events);
        assert_eq!(text.lines().count(), stats.events);
        assert_eq!(stats.cases, cfg.cases);
    }
}

#[test]
fn written_lines_are_the_journal_crates_canonical_form() {
    let (text, _) = generate(&SimConfig::demo(100, 5));
    let events = journal::parse_journal(&text).expect("valid");
    assert_eq!(journal::write_journal(&events), text);
}

#[test]
fn no_event_falls_outside_the_simulated_period() {
    let cfg = SimConfig::demo(800, 6);
    let (text, _) = generate(&cfg);
    let events = journal::parse_journal(&text).expect("valid");
    for event in &events {
        assert!(event.date() >= cfg.start && event.date() <= cfg.end, "{}", journal::write_event(event));
    }
    let before_2018 = events.iter().filter(|e| e.date() < chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap()).count();
    assert!(before_2018 > events.len() / 5 && before_2018 < events.len() * 4 / 5, "both law editions occur");
}

#[test]
fn case_ids_carry_the_municipality_code_and_a_serial() {
    let (text, _) = generate(&SimConfig::country(200, 7));
    let events = journal::parse_journal(&text).expect("valid");
    for event in events.iter().filter(|e| e.event_type() == journal::EventType::Borger) {
        let journal::EventBody::Borger { municipality, .. } = &event.body else { unreachable!() };
        assert!(event.case.as_str().starts_with(&format!("K{municipality}-")), "{}", event.case);
    }
}

#[test]
fn decisions_and_flows_are_plausible() {
    let (_, stats) = generate(&SimConfig::country(6000, 8));
    let decided: usize = stats.decisions.values().sum();
    assert!(decided > 3000, "{decided} decisions");
    let pension = stats.share_of_decisions("tilkendt_foertidspension");
    assert!((0.07..0.25).contains(&pension), "pension share {pension}");
    let rf = stats.share_of_decisions("bevilget_ressourceforloeb");
    assert!((0.35..0.7).contains(&rf), "ressourceforloeb share {rf}");
    for outcome in ["afslag_foertidspension", "bevilget_fleksjob", "afslag_fleksjob", "anden_indsats"] {
        assert!(stats.decisions.get(outcome).copied().unwrap_or(0) > 10, "{outcome}");
    }
    let to_kh = stats.share_after_ressourceforloeb("kontanthjaelp_aktivitetsparat");
    assert!((0.12..0.45).contains(&to_kh), "share of ressourceforloeb ending in kontanthjaelp {to_kh}");
    let appeals = stats.event_types.get("klage").copied().unwrap_or(0);
    assert!(appeals > 50, "{appeals} appeals");
}

#[test]
fn copenhagen_sends_more_ressourceforloeb_back_to_kontanthjaelp_than_ballerup() {
    let mut cfg = SimConfig::country(12000, 9);
    cfg.municipalities.retain(|m| m.code == "101" || m.code == "151");
    let mut kbh = cfg.clone();
    kbh.municipalities.retain(|m| m.code == "101");
    let mut ballerup = cfg.clone();
    ballerup.municipalities.retain(|m| m.code == "151");
    let (_, kbh) = generate(&SimConfig { cases: 3000, ..kbh });
    let (_, ballerup) = generate(&SimConfig { cases: 3000, ..ballerup });
    let kh = "kontanthjaelp_aktivitetsparat";
    assert!(kbh.share_after_ressourceforloeb(kh) > ballerup.share_after_ressourceforloeb(kh) + 0.1);
}

#[test]
fn the_flagged_municipality_awards_about_twice_its_composition_and_the_neutral_one_about_once() {
    let (_, stats) = generate(&SimConfig::country(20000, 10));
    let ratio = |code: &str| {
        let m = stats.municipalities.iter().find(|m| m.code == code).expect("in the country profile");
        m.destined_awards as f64 / m.expected_awards
    };
    let flagged = ratio(COUNTRY_FLAGGED);
    let neutral = ratio(COUNTRY_NEUTRAL);
    assert!((1.75..2.25).contains(&flagged), "flagged {flagged}");
    assert!((0.9..1.1).contains(&neutral), "neutral {neutral}");
    let written = |code: &str| {
        let m = stats.municipalities.iter().find(|m| m.code == code).expect("in the country profile");
        (m.pension_awards + m.fleksjob_awards) as f64 / m.expected_awards
    };
    assert!(written(COUNTRY_FLAGGED) > 1.6 * written(COUNTRY_NEUTRAL));
}

#[test]
fn the_population_table_parses_and_exceeds_the_case_counts() {
    let cfg = SimConfig::country(5000, 11);
    let table = population_table(&cfg);
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("municipality,year,age_from,age_to,sex,count"));
    let mut totals: std::collections::BTreeMap<(String, i32), u64> = Default::default();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 6, "{line}");
        let from: u32 = cells[2].parse().expect("age_from");
        let to: u32 = cells[3].parse().expect("age_to");
        assert!(16 <= from && from <= to && to <= 66);
        assert!(cells[4] == "M" || cells[4] == "K");
        let count: u64 = cells[5].parse().expect("count");
        *totals.entry((cells[0].to_owned(), cells[1].parse().expect("year"))).or_default() += count;
    }
    let counts = cfg.case_counts();
    for (profile, cases) in cfg.municipalities.iter().zip(counts) {
        let year_total = totals[&(profile.code.clone(), 2018)];
        let share = cases as f64 / year_total as f64;
        assert!((0.01..0.1).contains(&share), "{}: cases are {share} of the population", profile.code);
    }
    let kbh_young: u64 = table
        .lines()
        .filter(|l| {
            l.starts_with("101,2018,")
                && l.split(',').nth(3).and_then(|a| a.parse::<u32>().ok()).is_some_and(|a| a < 40)
        })
        .map(|l| l.rsplit(',').next().unwrap().parse::<u64>().unwrap())
        .sum();
    let kbh_share = kbh_young as f64 / totals[&("101".to_owned(), 2018)] as f64;
    assert!((0.6..0.64).contains(&kbh_share), "KBH under 40: {kbh_share}");
}

#[test]
fn case_counts_follow_the_weights_and_add_up() {
    let cfg = SimConfig::country(1001, 0);
    let counts = cfg.case_counts();
    assert_eq!(counts.iter().sum::<usize>(), 1001);
    assert_eq!(counts[0], 281, "280.28 plus the largest remainder");
}

#[test]
fn the_bytes_do_not_depend_on_the_number_of_threads() {
    let cfg = SimConfig::country(1500, 12);
    let mut one = Vec::new();
    let mut three = Vec::new();
    let a = sim::write_journal_with_threads(&cfg, &mut one, 1).expect("in memory");
    let b = sim::write_journal_with_threads(&cfg, &mut three, 3).expect("in memory");
    assert!(one == three, "the journals differ");
    assert_eq!((a.cases, a.events, &a.decisions), (b.cases, b.events, &b.decisions));
}

#[test]
fn timings_follow_the_report() {
    use journal::{EventBody, IndstillingOutcome};
    let (text, _) = generate(&SimConfig::demo(3000, 13));
    let events = journal::parse_journal(&text).expect("valid");
    let median = |mut v: Vec<i64>| {
        v.sort_unstable();
        v[v.len() / 2]
    };
    let (mut waits, mut to_decision, mut pension_days) = (Vec::new(), Vec::new(), Vec::new());
    let mut late_without_letter = 0;
    let mut late = 0;
    let (mut submitted, mut meeting, mut overgang, mut letter) = (None, None, None, false);
    let mut case = None;
    for event in &events {
        if case.as_ref() != Some(&event.case) {
            case = Some(event.case.clone());
            (submitted, meeting, overgang, letter) = (None, None, None, false);
        }
        let day = event.date();
        match &event.body {
            EventBody::ForelagtRehabiliteringsteam { .. } => submitted = Some(day),
            EventBody::Rehabiliteringsmoede { .. } => {
                let from = submitted.expect("a meeting follows a submission");
                waits.push((day - from).num_days());
                meeting = Some(day);
            }
            EventBody::Indstilling { outcome: IndstillingOutcome::Udsaettelse, .. } => meeting = None,
            EventBody::OvergangFoertidspension { .. } => overgang = Some(day),
            EventBody::Udsaettelsesbrev { .. } => letter = true,
            EventBody::Afgoerelse(_) => {
                if let Some(from) = overgang.take() {
                    let days = (day - from).num_days();
                    pension_days.push(days);
                    if days > 92 {
                        late += 1;
                        late_without_letter += usize::from(!letter);
                    }
                } else if let Some(from) = meeting.take() {
                    to_decision.push((day - from).num_days());
                }
                letter = false;
            }
            _ => {}
        }
    }
    assert!(waits.iter().all(|&d| d >= 14), "a meeting is booked at least 14 days ahead");
    assert!((21..=35).contains(&median(waits)), "3–5 weeks from submission to meeting");
    assert!((35..=56).contains(&median(to_decision)), "5–8 weeks from meeting to decision");
    let within_3_months = pension_days.iter().filter(|&&d| d <= 92).count() as f64 / pension_days.len() as f64;
    assert!((0.7..0.95).contains(&within_3_months), "most pension decisions within 3 months: {within_3_months}");
    assert!(late > 0 && late_without_letter < late, "most late pension decisions come with an udsaettelsesbrev");
}
