//! The closed vocabularies of the journal format: every enum whose values the spec lists.

/// Declares a closed vocabulary: a Rust enum whose variants map one-to-one to the spec's ASCII strings.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal : $label:literal),+ $(,)? }) => {
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

            /// The plain Danish name, for people.
            pub fn label_da(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
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
        KontanthjaelpAktivitetsparat = "kontanthjaelp_aktivitetsparat" : "Kontanthjælp (aktivitetsparat)",
        KontanthjaelpJobparat = "kontanthjaelp_jobparat" : "Kontanthjælp (jobparat)",
        Uddannelseshjaelp = "uddannelseshjaelp" : "Uddannelseshjælp",
        Sygedagpenge = "sygedagpenge" : "Sygedagpenge",
        Ressourceforloebsydelse = "ressourceforloebsydelse" : "Ressourceforløbsydelse",
        Jobafklaringsforloeb = "jobafklaringsforloeb" : "Jobafklaringsforløb",
        Ledighedsydelse = "ledighedsydelse" : "Ledighedsydelse",
        Fleksjob = "fleksjob" : "Fleksjob",
        Revalidering = "revalidering" : "Revalidering",
        Foertidspension = "foertidspension" : "Førtidspension",
        Seniorfoertidspension = "seniorfoertidspension" : "Seniorførtidspension",
        Folkepension = "folkepension" : "Folkepension",
        Selvforsoergelse = "selvforsoergelse" : "Selvforsørgelse",
        Job = "job" : "Job",
        Uddannelse = "uddannelse" : "Uddannelse",
    }
);

vocabulary!(
    /// `dokument.kind`: the kinds of evidence a case can hold.
    DokumentKind {
        ForberedendeDel = "forberedende_del" : "Rehabiliteringsplanens forberedende del",
        Lae265 = "lae265" : "Lægeattest (LÆ 265)",
        KliniskFunktion = "klinisk_funktion" : "Udtalelse fra klinisk funktion",
        Sundhedskoordinator = "sundhedskoordinator" : "Udtalelse fra sundhedskoordinator",
        Speciallaege = "speciallaege" : "Speciallægeerklæring",
        Laegekonsulent = "laegekonsulent" : "Lægekonsulentudtalelse",
        Statusattest = "statusattest" : "Statusattest",
        Arbejdsproevning = "arbejdsproevning" : "Arbejdsprøvning",
        Leverandoerrapport = "leverandoerrapport" : "Leverandørrapport",
        Funktionsevnebeskrivelse = "funktionsevnebeskrivelse" : "Funktionsevnebeskrivelse",
        Ressourceprofil = "ressourceprofil" : "Ressourceprofil",
        Partshoeringssvar = "partshoeringssvar" : "Svar på partshøring",
        Andet = "andet" : "Andet",
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
        ArbejdsevneVarigtNedsat = "arbejdsevne_varigt_nedsat" : "Arbejdsevnen er varigt nedsat",
        ArbejdsevneVaesentligtNedsat = "arbejdsevne_vaesentligt_nedsat" : "Arbejdsevnen er væsentligt nedsat",
        KanIkkeForbedresDokumenteret = "kan_ikke_forbedres_dokumenteret" : "Det er dokumenteret, at arbejdsevnen ikke kan forbedres",
        KanIkkeForbedresAabenbart = "kan_ikke_forbedres_aabenbart" : "Det er åbenbart, at arbejdsevnen ikke kan forbedres",
        AabenbartFormaalsloest = "aabenbart_formaalsloest" : "Det er åbenbart formålsløst at udvikle arbejdsevnen",
        Udviklingsperspektiv = "udviklingsperspektiv" : "Borgeren vil kunne udvikle sin arbejdsevne",
        KomplekseProblemer = "komplekse_problemer" : "Komplekse problemer ud over ledighed",
        LaengerevarendeOffentligForsoergelse = "laengerevarende_offentlig_forsoergelse" : "Længerevarende offentlig forsørgelse",
        TilbudUdenOegetTilknytning = "tilbud_uden_oeget_tilknytning" : "Tilbud uden øget tilknytning til arbejdsmarkedet",
        BehovForLaengerevarendeIndsats = "behov_for_laengerevarende_indsats" : "Behov for en længerevarende indsats",
        AlleRelevanteTilbudAfproevet = "alle_relevante_tilbud_afproevet" : "Alle relevante tilbud er afprøvet",
        KanArbejdeFaaTimer = "kan_arbejde_faa_timer" : "Kan arbejde få timer om ugen",
        UdviklingIndenForRimeligPeriode = "udvikling_inden_for_rimelig_periode" : "Arbejdsevnen kan udvikles inden for en rimelig periode",
        KanIkkeArbejdePaaOrdinaereVilkaar = "kan_ikke_arbejde_paa_ordinaere_vilkaar" : "Kan ikke arbejde på ordinære vilkår",
        AfklaretUddannelseBeskaeftigelse = "afklaret_uddannelse_beskaeftigelse" : "Afklaret om uddannelse og beskæftigelse",
        TerminaltSyg = "terminalt_syg" : "Terminalt syg",
        UtvivlsomtIkkeBerettiget = "utvivlsomt_ikke_berettiget" : "Utvivlsomt ikke berettiget",
    }
);

vocabulary!(
    /// `ansoegning.kind`: what the citizen applies for.
    AnsoegningKind {
        FoertidspensionForeliggendeGrundlag = "foertidspension_foreliggende_grundlag" : "Førtidspension på det foreliggende grundlag",
        Seniorfoertidspension = "seniorfoertidspension" : "Seniorførtidspension",
        Fleksjob = "fleksjob" : "Fleksjob",
    }
);

vocabulary!(
    /// `ansoegning.current_attachment`: the applicant's current attachment (seniorfoertidspension).
    CurrentAttachment {
        Beskaeftigelse = "beskaeftigelse" : "Beskæftigelse",
        Sygedagpenge = "sygedagpenge" : "Sygedagpenge",
        HelbredsbetingetOphoer = "helbredsbetinget_ophoer" : "Helbredsbetinget ophør",
        KontanthjaelpKort = "kontanthjaelp_kort" : "Kortvarigt på kontanthjælp",
        KontanthjaelpLaenge = "kontanthjaelp_laenge" : "Længerevarende kontanthjælp",
    }
);

vocabulary!(
    /// `indstilling.outcome`: what the rehabilitation team recommends.
    IndstillingOutcome {
        Foertidspension = "foertidspension" : "Førtidspension",
        Fleksjob = "fleksjob" : "Fleksjob",
        Ressourceforloeb = "ressourceforloeb" : "Ressourceforløb",
        AndenIndsats = "anden_indsats" : "Anden indsats",
        Revalidering = "revalidering" : "Revalidering",
        Udsaettelse = "udsaettelse" : "Udsættelse",
    }
);

vocabulary!(
    /// `afgoerelse.outcome`: what the municipality decided.
    AfgoerelseOutcome {
        TilkendtFoertidspension = "tilkendt_foertidspension" : "Førtidspension tilkendt",
        AfslagFoertidspension = "afslag_foertidspension" : "Afslag på førtidspension",
        TilkendtSeniorfoertidspension = "tilkendt_seniorfoertidspension" : "Seniorførtidspension tilkendt",
        AfslagSeniorfoertidspension = "afslag_seniorfoertidspension" : "Afslag på seniorførtidspension",
        BevilgetFleksjob = "bevilget_fleksjob" : "Fleksjob bevilget",
        AfslagFleksjob = "afslag_fleksjob" : "Afslag på fleksjob",
        BevilgetRessourceforloeb = "bevilget_ressourceforloeb" : "Ressourceforløb bevilget",
        AfslagRessourceforloeb = "afslag_ressourceforloeb" : "Afslag på ressourceforløb",
        AndenIndsats = "anden_indsats" : "Anden indsats",
    }
);

vocabulary!(
    /// `ankestyrelsen.result`: the appeal board's result.
    AnkeResult {
        Stadfaestet = "stadfaestet" : "Stadfæstet",
        Aendret = "aendret" : "Ændret",
        Hjemvist = "hjemvist" : "Hjemvist",
        Afvist = "afvist" : "Afvist",
    }
);

vocabulary!(
    /// `borger.sex`.
    Sex {
        M = "M" : "Mand",
        K = "K" : "Kvinde",
    }
);

vocabulary!(
    /// `dokument.findings.diagnosis_group`.
    DiagnosisGroup {
        Psykisk = "psykisk" : "Psykisk lidelse",
        Bevaegeapparat = "bevaegeapparat" : "Bevægeapparatet",
        Kraeft = "kraeft" : "Kræft",
        Neurologisk = "neurologisk" : "Neurologisk lidelse",
        HjerteKar = "hjerte_kar" : "Hjerte-kar",
        Andet = "andet" : "Andet",
    }
);

vocabulary!(
    /// `dokument.findings.function_level`.
    FunctionLevel {
        Let = "let" : "Let",
        Moderat = "moderat" : "Moderat",
        Svaer = "svaer" : "Svær",
    }
);

vocabulary!(
    /// The `type` of an event.
    EventType {
        Borger = "borger" : "Sag oprettet",
        YdelseStart = "ydelse_start" : "Ydelse start",
        YdelseSlut = "ydelse_slut" : "Ydelse slut",
        Tildelt = "tildelt" : "Ny sagsbehandler",
        Samtale = "samtale" : "Samtale",
        Dokument = "dokument" : "Dokument modtaget",
        IndsatsStart = "indsats_start" : "Indsats start",
        IndsatsSlut = "indsats_slut" : "Indsats slut",
        Vurdering = "vurdering" : "Faglig vurdering",
        Ansoegning = "ansoegning" : "Ansøgning",
        ForelagtRehabiliteringsteam = "forelagt_rehabiliteringsteam" : "Forelagt rehabiliteringsteamet",
        Rehabiliteringsmoede = "rehabiliteringsmoede" : "Rehabiliteringsmøde",
        Indstilling = "indstilling" : "Indstilling",
        PartshoeringSendt = "partshoering_sendt" : "Partshøring sendt",
        OvergangFoertidspension = "overgang_foertidspension" : "Overgået til behandling efter pensionsreglerne",
        MoedeTilbudt = "moede_tilbudt" : "Møde med den, der træffer afgørelsen, tilbudt",
        Afgoerelse = "afgoerelse" : "Afgørelse",
        Udsaettelsesbrev = "udsaettelsesbrev" : "Udsættelsesbrev",
        Klage = "klage" : "Klage",
        Ankestyrelsen = "ankestyrelsen" : "Ankestyrelsens afgørelse",
        Note = "note" : "Notat",
    }
);
