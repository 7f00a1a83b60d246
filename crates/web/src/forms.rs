//! The recording forms: one definition per kind (its fields with Danish labels, who may use it,
//! and how its values become a journal event). The same definitions serve the HTML form, its
//! validation and the API, and the journal's own parser has the last word on every event.

use chrono::NaiveDate;
use journal::{AnsoegningKind, CaseState, Criterion, CurrentAttachment, DiagnosisGroup, DokumentKind, FunctionLevel};
use serde::Serialize;
use serde_json::{json, Map, Value};
use store::accounts::Role;

/// Submitted form values, in order; a name can repeat (checkbox groups).
#[derive(Debug, Clone, Default)]
pub struct Values(pub Vec<(String, String)>);

impl Values {
    /// Parses an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> Self {
        Values(form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// The first non-empty value of a field, trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.trim()).find(|v| !v.is_empty())
    }

    /// Every non-empty value of a field.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty()).collect()
    }

    /// A textarea's non-empty lines.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.all(name)
            .into_iter()
            .flat_map(str::lines)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Values from a JSON object: a string or number is one value, a list is several, `true` is a
    /// ticked checkbox, `false` and `null` are left out.
    pub fn from_json(object: &serde_json::Map<String, Value>) -> Self {
        let mut out = Vec::new();
        for (key, value) in object {
            let mut push = |v: &Value| match v {
                Value::String(s) => out.push((key.clone(), s.clone())),
                Value::Number(n) => out.push((key.clone(), n.to_string())),
                Value::Bool(true) => out.push((key.clone(), "on".to_owned())),
                _ => {}
            };
            match value {
                Value::Array(items) => items.iter().for_each(&mut push),
                other => push(other),
            }
        }
        Values(out)
    }

    pub fn checked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// One input of a form, as the template renders it.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: String,
    pub label: String,
    /// `text`, `textarea`, `lines`, `date`, `number`, `checkbox`, `select`, `checkboxes`.
    pub kind: &'static str,
    pub required: bool,
    pub help: Option<String>,
    pub value: String,
    pub options: Vec<Choice>,
    pub error: Option<String>,
}

/// One option of a select or checkbox group.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn field(name: &str, label: &str, kind: &'static str) -> Field {
    Field {
        name: name.into(),
        label: label.into(),
        kind,
        required: false,
        help: None,
        value: String::new(),
        options: Vec::new(),
        error: None,
    }
}

impl Field {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }
    fn choices<'a>(mut self, choices: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        self.options = choices
            .into_iter()
            .map(|(value, label)| Choice { value: value.into(), label: label.into(), selected: false })
            .collect();
        self
    }
    fn owned_choices(mut self, choices: Vec<(String, String)>) -> Self {
        self.options = choices.into_iter().map(|(value, label)| Choice { value, label, selected: false }).collect();
        self
    }
}

/// What a form records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Samtale,
    Dokument,
    Indsats,
    IndsatsSlut,
    Vurdering,
    Ansoegning,
    Note,
    Forelaeg,
    Partshoering,
    Moedetilbud,
    Overgang,
    Udsaettelse,
    Tildel,
    Booking,
    Moede,
    Indstilling,
}

impl FormKind {
    pub const ALL: &'static [FormKind] = &[
        FormKind::Samtale,
        FormKind::Dokument,
        FormKind::Indsats,
        FormKind::IndsatsSlut,
        FormKind::Vurdering,
        FormKind::Ansoegning,
        FormKind::Note,
        FormKind::Forelaeg,
        FormKind::Partshoering,
        FormKind::Moedetilbud,
        FormKind::Overgang,
        FormKind::Udsaettelse,
        FormKind::Tildel,
        FormKind::Booking,
        FormKind::Moede,
        FormKind::Indstilling,
    ];

    /// The URL segment.
    pub fn slug(self) -> &'static str {
        match self {
            FormKind::Samtale => "samtale",
            FormKind::Dokument => "dokument",
            FormKind::Indsats => "indsats",
            FormKind::IndsatsSlut => "indsats-slut",
            FormKind::Vurdering => "vurdering",
            FormKind::Ansoegning => "ansoegning",
            FormKind::Note => "notat",
            FormKind::Forelaeg => "forelaeg",
            FormKind::Partshoering => "partshoering",
            FormKind::Moedetilbud => "moedetilbud",
            FormKind::Overgang => "overgang",
            FormKind::Udsaettelse => "udsaettelse",
            FormKind::Tildel => "tildel",
            FormKind::Booking => "booking",
            FormKind::Moede => "moede",
            FormKind::Indstilling => "indstilling",
        }
    }

    pub fn from_slug(slug: &str) -> Option<FormKind> {
        FormKind::ALL.iter().copied().find(|k| k.slug() == slug)
    }

    /// The form's heading.
    pub fn title(self) -> &'static str {
        match self {
            FormKind::Samtale => "Registrér samtale",
            FormKind::Dokument => "Registrér dokument",
            FormKind::Indsats => "Start indsats",
            FormKind::IndsatsSlut => "Afslut indsats",
            FormKind::Vurdering => "Registrér faglig vurdering",
            FormKind::Ansoegning => "Registrér ansøgning",
            FormKind::Note => "Skriv notat",
            FormKind::Forelaeg => "Forelæg sagen for rehabiliteringsteamet",
            FormKind::Partshoering => "Send partshøring",
            FormKind::Moedetilbud => "Tilbyd møde med den, der træffer afgørelsen",
            FormKind::Overgang => "Overgang til behandling efter pensionsreglerne",
            FormKind::Udsaettelse => "Send udsættelsesbrev",
            FormKind::Tildel => "Overdrag sagen til en anden sagsbehandler",
            FormKind::Booking => "Book rehabiliteringsmøde",
            FormKind::Moede => "Registrér rehabiliteringsmøde",
            FormKind::Indstilling => "Registrér indstilling",
        }
    }

    /// The event type it writes.
    pub fn event_type(self) -> &'static str {
        match self {
            FormKind::Samtale => "samtale",
            FormKind::Dokument => "dokument",
            FormKind::Indsats => "indsats_start",
            FormKind::IndsatsSlut => "indsats_slut",
            FormKind::Vurdering => "vurdering",
            FormKind::Ansoegning => "ansoegning",
            FormKind::Note | FormKind::Booking => "note",
            FormKind::Forelaeg => "forelagt_rehabiliteringsteam",
            FormKind::Partshoering => "partshoering_sendt",
            FormKind::Moedetilbud => "moede_tilbudt",
            FormKind::Overgang => "overgang_foertidspension",
            FormKind::Udsaettelse => "udsaettelsesbrev",
            FormKind::Tildel => "tildelt",
            FormKind::Moede => "rehabiliteringsmoede",
            FormKind::Indstilling => "indstilling",
        }
    }

    /// Whose form it is: the rehabilitation team's forms are the team's; the rest are the caseworker's.
    pub fn role(self) -> Role {
        match self {
            FormKind::Booking | FormKind::Moede | FormKind::Indstilling => Role::TeamMember,
            _ => Role::Caseworker,
        }
    }

    /// Who may use it: its own role, and for a handover also the unit's leader, who distributes cases.
    pub fn allowed_roles(self) -> &'static [Role] {
        match self {
            FormKind::Tildel => &[Role::Caseworker, Role::Leader],
            FormKind::Booking | FormKind::Moede | FormKind::Indstilling => &[Role::TeamMember],
            _ => &[Role::Caseworker],
        }
    }

    /// A short explanation above the form.
    pub fn intro(self) -> &'static str {
        match self {
            FormKind::Dokument => "Registrér et dokument, sagen har modtaget. Udstedelsesdatoen afgør, hvor gammel oplysningen er.",
            FormKind::Vurdering => "En faglig vurdering skal bygge på sagens dokumenter. Vælg dem, vurderingen hviler på.",
            FormKind::Forelaeg => "Sagen sendes til rehabiliteringsteamets sekretariat. Vælg genforelæggelse, hvis kommunen er uenig i teamets indstilling (LOU § 11, stk. 2).",
            FormKind::Booking => "Mødet skal bookes mindst 14 dage frem, så borgeren kan nå at forberede sig.",
            FormKind::Moede => "Teamet skal bestå af repræsentanter for beskæftigelse, sundhed og social samt regionens sundhedskoordinator. For borgere under 30 år uden erhvervskompetencegivende uddannelse deltager også uddannelsesområdet (UU) (BEK 996/2016).",
            FormKind::Indstilling => "Indstillingen skal have det indhold, bekendtgørelsen kræver for det valgte resultat. Mangler noget, siger formularen hvad.",
            FormKind::Moedetilbud => "Før en afgørelse om førtidspension skal borgeren tilbydes et møde med den, der træffer afgørelsen (PL § 20, stk. 3).",
            FormKind::Udsaettelse => "Kan sagen om førtidspension ikke afgøres inden 3 måneder, skal borgeren have besked om hvorfor, og hvornår afgørelsen forventes (PL § 21, stk. 1).",
            FormKind::Tildel => "Sagen skifter hænder. Hvert skift koster tid for borgeren, så skriv til den nye sagsbehandler, hvor sagen står. Ligger den nye sagsbehandler i en anden enhed, har du ikke længere adgang til sagen bagefter.",
            _ => "",
        }
    }

    /// The fields, filled with `values` (or defaults) and the case's choices. `colleagues` are the
    /// caseworkers a case can be handed to (read only for the handover form).
    pub fn fields(self, state: &CaseState, today: NaiveDate, values: &Values, colleagues: &[Colleague]) -> Vec<Field> {
        let mut fields = match self {
            FormKind::Samtale => vec![
                field("kind", "Slags samtale", "select").required().choices([
                    ("jobsamtale", "Jobsamtale"),
                    ("opfoelgning", "Opfølgningssamtale"),
                    ("sygeopfoelgning", "Sygeopfølgning"),
                    ("rehabiliteringssamtale", "Samtale om rehabiliteringsplanen"),
                    ("hjemmebesoeg", "Hjemmebesøg"),
                    ("telefonsamtale", "Telefonsamtale"),
                ]),
                field("text", "Kort referat", "textarea").help("Hvad blev aftalt, og hvad er næste skridt?"),
            ],
            FormKind::Dokument => vec![
                field("kind", "Dokumenttype", "select")
                    .required()
                    .choices(DokumentKind::ALL.iter().map(|k| (k.as_str(), k.label_da()))),
                field("issued", "Udstedt den", "date").required().help("Datoen på dokumentet, ikke den dag det kom ind."),
                field("author", "Udsteder", "text").help("Fx egen læge, speciallæge, leverandør."),
                field("findings.diagnosis_group", "Diagnosegruppe", "select")
                    .choices(std::iter::once(("", "Ikke oplyst")).chain(DiagnosisGroup::ALL.iter().map(|g| (g.as_str(), g.label_da())))),
                field("findings.primary_diagnosis", "Hoveddiagnose", "text").help("Gerne med ICD-10-kode."),
                field("findings.function_level", "Funktionsniveau", "select")
                    .choices(std::iter::once(("", "Ikke oplyst")).chain(FunctionLevel::ALL.iter().map(|g| (g.as_str(), g.label_da())))),
                field("findings.treatment_exhausted", "Behandlingsmulighederne er udtømte", "select").choices(TRI),
                field("findings.stationary", "Tilstanden er stationær", "select").choices(TRI),
                field("findings.progressive", "Tilstanden forværres", "select").choices(TRI),
                field("findings.hours_per_week", "Timer om ugen (arbejdsprøvning)", "number"),
                field("findings.weeks", "Antal uger (arbejdsprøvning)", "number"),
            ],
            FormKind::Indsats => vec![
                field("kind", "Indsats", "select").required().choices([
                    ("virksomhedspraktik", "Virksomhedspraktik"),
                    ("arbejdsproevning", "Arbejdsprøvning"),
                    ("mentor", "Mentor"),
                    ("behandling", "Behandling"),
                    ("revalidering", "Revalidering"),
                    ("ressourceforloeb", "Ressourceforløb"),
                    ("mestringsforloeb", "Mestringsforløb"),
                ]),
                field("hours_per_week", "Timer om ugen", "number"),
                field("planned_end", "Planlagt slutdato", "date")
                    .help("Senest 2 uger før slutdatoen skal det besluttes, hvad der skal ske bagefter (RSL § 7 a)."),
                field("skaanehensyn_beskrevet", "Skånehensyn er beskrevet i bestillingen", "checkbox"),
            ],
            FormKind::IndsatsSlut => vec![field("measure", "Hvilken indsats slutter?", "select").required().owned_choices(
                state
                    .measures
                    .iter()
                    .filter(|m| m.ended.is_none())
                    .map(|m| (m.id.clone(), format!("{} (startet {})", m.kind, crate::date_da(m.start))))
                    .collect(),
            )],
            FormKind::Vurdering => vec![
                field("criterion", "Hvad vurderes?", "select")
                    .required()
                    .choices(Criterion::ALL.iter().map(|c| (c.as_str(), c.label_da()))),
                field("value", "Vurdering", "select").required().choices([("ja", "Ja, det er tilfældet"), ("nej", "Nej, det er ikke tilfældet")]),
                field("basis", "Dokumenter vurderingen bygger på", "checkboxes").required().owned_choices(
                    state
                        .documents
                        .iter()
                        .rev()
                        .map(|d| (d.id.clone(), format!("{} – udstedt {} ({})", d.kind.label_da(), crate::date_da(d.issued), d.id)))
                        .collect(),
                ),
                field("text", "Begrundelse", "textarea").help("Skriv kort, hvorfor dokumenterne viser det."),
            ],
            FormKind::Ansoegning => vec![
                field("kind", "Borgeren søger om", "select")
                    .required()
                    .choices(AnsoegningKind::ALL.iter().map(|k| (k.as_str(), k.label_da()))),
                field("years_full_time_work", "År med fuldtidsarbejde (seniorførtidspension)", "number"),
                field("current_attachment", "Nuværende tilknytning (seniorførtidspension)", "select").choices(
                    std::iter::once(("", "Ikke relevant")).chain(CurrentAttachment::ALL.iter().map(|k| (k.as_str(), k.label_da()))),
                ),
            ],
            FormKind::Note => vec![field("text", "Notat", "textarea").required()],
            FormKind::Forelaeg => vec![field("genforelaeggelse", "Genforelæggelse (kommunen er uenig i indstillingen)", "checkbox")],
            FormKind::Partshoering => vec![field("about", "Partshøring om", "select").required().owned_choices(
                state
                    .recommendations
                    .iter()
                    .rev()
                    .map(|r| (r.id.clone(), format!("Indstilling om {} ({})", r.outcome.label_da().to_lowercase(), crate::date_da(r.at))))
                    .chain(state.decisions.iter().rev().map(|d| (d.id.clone(), format!("{} ({})", d.decision.outcome.label_da(), crate::date_da(d.at)))))
                    .collect(),
            )],
            FormKind::Moedetilbud => vec![],
            FormKind::Overgang => vec![field("notified", "Borgeren er orienteret om, at sagen nu behandles efter pensionsreglerne", "checkbox")],
            FormKind::Udsaettelse => vec![
                field("expected_by", "Afgørelsen forventes senest", "date").required(),
                field("reason", "Hvorfor tager det længere tid?", "textarea").required(),
            ],
            FormKind::Tildel => {
                let current = state.current_assignment().map(|a| a.caseworker.as_str());
                vec![
                    field("sagsbehandler", "Ny sagsbehandler", "select").required().owned_choices(
                        colleagues
                            .iter()
                            .filter(|c| Some(c.actor.as_str()) != current)
                            .map(|c| (c.actor.clone(), format!("{} ({})", c.name, c.unit)))
                            .collect(),
                    ),
                    field("overdragelse", "Til den nye sagsbehandler: hvor står sagen, og hvad er næste skridt?", "textarea")
                        .help("Gemmes som et notat i sagen sammen med overdragelsen."),
                ]
            }
            FormKind::Booking => vec![field("booked_meeting", "Mødedato", "date")
                .required()
                .help(format!("Tidligst {}.", crate::date_da(today + chrono::Duration::days(14))))],
            FormKind::Moede => {
                let mut fields = vec![field("attendees", "Deltagere", "checkboxes").required().choices(ATTENDEES)];
                if state.age_on(today).is_some_and(|age| age < 30) {
                    fields.push(
                        field("vocational_education", "Borgeren har en erhvervskompetencegivende uddannelse", "checkbox")
                            .help("Borgeren er under 30 år. Uden en erhvervskompetencegivende uddannelse skal UU deltage."),
                    );
                }
                fields
            }
            FormKind::Indstilling => vec![
                field("outcome", "Teamet indstiller til", "select")
                    .required()
                    .choices(journal::IndstillingOutcome::ALL.iter().map(|o| (o.as_str(), o.label_da()))),
                field("weighted.beskaeftigelse", "Beskæftigelsesmæssige forhold, der er lagt vægt på", "textarea"),
                field("weighted.social", "Sociale forhold, der er lagt vægt på", "textarea"),
                field("weighted.helbred", "Helbredsmæssige forhold, der er lagt vægt på", "textarea"),
                field("faglig_begrundelse", "Faglig begrundelse (førtidspension)", "textarea")
                    .help("Hvorfor arbejdsevnen er væsentligt og varigt nedsat, og hvorfor en eventuel arbejdsevne ikke kan bruges til selvforsørgelse."),
                field("afklaret_begrundelse", "Borgeren er afklaret om uddannelse og beskæftigelse, fordi … (fleksjob)", "textarea"),
                field("ordinaere_vilkaar_begrundelse", "Borgeren kan ikke arbejde på ordinære vilkår, fordi … (fleksjob)", "textarea"),
                field("work_functions", "Typer af fleksjob eller arbejdsfunktioner (én pr. linje)", "lines"),
                field("goal", "Mål for beskæftigelse eller uddannelse (ressourceforløb)", "textarea"),
                field("indsatser", "Indsatser, der er behov for (én pr. linje)", "lines"),
                field("opfoelgning", "Tilrettelæggelse af opfølgningen, herunder behov for mentor (ressourceforløb)", "textarea"),
                field("see_again", "Teamet ønsker at se sagen igen", "select").choices([("", "Ikke angivet"), ("ja", "Ja"), ("nej", "Nej")]),
            ],
        };
        for f in &mut fields {
            fill(f, values);
        }
        fields
    }

    /// Builds the event's type-specific fields from the values; errors are (field, Danish message).
    pub fn body(
        self,
        values: &Values,
        state: &CaseState,
        today: NaiveDate,
        colleagues: &[Colleague],
    ) -> Result<Map<String, Value>, Vec<(String, String)>> {
        let mut errors: Vec<(String, String)> = Vec::new();
        let mut out = Map::new();
        for f in self.fields(state, today, values, colleagues) {
            let missing = match f.kind {
                "checkboxes" => values.all(&f.name).is_empty(),
                "checkbox" => false,
                _ => values.get(&f.name).is_none(),
            };
            if f.required && missing {
                let message = if f.kind == "checkboxes" && f.options.is_empty() {
                    format!("{}: der er intet at vælge imellem i sagen endnu.", f.label)
                } else {
                    format!("{} skal udfyldes.", f.label)
                };
                errors.push((f.name.clone(), message));
            }
            if f.kind == "date" {
                if let Some(text) = values.get(&f.name) {
                    if journal::parse_date(text).is_none() {
                        errors.push((f.name.clone(), format!("{} skal være en dato (ÅÅÅÅ-MM-DD).", f.label)));
                    }
                }
            }
            if f.kind == "number" {
                if let Some(text) = values.get(&f.name) {
                    if number(text).is_none() {
                        errors.push((f.name.clone(), format!("{} skal være et tal.", f.label)));
                    }
                }
            }
        }
        let text = |name: &str| values.get(name).map(|v| Value::String(v.to_owned()));
        let num = |name: &str| values.get(name).and_then(number).map(|n| json!(n));
        let put = |out: &mut Map<String, Value>, key: &str, value: Option<Value>| {
            if let Some(value) = value {
                out.insert(key.to_owned(), value);
            }
        };
        match self {
            FormKind::Samtale => {
                put(&mut out, "kind", text("kind"));
                put(&mut out, "text", text("text"));
            }
            FormKind::Dokument => {
                put(&mut out, "kind", text("kind"));
                put(&mut out, "issued", text("issued"));
                put(&mut out, "author", text("author"));
                if let Some(issued) = values.get("issued").and_then(journal::parse_date) {
                    if issued > today {
                        errors.push(("issued".into(), "Udstedelsesdatoen kan ikke ligge i fremtiden.".into()));
                    }
                }
                let mut findings = Map::new();
                for key in ["diagnosis_group", "primary_diagnosis", "function_level"] {
                    put(&mut findings, key, text(&format!("findings.{key}")));
                }
                for key in ["treatment_exhausted", "stationary", "progressive"] {
                    match values.get(&format!("findings.{key}")) {
                        Some("ja") => put(&mut findings, key, Some(Value::Bool(true))),
                        Some("nej") => put(&mut findings, key, Some(Value::Bool(false))),
                        _ => {}
                    }
                }
                for key in ["hours_per_week", "weeks"] {
                    put(&mut findings, key, num(&format!("findings.{key}")));
                }
                if !findings.is_empty() {
                    out.insert("findings".into(), Value::Object(findings));
                }
            }
            FormKind::Indsats => {
                put(&mut out, "kind", text("kind"));
                put(&mut out, "hours_per_week", num("hours_per_week"));
                put(&mut out, "planned_end", text("planned_end"));
                out.insert("skaanehensyn_beskrevet".into(), Value::Bool(values.checked("skaanehensyn_beskrevet")));
            }
            FormKind::IndsatsSlut => {
                if let Some(measure) =
                    values.get("measure").and_then(|id| state.measures.iter().find(|m| m.id == id && m.ended.is_none()))
                {
                    out.insert("id".into(), Value::String(measure.id.clone()));
                    out.insert("kind".into(), Value::String(measure.kind.clone()));
                } else if values.get("measure").is_some() {
                    errors.push(("measure".into(), "Vælg en indsats, der stadig kører.".into()));
                }
            }
            FormKind::Vurdering => {
                put(&mut out, "criterion", text("criterion"));
                out.insert("value".into(), Value::Bool(values.get("value") == Some("ja")));
                let basis: Vec<Value> = values.all("basis").into_iter().map(|b| Value::String(b.to_owned())).collect();
                for id in values.all("basis") {
                    if state.document(id).is_none() {
                        errors.push(("basis".into(), format!("Dokumentet {id} findes ikke i sagen.")));
                    }
                }
                out.insert("basis".into(), Value::Array(basis));
                put(&mut out, "text", text("text"));
            }
            FormKind::Ansoegning => {
                put(&mut out, "kind", text("kind"));
                put(&mut out, "years_full_time_work", num("years_full_time_work"));
                put(&mut out, "current_attachment", text("current_attachment"));
                if values.get("kind") == Some("seniorfoertidspension")
                    && (values.get("years_full_time_work").is_none() || values.get("current_attachment").is_none())
                {
                    errors.push((
                        "years_full_time_work".into(),
                        "Ved seniorførtidspension skal år med fuldtidsarbejde og nuværende tilknytning udfyldes."
                            .into(),
                    ));
                }
            }
            FormKind::Note => put(&mut out, "text", text("text")),
            FormKind::Forelaeg => {
                out.insert("genforelaeggelse".into(), Value::Bool(values.checked("genforelaeggelse")));
            }
            FormKind::Partshoering => put(&mut out, "about", text("about")),
            FormKind::Moedetilbud => {}
            FormKind::Overgang => {
                out.insert("notified".into(), Value::Bool(values.checked("notified")));
            }
            FormKind::Tildel => {
                let chosen = values.get("sagsbehandler").and_then(|actor| colleagues.iter().find(|c| c.actor == actor));
                match chosen {
                    Some(colleague) if state.current_assignment().is_some_and(|a| a.caseworker == colleague.actor) => {
                        errors.push(("sagsbehandler".into(), format!("{} har allerede sagen.", colleague.name)))
                    }
                    Some(colleague) => {
                        out.insert("sagsbehandler".into(), Value::String(colleague.actor.clone()));
                        out.insert("enhed".into(), Value::String(colleague.unit.clone()));
                    }
                    None if values.get("sagsbehandler").is_some() => {
                        errors.push(("sagsbehandler".into(), "Vælg en af kommunens sagsbehandlere på listen.".into()))
                    }
                    None => {}
                }
            }
            FormKind::Udsaettelse => {
                put(&mut out, "expected_by", text("expected_by"));
                put(&mut out, "reason", text("reason"));
            }
            FormKind::Booking => {
                if let Some(date) = values.get("booked_meeting").and_then(journal::parse_date) {
                    let earliest = today + chrono::Duration::days(14);
                    if date < earliest {
                        errors.push((
                            "booked_meeting".into(),
                            format!(
                                "Mødet skal bookes mindst 14 dage frem, dvs. tidligst {}.",
                                crate::date_da(earliest)
                            ),
                        ));
                    }
                    out.insert(
                        "text".into(),
                        Value::String(format!("Rehabiliteringsmøde booket til {}.", crate::date_da(date))),
                    );
                    out.insert(crate::index::BOOKED_MEETING_FIELD.into(), Value::String(journal::format_date(date)));
                }
            }
            FormKind::Moede => {
                let attendees = values.all("attendees");
                let mut required = vec!["beskaeftigelse", "sundhed", "social", "sundhedskoordinator"];
                let young = state.age_on(today).is_some_and(|age| age < 30);
                if young && !values.checked("vocational_education") {
                    required.push("uu");
                }
                let absent: Vec<&str> = required
                    .iter()
                    .filter(|r| !attendees.contains(r))
                    .map(|r| ATTENDEES.iter().find(|(v, _)| v == r).map_or(*r, |(_, l)| *l))
                    .collect();
                if !absent.is_empty() {
                    errors.push(("attendees".into(), format!("Teamet er ikke fuldt: {} mangler.", absent.join(", "))));
                }
                out.insert("attendees".into(), json!(attendees));
                if young {
                    out.insert("vocational_education".into(), Value::Bool(values.checked("vocational_education")));
                }
            }
            FormKind::Indstilling => {
                put(&mut out, "outcome", text("outcome"));
                let mut weighted = Map::new();
                for key in ["beskaeftigelse", "social", "helbred"] {
                    put(&mut weighted, key, text(&format!("weighted.{key}")));
                }
                if !weighted.is_empty() {
                    out.insert("weighted".into(), Value::Object(weighted));
                }
                for key in [
                    "faglig_begrundelse",
                    "afklaret_begrundelse",
                    "ordinaere_vilkaar_begrundelse",
                    "goal",
                    "opfoelgning",
                ] {
                    put(&mut out, key, text(key));
                }
                for key in ["work_functions", "indsatser"] {
                    let lines = values.lines(key);
                    if !lines.is_empty() {
                        out.insert(key.into(), json!(lines));
                    }
                }
                match values.get("see_again") {
                    Some("ja") => put(&mut out, "see_again", Some(Value::Bool(true))),
                    Some("nej") => put(&mut out, "see_again", Some(Value::Bool(false))),
                    _ => {}
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

/// A caseworker a case can be handed to: the actor id written on `tildelt`, the name shown, and
/// the unit the case then belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colleague {
    pub actor: String,
    pub name: String,
    pub unit: String,
}

const TRI: [(&str, &str); 3] = [("", "Ikke oplyst"), ("ja", "Ja"), ("nej", "Nej")];

/// The roles at a rehabilitation meeting, as the journal writes them.
pub const ATTENDEES: [(&str, &str); 7] = [
    ("borger", "Borgeren"),
    ("sagsbehandler", "Sagsbehandleren"),
    ("beskaeftigelse", "Beskæftigelsesområdet"),
    ("sundhed", "Sundhedsområdet"),
    ("social", "Socialområdet"),
    ("sundhedskoordinator", "Regionens sundhedskoordinator"),
    ("uu", "Uddannelsesområdet (UU)"),
];

fn number(text: &str) -> Option<f64> {
    text.replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 0.0)
}

fn fill(f: &mut Field, values: &Values) {
    match f.kind {
        "checkboxes" => {
            let chosen = values.all(&f.name);
            for choice in &mut f.options {
                choice.selected = chosen.contains(&choice.value.as_str());
            }
        }
        "select" => {
            let chosen = values.get(&f.name).unwrap_or("");
            for choice in &mut f.options {
                choice.selected = choice.value == chosen;
            }
        }
        "checkbox" => f.value = if values.checked(&f.name) { "on".into() } else { String::new() },
        _ => f.value = values.0.iter().find(|(k, _)| *k == f.name).map(|(_, v)| v.clone()).unwrap_or_default(),
    }
}

/// Attaches errors to their fields; errors about no field are returned.
pub fn attach_errors(fields: &mut [Field], errors: &[(String, String)]) -> Vec<String> {
    let mut general = Vec::new();
    for (name, message) in errors {
        match fields.iter_mut().find(|f| &f.name == name) {
            Some(f) => f.error = Some(f.error.take().map_or(message.clone(), |e| format!("{e} {message}"))),
            None => general.push(message.clone()),
        }
    }
    general
}

/// A fresh id for something new in the case: `<prefix>-<n>` not used before.
pub fn fresh_id(state: &CaseState, prefix: &str) -> String {
    let used = |id: &str| {
        state.documents.iter().any(|d| d.id == id)
            || state.measures.iter().any(|m| m.id == id)
            || state.recommendations.iter().any(|r| r.id == id)
            || state.decisions.iter().any(|d| d.id == id)
    };
    (1..).map(|n| format!("{prefix}-{n}")).find(|id| !used(id)).unwrap_or_else(|| prefix.to_owned())
}
