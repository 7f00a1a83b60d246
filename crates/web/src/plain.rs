//! Texts for citizens: "Min plan" and the decision letter, in words a citizen without an academic
//! education understands. No legal citations unless they are explained.

use crate::date_da;
use crate::index::BOOKED_MEETING_FIELD;
use assess::{Assessment, DeadlineState};
use chrono::NaiveDate;
use journal::{Afgoerelse, AfgoerelseOutcome, CaseState, DokumentKind, Event, EventBody, IndstillingOutcome, Phase};
use serde::Serialize;
use utoipa::ToSchema;

/// The citizen's own view of their case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MinPlan {
    pub case: String,
    /// What the course is aiming at.
    pub goal: String,
    /// Where the case is now.
    pub where_now: String,
    /// What happens next, most important first.
    pub next_steps: Vec<String>,
    /// What the case is waiting for, and until when.
    pub waiting_for: Vec<Waiting>,
    /// A booked meeting with the rehabilitation team.
    pub meeting: Option<String>,
    pub contact: Contact,
    pub documents: Vec<PlainDocument>,
    pub decisions: Vec<PlainDecision>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Waiting {
    pub what: String,
    /// "Senest …", when there is a date.
    pub until: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Contact {
    /// The caseworker's name; null when no user has the caseworker's actor id (the citizen is
    /// never shown an internal id).
    pub caseworker: Option<String>,
    pub unit: Option<String>,
    pub since: Option<String>,
    pub how: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlainDocument {
    pub what: String,
    pub dated: String,
    pub from: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlainDecision {
    pub id: String,
    pub at: String,
    pub what: String,
    pub appeal: String,
}

/// How to appeal, in plain words (RSL § 67: four weeks; the municipality looks at it again first).
pub const APPEAL_PLAIN: &str =
    "Er du uenig, kan du klage. Du skal klage inden 4 uger efter, at du har fået afgørelsen. \
Du kan skrive eller ringe til kommunen. Kommunen ser på sagen igen. Får du ikke ret, sender kommunen din klage videre \
til Ankestyrelsen, som afgør den. Det koster ikke noget at klage, og du må gerne få hjælp af en bisidder.";

fn document_plain(kind: DokumentKind) -> &'static str {
    match kind {
        DokumentKind::ForberedendeDel => "Første del af din rehabiliteringsplan (den I har skrevet sammen)",
        DokumentKind::Lae265 => "Attest fra din egen læge",
        DokumentKind::KliniskFunktion => "Udtalelse fra regionens læger (klinisk funktion)",
        DokumentKind::Sundhedskoordinator => "Udtalelse fra regionens sundhedskoordinator",
        DokumentKind::Speciallaege => "Erklæring fra en speciallæge",
        DokumentKind::Laegekonsulent => "Udtalelse fra kommunens lægekonsulent",
        DokumentKind::Statusattest => "Statusattest fra din læge",
        DokumentKind::Arbejdsproevning => "Beskrivelse af en arbejdsprøvning",
        DokumentKind::Leverandoerrapport => "Rapport fra et forløb, du har været i",
        DokumentKind::Funktionsevnebeskrivelse => "Beskrivelse af, hvad du kan i hverdagen",
        DokumentKind::Ressourceprofil => "Din ressourceprofil",
        DokumentKind::Partshoeringssvar => "Dit svar på vores brev (partshøring)",
        DokumentKind::Andet => "Andet dokument",
    }
}

fn decision_plain(outcome: AfgoerelseOutcome) -> &'static str {
    match outcome {
        AfgoerelseOutcome::TilkendtFoertidspension => "Du har fået førtidspension.",
        AfgoerelseOutcome::AfslagFoertidspension => "Du har fået afslag på førtidspension.",
        AfgoerelseOutcome::TilkendtSeniorfoertidspension => "Du har fået seniorførtidspension.",
        AfgoerelseOutcome::AfslagSeniorfoertidspension => "Du har fået afslag på seniorførtidspension.",
        AfgoerelseOutcome::BevilgetFleksjob => "Du kan få fleksjob: et job med færre timer eller lettere opgaver, hvor kommunen betaler en del af lønnen.",
        AfgoerelseOutcome::AfslagFleksjob => "Du har fået afslag på fleksjob.",
        AfgoerelseOutcome::BevilgetRessourceforloeb => "Du skal i ressourceforløb: et forløb på 1 til 5 år, hvor du får hjælp til at komme tættere på arbejde eller uddannelse.",
        AfgoerelseOutcome::AfslagRessourceforloeb => "Du har fået afslag på ressourceforløb.",
        AfgoerelseOutcome::AndenIndsats => "Kommunen har besluttet, at du skal have en anden form for hjælp.",
    }
}

fn where_now(phase: Phase) -> &'static str {
    match phase {
        Phase::Aaben => "Vi er ved at samle oplysninger om dig og dit helbred, så vi sammen kan finde ud af, hvilken hjælp der passer til dig.",
        Phase::ForelagtRehabiliteringsteam => "Din sag er sendt til rehabiliteringsteamet. Det er en gruppe fagfolk, som sammen med dig ser på, hvad der kan hjælpe dig. Du bliver inviteret til et møde.",
        Phase::Behandlet => "Du har været til møde med rehabiliteringsteamet. Teamet skriver nu sit forslag til, hvad der skal ske.",
        Phase::Indstillet => "Rehabiliteringsteamet har givet sit forslag. Du får forslaget at se og kan sige din mening, før kommunen beslutter.",
        Phase::PensionsSag => "Kommunen er ved at tage stilling til, om du kan få førtidspension.",
        Phase::Afgjort => "Kommunen har truffet en afgørelse i din sag. Du kan se den herunder.",
        Phase::Paaklaget => "Du har klaget over afgørelsen. Ankestyrelsen behandler nu din klage.",
    }
}

fn missing_plain(what: &str) -> Option<&'static str> {
    Some(match what {
        "forberedende_del" => "Du og din sagsbehandler skal sammen skrive første del af din rehabiliteringsplan. Den beskriver din situation med dine egne ord.",
        "lae265" => "Vi skal have en attest fra din egen læge. Vi beder selv lægen om den. Du skal ikke gøre noget, men du må gerne bestille en tid hos lægen, hvis lægen beder om det.",
        "helbredsoplysninger" | "nye_helbredsoplysninger" => "Vi skal have nye oplysninger om dit helbred, fordi dem vi har, er for gamle. Vi kontakter din læge.",
        "klinisk_funktion" => "Vi skal have en vurdering fra regionens læger (klinisk funktion).",
        "sundhedskoordinator" => "Vi skal have en udtalelse fra regionens sundhedskoordinator, som er læge.",
        "eksisterende_materiale" => "Vi samler de oplysninger, der allerede findes om dig fra læger og sygehuse. Du skal ikke til nye undersøgelser.",
        "oplysninger_efter_udsaettelse" => "Rehabiliteringsteamet har bedt om flere oplysninger. Når vi har dem, ser teamet på din sag igen.",
        what if what.starts_with("indstilling.") => "Rehabiliteringsteamets forslag er ikke helt færdigt. Teamet skal skrive mere, før kommunen kan beslutte.",
        _ => return None,
    })
}

fn deadline_plain(rule: &str) -> Option<&'static str> {
    let plain = if rule.starts_with("pl.21") {
        "Kommunen skal træffe afgørelse om førtidspension"
    } else if rule.starts_with("rsl.7a") {
        "Vi skal sammen med dig beslutte, hvad der skal ske, når din nuværende indsats slutter"
    } else if rule.starts_with("lab.kontaktforloeb") || rule.starts_with("sdl.opfoelgning") || rule.contains("samtale")
    {
        "Du skal have en samtale med din sagsbehandler"
    } else if rule.starts_with("ast.39-17") {
        "Kommunen skal begynde at behandle din sag om førtidspension"
    } else {
        return None;
    };
    Some(plain)
}

/// Builds "Min plan" for a case as of `today`.
pub fn min_plan(events: &[Event], state: &CaseState, a: &Assessment, today: NaiveDate) -> MinPlan {
    let rec = state.latest_recommendation();
    let goal = rec
        .and_then(|r| r.goal.clone())
        .or_else(|| {
            rec.map(|r| match r.outcome {
                IndstillingOutcome::Foertidspension => "Rehabiliteringsteamet foreslår førtidspension. Kommunen tager nu stilling.".into(),
                IndstillingOutcome::Fleksjob => "Målet er et fleksjob: et job med færre timer eller lettere opgaver, der passer til dit helbred.".into(),
                IndstillingOutcome::Ressourceforloeb => "Målet er, at du kommer tættere på arbejde eller uddannelse gennem et ressourceforløb.".into(),
                IndstillingOutcome::Revalidering => "Målet er, at du gennem revalidering kan komme tilbage til arbejde.".into(),
                IndstillingOutcome::AndenIndsats => "Målet er, at du får den hjælp, der passer til dig, så du kan komme tættere på arbejde.".into(),
                IndstillingOutcome::Udsaettelse => "Vi skal have flere oplysninger, før vi kan sætte et mål sammen med dig.".into(),
            })
        })
        .unwrap_or_else(|| "At finde ud af sammen med dig, hvad du kan, og hvilken hjælp der kan bringe dig tættere på arbejde eller uddannelse – eller om du skal have fleksjob eller førtidspension.".into());
    let mut next_steps = Vec::new();
    let mut waiting_for = Vec::new();
    let mut seen = Vec::new();
    for m in &a.missing {
        if let Some(text) = missing_plain(m.what) {
            if !seen.contains(&text) {
                seen.push(text);
                next_steps.push(text.to_owned());
            }
        }
    }
    for d in a.deadlines.iter().filter(|d| d.state == DeadlineState::Aaben) {
        if let Some(text) = deadline_plain(d.rule) {
            waiting_for.push(Waiting { what: text.into(), until: Some(format!("senest {}", date_da(d.due))) });
        }
    }
    let overdue = a
        .deadlines
        .iter()
        .filter(|d| d.state == DeadlineState::Overskredet)
        .filter_map(|d| deadline_plain(d.rule))
        .next();
    if let Some(text) = overdue {
        waiting_for.push(Waiting {
            what: format!(
                "{text}. Fristen er overskredet – du har ret til at spørge din sagsbehandler, hvornår det sker."
            ),
            until: None,
        });
    }
    for m in state.measures.iter().filter(|m| m.ended.is_none()) {
        let end = m.planned_end.map(|e| format!(" til {}", date_da(e))).unwrap_or_default();
        next_steps.push(format!("Du er i gang med {}{end}.", m.kind));
    }
    let to_team = a.route.value == assess::RouteValue::Kraeves && state.phase() == Phase::Aaben && a.missing.is_empty();
    if to_team && state.recommendations.is_empty() {
        next_steps.insert(
            0,
            "Din sag er klar til at blive sendt til rehabiliteringsteamet. Din sagsbehandler aftaler det med dig."
                .into(),
        );
    }
    if next_steps.is_empty() {
        next_steps.push(match state.phase() {
            Phase::Afgjort => "Der er ikke flere skridt i denne sag lige nu.".into(),
            _ => "Din sagsbehandler aftaler næste skridt med dig ved jeres næste samtale.".into(),
        });
    }
    let meeting = state.team_submissions.last().and_then(|s| {
        events
            .iter()
            .filter(|e| e.date() >= s.at && matches!(e.body, EventBody::Note { .. }))
            .rev()
            .find_map(|e| e.extra_field(BOOKED_MEETING_FIELD)?.as_str().and_then(journal::parse_date))
            .filter(|d| *d >= today && matches!(state.phase(), Phase::ForelagtRehabiliteringsteam))
            .map(|d| format!("Du skal til møde med rehabiliteringsteamet {}. Du får et brev med tid og sted. Du må gerne tage en bisidder med.", date_da(d)))
    });
    let assignment = state.current_assignment();
    MinPlan {
        case: state.case.to_string(),
        goal,
        where_now: where_now(state.phase()).into(),
        next_steps,
        waiting_for,
        meeting,
        contact: Contact {
            caseworker: assignment.map(|a| a.caseworker.clone()),
            unit: assignment.map(|a| a.unit.clone()),
            since: assignment.map(|a| date_da(a.at)),
            how: format!("Skriv til jobcentret i Digital Post, eller ring. Sig, at det handler om sag {}.", state.case),
        },
        documents: state
            .documents
            .iter()
            .rev()
            .map(|d| PlainDocument {
                what: document_plain(d.kind).into(),
                dated: date_da(d.issued),
                from: d.author.clone(),
            })
            .collect(),
        decisions: state
            .decisions
            .iter()
            .rev()
            .map(|d| PlainDecision {
                id: d.id.clone(),
                at: date_da(d.at),
                what: decision_plain(d.decision.outcome).into(),
                appeal: APPEAL_PLAIN.into(),
            })
            .collect(),
    }
}

/// A decision letter, section by section.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Letter {
    pub case: String,
    pub date: String,
    pub heading: String,
    pub decision: String,
    pub reasons: String,
    pub main_considerations: Option<String>,
    pub work_functions: Vec<String>,
    pub legal_basis: Vec<String>,
    pub legal_basis_explained: String,
    pub appeal: String,
    pub access: String,
    pub sender: String,
}

/// Writes the letter for a decision (sent or draft).
pub fn letter(case: &str, at: NaiveDate, decision: &Afgoerelse, sender: &str) -> Letter {
    let outcome = decision.outcome;
    let refusal = crate::views::is_refusal(outcome);
    Letter {
        case: case.into(),
        date: date_da(at),
        heading: format!("Afgørelse: {}", outcome.label_da().to_lowercase()),
        decision: decision_plain(outcome).into(),
        reasons: decision.reasons.clone().unwrap_or_default(),
        main_considerations: decision.main_considerations.clone(),
        work_functions: if refusal { decision.work_functions.clone().unwrap_or_default() } else { Vec::new() },
        legal_basis: decision.legal_basis.clone().unwrap_or_default(),
        legal_basis_explained: "Afgørelsen er truffet efter de regler, der står ovenfor. \"PL\" er lov om social pension, \"LAB\" er lov om en aktiv beskæftigelsesindsats, og \"RSL\" er retssikkerhedsloven. Du kan læse lovene på retsinformation.dk, eller bede os forklare dem.".into(),
        appeal: APPEAL_PLAIN.into(),
        access: "Du har ret til at se alle oplysninger i din sag (aktindsigt). Skriv til os, hvis du vil se dem.".into(),
        sender: format!("Med venlig hilsen\n{sender}\nJobcentret"),
    }
}
