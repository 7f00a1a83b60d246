//! One journal event: the common fields every event has, and the typed body of each event type.

use crate::ids::{At, CaseId, Cpr, Kommunekode};
use crate::vocabulary::*;
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// One line of the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The case (one citizen's course in one municipality).
    pub case: CaseId,
    /// When it happened in the world.
    pub at: At,
    /// Who did it: `borger` or an actor id such as `sb:anna`.
    pub by: Option<String>,
    /// The id later events can point at.
    pub id: Option<String>,
    /// The type-specific content.
    pub body: EventBody,
    /// Fields the spec does not name, kept in their order and written back unchanged.
    pub extra: Map<String, Value>,
}

impl Event {
    /// The event's type.
    pub fn event_type(&self) -> EventType {
        self.body.event_type()
    }

    /// The calendar date of `at`.
    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }

    /// An extension field (one the spec does not name) by its key.
    pub fn extra_field(&self, key: &str) -> Option<&Value> {
        self.extra.get(key)
    }
}

/// Findings recorded on a document (`dokument.findings`); all optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub treatment_exhausted: Option<bool>,
    pub stationary: Option<bool>,
    pub progressive: Option<bool>,
    pub primary_diagnosis: Option<String>,
    pub diagnosis_group: Option<DiagnosisGroup>,
    pub hours_per_week: Option<f64>,
    pub weeks: Option<f64>,
    pub function_level: Option<FunctionLevel>,
    pub contradictory: Option<bool>,
    /// Findings the spec does not name, kept as given.
    pub extra: Map<String, Value>,
}

/// The factors the rehabilitation team weighed (`indstilling.weighted`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weighted {
    pub beskaeftigelse: Option<String>,
    pub social: Option<String>,
    pub helbred: Option<String>,
    /// Other keys, kept as given.
    pub extra: Map<String, Value>,
}

/// A decision (`afgoerelse`), also the shape of a draft decision checked before it is sent.
/// Content fields are optional here: their absence is a legal defect the rulebook reports,
/// not a format error.
#[derive(Debug, Clone, PartialEq)]
pub struct Afgoerelse {
    pub outcome: AfgoerelseOutcome,
    pub legal_basis: Option<Vec<String>>,
    pub reasons: Option<String>,
    pub work_functions: Option<Vec<String>>,
    pub main_considerations: Option<String>,
    pub klagevejledning: Option<bool>,
}

/// The type-specific content of an event, one variant per `type` of the spec.
#[derive(Debug, Clone, PartialEq)]
pub enum EventBody {
    Borger {
        birth_date: NaiveDate,
        municipality: Kommunekode,
        sex: Option<Sex>,
        cpr: Option<Cpr>,
    },
    YdelseStart {
        ydelse: Ydelse,
    },
    YdelseSlut {
        ydelse: Ydelse,
    },
    Tildelt {
        sagsbehandler: String,
        enhed: String,
    },
    Samtale {
        kind: String,
    },
    Dokument {
        kind: DokumentKind,
        issued: NaiveDate,
        author: Option<String>,
        findings: Option<Findings>,
    },
    IndsatsStart {
        kind: String,
        hours_per_week: Option<f64>,
        planned_end: Option<NaiveDate>,
        skaanehensyn_beskrevet: Option<bool>,
    },
    IndsatsSlut {
        kind: Option<String>,
    },
    Vurdering {
        criterion: Criterion,
        value: bool,
        basis: Vec<String>,
        text: Option<String>,
    },
    Ansoegning {
        kind: AnsoegningKind,
        years_full_time_work: Option<f64>,
        current_attachment: Option<CurrentAttachment>,
    },
    ForelagtRehabiliteringsteam {
        genforelaeggelse: Option<bool>,
    },
    Rehabiliteringsmoede {
        attendees: Vec<String>,
    },
    Indstilling {
        outcome: IndstillingOutcome,
        weighted: Option<Weighted>,
        work_functions: Option<Vec<String>>,
        goal: Option<String>,
        indsatser: Option<Vec<Value>>,
        see_again: Option<bool>,
    },
    PartshoeringSendt {
        about: String,
    },
    OvergangFoertidspension {
        notified: bool,
    },
    MoedeTilbudt,
    Afgoerelse(Afgoerelse),
    Udsaettelsesbrev {
        expected_by: NaiveDate,
        reason: Option<String>,
    },
    Klage {
        about: String,
    },
    Ankestyrelsen {
        about: String,
        result: AnkeResult,
    },
    Note {
        text: String,
    },
}

impl EventBody {
    /// The `type` this body is written as.
    pub fn event_type(&self) -> EventType {
        match self {
            EventBody::Borger { .. } => EventType::Borger,
            EventBody::YdelseStart { .. } => EventType::YdelseStart,
            EventBody::YdelseSlut { .. } => EventType::YdelseSlut,
            EventBody::Tildelt { .. } => EventType::Tildelt,
            EventBody::Samtale { .. } => EventType::Samtale,
            EventBody::Dokument { .. } => EventType::Dokument,
            EventBody::IndsatsStart { .. } => EventType::IndsatsStart,
            EventBody::IndsatsSlut { .. } => EventType::IndsatsSlut,
            EventBody::Vurdering { .. } => EventType::Vurdering,
            EventBody::Ansoegning { .. } => EventType::Ansoegning,
            EventBody::ForelagtRehabiliteringsteam { .. } => EventType::ForelagtRehabiliteringsteam,
            EventBody::Rehabiliteringsmoede { .. } => EventType::Rehabiliteringsmoede,
            EventBody::Indstilling { .. } => EventType::Indstilling,
            EventBody::PartshoeringSendt { .. } => EventType::PartshoeringSendt,
            EventBody::OvergangFoertidspension { .. } => EventType::OvergangFoertidspension,
            EventBody::MoedeTilbudt => EventType::MoedeTilbudt,
            EventBody::Afgoerelse(_) => EventType::Afgoerelse,
            EventBody::Udsaettelsesbrev { .. } => EventType::Udsaettelsesbrev,
            EventBody::Klage { .. } => EventType::Klage,
            EventBody::Ankestyrelsen { .. } => EventType::Ankestyrelsen,
            EventBody::Note { .. } => EventType::Note,
        }
    }
}

impl EventType {
    /// Whether this type introduces something later events can point at (its `id` must be unique in the case).
    pub fn introduces_id(self) -> bool {
        matches!(self, EventType::Dokument | EventType::IndsatsStart | EventType::Indstilling | EventType::Afgoerelse)
    }

    /// Whether `id` is required on this type.
    pub fn requires_id(self) -> bool {
        matches!(
            self,
            EventType::Dokument
                | EventType::IndsatsStart
                | EventType::IndsatsSlut
                | EventType::Indstilling
                | EventType::Afgoerelse
        )
    }
}
