//! The closed vocabularies of the journal format: every enum whose values the spec lists.

/// Declares a closed vocabulary: a Rust enum whose variants map one-to-one to the spec's ASCII strings.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the spec lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in the journal.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the journal's spelling; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The allowed values, for error messages.
            pub fn expected() -> String {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                format!("one of {}", names.join(", "))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// `ydelse`: the support (forsoergelse) a citizen receives.
    Ydelse {
        KontanthjaelpAktivitetsparat = "kontanthjaelp_aktivitetsparat",
        KontanthjaelpJobparat = "kontanthjaelp_jobparat",
        Uddannelseshjaelp = "uddannelseshjaelp",
        Sygedagpenge = "sygedagpenge",
        Ressourceforloebsydelse = "ressourceforloebsydelse",
        Jobafklaringsforloeb = "jobafklaringsforloeb",
        Ledighedsydelse = "ledighedsydelse",
        Fleksjob = "fleksjob",
        Revalidering = "revalidering",
        Foertidspension = "foertidspension",
        Seniorfoertidspension = "seniorfoertidspension",
        Folkepension = "folkepension",
        Selvforsoergelse = "selvforsoergelse",
        Job = "job",
        Uddannelse = "uddannelse",
    }
);

vocabulary!(
    /// `dokument.kind`: the kinds of evidence a case can hold.
    DokumentKind {
        ForberedendeDel = "forberedende_del",
        Lae265 = "lae265",
        KliniskFunktion = "klinisk_funktion",
        Sundhedskoordinator = "sundhedskoordinator",
        Speciallaege = "speciallaege",
        Laegekonsulent = "laegekonsulent",
        Statusattest = "statusattest",
        Arbejdsproevning = "arbejdsproevning",
        Leverandoerrapport = "leverandoerrapport",
        Funktionsevnebeskrivelse = "funktionsevnebeskrivelse",
        Ressourceprofil = "ressourceprofil",
        Partshoeringssvar = "partshoeringssvar",
        Andet = "andet",
    }
);

impl DokumentKind {
    /// Whether the document is health evidence (its age matters at a meeting or decision).
    pub fn is_health_evidence(self) -> bool {
        matches!(
            self,
            DokumentKind::Lae265
                | DokumentKind::KliniskFunktion
                | DokumentKind::Sundhedskoordinator
                | DokumentKind::Speciallaege
                | DokumentKind::Laegekonsulent
                | DokumentKind::Statusattest
        )
    }
}

vocabulary!(
    /// `vurdering.criterion`: the professional judgements the law asks for.
    Criterion {
        ArbejdsevneVarigtNedsat = "arbejdsevne_varigt_nedsat",
        ArbejdsevneVaesentligtNedsat = "arbejdsevne_vaesentligt_nedsat",
        KanIkkeForbedresDokumenteret = "kan_ikke_forbedres_dokumenteret",
        KanIkkeForbedresAabenbart = "kan_ikke_forbedres_aabenbart",
        AabenbartFormaalsloest = "aabenbart_formaalsloest",
        Udviklingsperspektiv = "udviklingsperspektiv",
        KomplekseProblemer = "komplekse_problemer",
        LaengerevarendeOffentligForsoergelse = "laengerevarende_offentlig_forsoergelse",
        TilbudUdenOegetTilknytning = "tilbud_uden_oeget_tilknytning",
        BehovForLaengerevarendeIndsats = "behov_for_laengerevarende_indsats",
        AlleRelevanteTilbudAfproevet = "alle_relevante_tilbud_afproevet",
        KanArbejdeFaaTimer = "kan_arbejde_faa_timer",
        UdviklingIndenForRimeligPeriode = "udvikling_inden_for_rimelig_periode",
        KanIkkeArbejdePaaOrdinaereVilkaar = "kan_ikke_arbejde_paa_ordinaere_vilkaar",
        AfklaretUddannelseBeskaeftigelse = "afklaret_uddannelse_beskaeftigelse",
        TerminaltSyg = "terminalt_syg",
        UtvivlsomtIkkeBerettiget = "utvivlsomt_ikke_berettiget",
    }
);

vocabulary!(
    /// `ansoegning.kind`: what the citizen applies for.
    AnsoegningKind {
        FoertidspensionForeliggendeGrundlag = "foertidspension_foreliggende_grundlag",
        Seniorfoertidspension = "seniorfoertidspension",
        Fleksjob = "fleksjob",
    }
);

vocabulary!(
    /// `ansoegning.current_attachment`: the applicant's current attachment (seniorfoertidspension).
    CurrentAttachment {
        Beskaeftigelse = "beskaeftigelse",
        Sygedagpenge = "sygedagpenge",
        HelbredsbetingetOphoer = "helbredsbetinget_ophoer",
        KontanthjaelpKort = "kontanthjaelp_kort",
        KontanthjaelpLaenge = "kontanthjaelp_laenge",
    }
);

vocabulary!(
    /// `indstilling.outcome`: what the rehabilitation team recommends.
    IndstillingOutcome {
        Foertidspension = "foertidspension",
        Fleksjob = "fleksjob",
        Ressourceforloeb = "ressourceforloeb",
        AndenIndsats = "anden_indsats",
        Revalidering = "revalidering",
        Udsaettelse = "udsaettelse",
    }
);

vocabulary!(
    /// `afgoerelse.outcome`: what the municipality decided.
    AfgoerelseOutcome {
        TilkendtFoertidspension = "tilkendt_foertidspension",
        AfslagFoertidspension = "afslag_foertidspension",
        TilkendtSeniorfoertidspension = "tilkendt_seniorfoertidspension",
        AfslagSeniorfoertidspension = "afslag_seniorfoertidspension",
        BevilgetFleksjob = "bevilget_fleksjob",
        AfslagFleksjob = "afslag_fleksjob",
        BevilgetRessourceforloeb = "bevilget_ressourceforloeb",
        AfslagRessourceforloeb = "afslag_ressourceforloeb",
        AndenIndsats = "anden_indsats",
    }
);

vocabulary!(
    /// `ankestyrelsen.result`: the appeal board's result.
    AnkeResult {
        Stadfaestet = "stadfaestet",
        Aendret = "aendret",
        Hjemvist = "hjemvist",
        Afvist = "afvist",
    }
);

vocabulary!(
    /// `borger.sex`.
    Sex {
        M = "M",
        K = "K",
    }
);

vocabulary!(
    /// `dokument.findings.diagnosis_group`.
    DiagnosisGroup {
        Psykisk = "psykisk",
        Bevaegeapparat = "bevaegeapparat",
        Kraeft = "kraeft",
        Neurologisk = "neurologisk",
        HjerteKar = "hjerte_kar",
        Andet = "andet",
    }
);

vocabulary!(
    /// `dokument.findings.function_level`.
    FunctionLevel {
        Let = "let",
        Moderat = "moderat",
        Svaer = "svaer",
    }
);

vocabulary!(
    /// The `type` of an event.
    EventType {
        Borger = "borger",
        YdelseStart = "ydelse_start",
        YdelseSlut = "ydelse_slut",
        Tildelt = "tildelt",
        Samtale = "samtale",
        Dokument = "dokument",
        IndsatsStart = "indsats_start",
        IndsatsSlut = "indsats_slut",
        Vurdering = "vurdering",
        Ansoegning = "ansoegning",
        ForelagtRehabiliteringsteam = "forelagt_rehabiliteringsteam",
        Rehabiliteringsmoede = "rehabiliteringsmoede",
        Indstilling = "indstilling",
        PartshoeringSendt = "partshoering_sendt",
        OvergangFoertidspension = "overgang_foertidspension",
        MoedeTilbudt = "moede_tilbudt",
        Afgoerelse = "afgoerelse",
        Udsaettelsesbrev = "udsaettelsesbrev",
        Klage = "klage",
        Ankestyrelsen = "ankestyrelsen",
        Note = "note",
    }
);
