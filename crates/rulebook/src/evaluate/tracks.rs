//! The four tracks: førtidspension, seniorførtidspension, fleksjob and ressourceforløb.

use crate::ankestyrelsen as ast;
use crate::conclusions::{Status, Track, Tracks};
use crate::evaluate::TrackBuilder;
use crate::facts::{ApplicationKind, Attachment, Criterion, DocumentKind};
use crate::lab::{p68a, p69_70};
use crate::meta::{rule_on, RuleMeta};
use crate::pl::{p16, p17, p18, p19, p1a, p20, p26a};
use crate::praksis;
use crate::rsl;
use crate::view::{JudgementState, View};

pub(super) fn all(view: &View<'_>) -> Tracks {
    let foertidspension = foertidspension(view);
    let fleksjob = fleksjob(view, &foertidspension);
    Tracks {
        seniorfoertidspension: seniorfoertidspension(view),
        ressourceforloeb: ressourceforloeb(view),
        foertidspension,
        fleksjob,
    }
}

/// Age gate shared by the tracks: `Err` carries the track to return.
fn age_gate(view: &View<'_>, meta: &RuleMeta, b: &mut TrackBuilder) -> Result<Option<i32>, Track> {
    let (Some(age), Some(pension)) = (view.age(), view.folkepension_date()) else {
        b.need_evidence(meta, "Borgerens fødselsdato kendes ikke, så alderskravene kan ikke vurderes.");
        return Ok(None);
    };
    if age < p16::MINIMUM_AGE {
        return Err(TrackBuilder::not_in_play(meta, format!("Borgeren er {age} år og dermed under 18 år.")));
    }
    if view.as_of >= pension {
        return Err(TrackBuilder::not_in_play(
            &p1a::table_on(view.as_of).meta,
            format!("Borgeren har nået folkepensionsalderen ({pension})."),
        ));
    }
    Ok(Some(age))
}

fn obvious(view: &View<'_>) -> bool {
    view.judgement(Criterion::KanIkkeForbedresAabenbart).is_true()
        || view.judgement(Criterion::AabenbartFormaalsloest).is_true()
}

fn foertidspension(view: &View<'_>) -> Track {
    let mut b = TrackBuilder::new();
    let age = match age_gate(view, &p16::ALDER_HOVEDREGEL, &mut b) {
        Ok(age) => age,
        Err(track) => return track,
    };
    b.require(view, &p16::VARIGT_NEDSAT, Criterion::ArbejdsevneVarigtNedsat, true);
    b.require(view, &p16::VAESENTLIGT_NEDSAT, Criterion::ArbejdsevneVaesentligtNedsat, true);

    // Documented or obviously not improvable: § 16, stk. 2 for 18–39, § 18, stk. 1 otherwise.
    let young = age.is_some_and(|a| a < p16::MAIN_RULE_AGE);
    let improve: &RuleMeta = if young {
        rule_on(&[&p16::UNGE_2013, &p16::UNGE_2018], view.as_of).unwrap_or(&p16::UNGE_2018)
    } else {
        rule_on(&[&p18::OVERGANG_2013, &p18::OVERGANG_2018], view.as_of).unwrap_or(&p18::OVERGANG_2018)
    };
    if young {
        b.note(improve, "Borgeren er under 40 år: førtidspension kræver, at det er dokumenteret eller helt åbenbart, at arbejdsevnen ikke kan forbedres.");
    }
    let criteria = [
        Criterion::KanIkkeForbedresDokumenteret,
        Criterion::KanIkkeForbedresAabenbart,
        Criterion::AabenbartFormaalsloest,
    ];
    let states: Vec<(Criterion, JudgementState<'_>)> = criteria.iter().map(|c| (*c, view.judgement(*c))).collect();
    if let Some((c, _)) = states.iter().find(|(_, s)| s.is_true()) {
        b.judged(improve, *c, view.judgement(*c));
        psychiatric_evidence(view, *c, &mut b);
        if young && age == Some(p16::MINIMUM_AGE) && obvious(view) {
            b.note(&ast::A68_14, "Det kan være åbenbart formålsløst at udvikle arbejdsevnen allerede fra 18-årsdagen, når tilstanden er grundigt udredt (68-14).");
        }
    } else if states.iter().all(|(_, s)| matches!(s, JudgementState::Missing)) {
        b.need_judgement(improve, "Der mangler en faglig vurdering af, om det er dokumenteret eller helt åbenbart, at arbejdsevnen ikke kan forbedres (kan_ikke_forbedres_dokumenteret / kan_ikke_forbedres_aabenbart).");
    } else {
        let mut relied = false;
        for (c, s) in &states {
            if !matches!(s, JudgementState::Missing | JudgementState::Valid(_)) {
                b.judged(improve, *c, *s);
                relied = true;
            }
        }
        if !relied {
            b.fail(improve, "Det er hverken dokumenteret eller helt åbenbart, at arbejdsevnen ikke kan forbedres.");
        }
    }

    // All relevant measures, incl. ressourceforløb, tried (PL § 20, stk. 1), unless obvious.
    if obvious(view) {
        b.note(&p19::DOKUMENTATION, "Det er vurderet åbenbart, at arbejdsevnen ikke kan forbedres: afprøvning af alle indsatser er ikke nødvendig, men sagen skal dokumentere, hvorfor det er åbenbart.");
    } else {
        b.require(view, &p20::ALLE_INDSATSER, Criterion::AlleRelevanteTilbudAfproevet, true);
        let tried = view.ressourceforloeb_count();
        if tried == 0 {
            if p18::OVERGANG_2013.in_force_on(view.as_of) {
                if ast::A92_16.in_force_on(view.as_of) {
                    b.note(&ast::A92_16, "Borgere med en væsentlig begrænsning i arbejdsevnen skal have et ressourceforløb, hvis det ikke på forhånd kan anses for åbenbart formålsløst.");
                }
                match view.judgement(Criterion::AabenbartFormaalsloest) {
                    JudgementState::Valid(j) if !j.value => b.fail(
                        &p18::OVERGANG_2013,
                        "Borgeren har ikke deltaget i et ressourceforløb, og det er ikke åbenbart formålsløst. Ressourceforløb skal som udgangspunkt være afprøvet.",
                    ),
                    state => {
                        b.judged(&p18::OVERGANG_2013, Criterion::AabenbartFormaalsloest, state);
                    }
                }
            } else {
                // L 193: only *relevant* measures; a ressourceforløb is relevant with an
                // udviklingsperspektiv.
                match view.judgement(Criterion::Udviklingsperspektiv) {
                    JudgementState::Valid(j) if j.value => b.fail(
                        &p18::OVERGANG_2018,
                        "Borgeren har et udviklingsperspektiv, og et ressourceforløb er ikke afprøvet.",
                    ),
                    JudgementState::Valid(_) => b.note(
                        &p18::OVERGANG_2018,
                        "Borgeren har ikke et udviklingsperspektiv; et ressourceforløb er derfor ikke en relevant indsats, der skal være afprøvet.",
                    ),
                    state => {
                        b.judged(&p18::OVERGANG_2018, Criterion::Udviklingsperspektiv, state);
                    }
                }
            }
        } else if young && tried < 2 {
            b.note(
                &p68a::ALDERSPLIGT,
                "Borgere på 18-39 år har pligt til at deltage i flere ressourceforløb, hvis de er i målgruppen.",
            );
        }
    }

    if let Some(test) = view.newest_document(DocumentKind::Arbejdsproevning) {
        if test.findings.weeks.is_some_and(|w| w <= 4.0) && !obvious(view) {
            b.note(&praksis::PRAKSIS_FP_2015, "Den seneste afklaring varede højst 4 uger; Ankestyrelsen har fundet 4 uger for kort til at afklare arbejdsevnen.");
        }
    }
    if b.status() == Status::Opfyldt && view.facts.pension_transitions.is_empty() {
        b.note(&rsl::HELHEDSVURDERING, "Betingelserne ser ud til at være opfyldt, men sagen er ikke overgået til behandling efter reglerne om førtidspension. Efter RSL § 5 skal sagen påbegyndes (jf. P-14-08).");
        b.note(&ast::P14_08, "Der er ingen frist for at påbegynde sagen, men når materialet viser, at betingelserne er opfyldt, skal den påbegyndes.");
    }
    b.finish()
}

fn seniorfoertidspension(view: &View<'_>) -> Track {
    let meta = &p17::SENIORFOERTIDSPENSION;
    if view.as_of < meta.in_force.from {
        return TrackBuilder::not_in_play(meta, "Seniorførtidspension gælder først fra 1. januar 2014.");
    }
    let application = view.latest_application(ApplicationKind::Seniorfoertidspension);
    // From 2020 only an application made while the scheme existed is still decided under it.
    let transitional = !meta.in_force_on(view.as_of);
    if transitional && !application.is_some_and(|a| meta.in_force_on(a.at)) {
        return seniorpension(view);
    }
    let mut b = TrackBuilder::new();
    let Some(pension) = view.folkepension_date() else {
        b.need_evidence(
            meta,
            "Borgerens fødselsdato kendes ikke, så afstanden til folkepensionsalderen kan ikke beregnes.",
        );
        return b.finish();
    };
    let window = p17::SENIOR_VINDUE[0].value;
    let opens = window.before(pension);
    let reference = application.map_or(view.as_of, |a| a.at);
    if view.as_of >= pension {
        return TrackBuilder::not_in_play(
            &p1a::table_on(view.as_of).meta,
            format!("Borgeren har nået folkepensionsalderen ({pension})."),
        );
    }
    if reference < opens {
        return TrackBuilder::not_in_play(
            &p17::SENIOR_VINDUE[0].meta,
            format!("Borgeren har mere end {} til folkepensionsalderen ({pension}); seniorførtidspension kan søges fra {opens}.", window.danish()),
        );
    }
    let Some(application) = application else {
        return TrackBuilder::not_in_play(
            &praksis::SENIOR_VEJLEDNING,
            format!("Borgeren har højst {} til folkepensionsalderen ({pension}) og kan søge seniorførtidspension. Vejled borgeren om muligheden.", window.danish()),
        );
    };
    if transitional {
        b.note(
            &p26a::SENIORPENSION,
            format!("Ansøgningen er indgivet {}, før seniorpension afløste seniorførtidspension 1. januar 2020, og behandles efter de hidtidige regler.", application.at),
        );
    }
    b.note(
        meta,
        format!(
            "Borgeren søgte {} og havde højst {} til folkepensionsalderen ({pension}).",
            application.at,
            window.danish()
        ),
    );
    let years_rule = &p17::SENIOR_ARBEJDSAAR[0];
    match application.years_full_time_work {
        None => {
            b.need_evidence(&years_rule.meta, "Det er ikke oplyst, hvor mange års arbejde på fuld tid borgeren har.")
        }
        Some(y) if y < f64::from(years_rule.value) => b.fail(
            &years_rule.meta,
            format!("Borgeren har {y} års arbejde på fuld tid; hovedreglen er {} år.", years_rule.value),
        ),
        Some(y) => b.note(
            &years_rule.meta,
            format!("Borgeren har {y} års arbejde på fuld tid (hovedregel: {} år).", years_rule.value),
        ),
    }
    match application.current_attachment {
        None => b.need_evidence(meta, "Borgerens aktuelle tilknytning til arbejdsmarkedet er ikke oplyst."),
        Some(Attachment::KontanthjaelpLaenge) => b.fail(meta, "Borgeren har modtaget kontanthjælp i længere tid alene på grund af ledighed og har ikke aktuel tilknytning."),
        Some(Attachment::KontanthjaelpKort) => b.note(meta, "En kortvarig periode på kontanthjælp kan accepteres efter kommunens konkrete vurdering."),
        Some(_) => b.note(meta, "Borgeren kommer direkte fra beskæftigelse eller sygedagpenge eller har haft et helbredsbetinget arbejdsophør."),
    }
    b.require(view, meta, Criterion::ArbejdsevneVarigtNedsat, true);
    b.require(view, meta, Criterion::ArbejdsevneVaesentligtNedsat, true);
    b.note(meta, "Ansøgeren skal ikke igennem beskæftigelsesrettede tilbud for at udvikle arbejdsevnen.");
    b.finish()
}

/// From 2020 the seniorfoertidspension track says that seniorpension replaced the scheme, and
/// when the citizen can apply for it. Its other conditions (years of employment, capacity of at
/// most 15 hours a week in the latest job) have no facts in the journal and are not judged.
fn seniorpension(view: &View<'_>) -> Track {
    let meta = &p26a::SENIORPENSION;
    let replaced = "Seniorførtidspension er afløst af seniorpension fra 1. januar 2020.";
    let Some(pension) = view.folkepension_date() else {
        return TrackBuilder::not_in_play(
            meta,
            format!("{replaced} Borgerens fødselsdato kendes ikke, så afstanden til folkepensionsalderen kan ikke beregnes."),
        );
    };
    if view.as_of >= pension {
        return TrackBuilder::not_in_play(
            &p1a::table_on(view.as_of).meta,
            format!("Borgeren har nået folkepensionsalderen ({pension})."),
        );
    }
    let window = &p26a::SENIORPENSION_VINDUE[0];
    let opens = window.value.before(pension);
    if view.as_of < opens {
        return TrackBuilder::not_in_play(
            &window.meta,
            format!("{replaced} Borgeren har mere end {} til folkepensionsalderen ({pension}); seniorpension kan søges fra {opens}.", window.value.danish()),
        );
    }
    TrackBuilder::not_in_play(
        &praksis::SENIORPENSION_VEJLEDNING,
        format!("{replaced} Borgeren har højst {} til folkepensionsalderen ({pension}) og kan søge seniorpension. Betingelserne om 20–25 års beskæftigelse og en arbejdsevne, der varigt er nedsat til højst 15 timer om ugen i forhold til seneste job, vurderes ikke her. Vejled borgeren om muligheden.", window.value.danish()),
    )
}

fn fleksjob(view: &View<'_>, foertidspension: &Track) -> Track {
    let mut b = TrackBuilder::new();
    if let Err(track) = age_gate(view, &p69_70::MAALGRUPPE, &mut b) {
        return track;
    }
    b.require(view, &p69_70::MAALGRUPPE, Criterion::ArbejdsevneVarigtNedsat, true);
    b.require(view, &p69_70::MAALGRUPPE, Criterion::ArbejdsevneVaesentligtNedsat, true);
    b.require(view, &p69_70::MAALGRUPPE, Criterion::KanIkkeArbejdePaaOrdinaereVilkaar, true);
    if foertidspension.status == Status::Opfyldt {
        b.fail(&p69_70::MAALGRUPPE, "Betingelserne for førtidspension er opfyldt; arbejdsevnen er så nedsat, at borgeren ikke er i målgruppen for fleksjob.");
    }
    let few =
        b.judged(&p69_70::FAA_TIMER, Criterion::KanArbejdeFaaTimer, view.judgement(Criterion::KanArbejdeFaaTimer));
    if few == Some(true) {
        b.require(view, &p69_70::FAA_TIMER, Criterion::UdviklingIndenForRimeligPeriode, true);
        b.note(&ast::A25_14, "Fleksjob på få timer (fx 40 minutter eller 2 timer om ugen) kan bevilges, når arbejdsevnen kan udvikles i jobbet.");
        if praksis::PRAKSIS_FLEKSJOB_2016.in_force_on(view.as_of) {
            b.note(&praksis::PRAKSIS_FLEKSJOB_2016, "Det er en væsentlig betingelse for fleksjob på få timer, at der er udviklingsmuligheder for arbejdsevnen.");
        }
    }
    if view.judgement(Criterion::AabenbartFormaalsloest).is_true() {
        b.note(&p69_70::AFPROEVET, "Det er åbenbart formålsløst at afprøve flere tilbud før visitationen.");
    } else {
        b.require(view, &p69_70::AFPROEVET, Criterion::AlleRelevanteTilbudAfproevet, true);
        if view.ressourceforloeb_count() == 0 {
            if few == Some(true) {
                match view.judgement(Criterion::AfklaretUddannelseBeskaeftigelse) {
                    JudgementState::Valid(j) if j.value => b.note(&ast::A24_14, "Arbejdsevnen er i høj grad afklaret med et konkret beskæftigelsesmål: fleksjob på få timer kan anvendes frem for ressourceforløb."),
                    JudgementState::Valid(_) => b.fail(&ast::A24_14, "Ressourceforløb er ikke afprøvet, og borgeren er ikke afklaret i forhold til uddannelse og beskæftigelse."),
                    state => {
                        b.judged(&ast::A24_14, Criterion::AfklaretUddannelseBeskaeftigelse, state);
                    }
                }
            } else if few == Some(false) {
                b.fail(&ast::A24_14, "Fleksjob kræver, at alle relevante tilbud, herunder ressourceforløb, er afprøvet; der er ikke afprøvet et ressourceforløb.");
            } else {
                b.note(&ast::A24_14, "Der er ikke afprøvet et ressourceforløb; det kræves, medmindre borgeren kun kan arbejde få timer og er afklaret med et konkret beskæftigelsesmål.");
            }
        }
    }
    b.finish()
}

fn ressourceforloeb(view: &View<'_>) -> Track {
    let mut b = TrackBuilder::new();
    if let Err(track) = age_gate(view, &p68a::MAALGRUPPE, &mut b) {
        return track;
    }
    let complex = b.require(view, &p68a::MAALGRUPPE, Criterion::KomplekseProblemer, true);
    if complex == Some(true) && ast::A42_17.in_force_on(view.as_of) {
        b.note(
            &ast::A42_17,
            "Borgeren behøver ikke have både helbredsmæssige, beskæftigelsesmæssige og sociale problemer.",
        );
    }
    b.require(view, &p68a::MAALGRUPPE, Criterion::LaengerevarendeOffentligForsoergelse, true);
    let offers = view.judgement(Criterion::TilbudUdenOegetTilknytning);
    let longer = view.judgement(Criterion::BehovForLaengerevarendeIndsats);
    if offers.is_true() {
        b.judged(&p68a::MAALGRUPPE, Criterion::TilbudUdenOegetTilknytning, offers);
    } else if longer.is_true() {
        b.judged(&p68a::MAALGRUPPE, Criterion::BehovForLaengerevarendeIndsats, longer);
    } else if matches!(offers, JudgementState::Missing) && matches!(longer, JudgementState::Missing) {
        b.need_judgement(&p68a::MAALGRUPPE, "Der mangler en faglig vurdering af, om borgeren har deltaget i tilbud uden at øge tilknytningen til arbejdsmarkedet, eller om der er behov for en længerevarende indsats (tilbud_uden_oeget_tilknytning / behov_for_laengerevarende_indsats).");
    } else if offers.value().is_some() && longer.value().is_some() {
        b.fail(
            &p68a::MAALGRUPPE,
            "Borgeren har hverken deltaget i tilbud uden øget tilknytning, eller behov for en længerevarende indsats.",
        );
    } else {
        for (c, s) in
            [(Criterion::TilbudUdenOegetTilknytning, offers), (Criterion::BehovForLaengerevarendeIndsats, longer)]
        {
            if s.value().is_none() {
                b.judged(&p68a::MAALGRUPPE, c, s);
            }
        }
    }
    match p68a::relevans_on(view.as_of) {
        Some(meta) if meta == &p68a::RELEVANS_2013 => {
            if obvious(view) {
                b.fail(
                    meta,
                    "Det er vurderet åbenbart formålsløst at forsøge at udvikle arbejdsevnen i et ressourceforløb.",
                );
            } else if ast::A92_16.in_force_on(view.as_of) {
                b.note(&ast::A92_16, "Borgeren skal have et ressourceforløb, hvis det ikke på forhånd kan anses for åbenbart formålsløst at forsøge at udvikle arbejdsevnen (92-16).");
            }
        }
        Some(meta) => {
            let not_improvable = view.judgement(Criterion::KanIkkeForbedresDokumenteret).is_true() || obvious(view);
            if not_improvable {
                b.fail(meta, "Det er dokumenteret eller helt åbenbart, at arbejdsevnen ikke kan forbedres; et ressourceforløb skal ikke iværksættes.");
            }
            b.require(view, meta, Criterion::Udviklingsperspektiv, true);
        }
        None => {}
    }
    if b.status() == Status::Opfyldt {
        let ended = view
            .facts
            .measures
            .iter()
            .any(|m| m.kind == crate::facts::MeasureKind::Ressourceforloeb && m.end.is_some());
        if ended && ast::A42_17.in_force_on(view.as_of) {
            b.note(&ast::A42_17, "Et ressourceforløb er afsluttet; borgeren skal tilbydes et nyt, hvis en tværfaglig indsats fortsat er nødvendig.");
        }
        if ast::A1_15.in_force_on(view.as_of) {
            b.note(&ast::A1_15, "Når betingelserne er opfyldt, skal ressourceforløb bevilges, selv om kommunen finder en anden indsats tilstrækkelig.");
        }
    }
    b.finish()
}

/// Ankestyrelsen's 2015 practice study: where the health evidence is psychiatric, a conclusion
/// that capacity cannot be improved needs a psychiatric specialist examination and a function
/// description (an interpretation, labelled as such).
fn psychiatric_evidence(view: &View<'_>, criterion: Criterion, b: &mut TrackBuilder) {
    let meta = &praksis::PRAKSIS_FP_2015;
    if !meta.in_force_on(view.as_of) {
        return;
    }
    let JudgementState::Valid(j) = view.judgement(criterion) else { return };
    let basis: Vec<_> = view.facts.documents.iter().filter(|d| j.basis.contains(&d.id)).collect();
    let psychiatric = basis.iter().any(|d| d.findings.diagnosis_group == Some(crate::facts::DiagnosisGroup::Psykisk));
    if !psychiatric {
        return;
    }
    let specialist = basis.iter().any(|d| d.kind == DocumentKind::Speciallaege);
    let function = basis.iter().any(|d| d.kind == DocumentKind::Funktionsevnebeskrivelse);
    if !specialist || !function {
        b.need_evidence(meta, "Vurderingen bygger på psykiatriske helbredsoplysninger uden både en psykiatrisk speciallægeundersøgelse og en funktionsbeskrivelse; Ankestyrelsen har krævet begge (praksisundersøgelse 2015).");
    }
}
