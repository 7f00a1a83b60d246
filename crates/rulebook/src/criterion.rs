//! The criteria of a professional judgement (`vurdering.criterion`) and their Danish questions.

use serde::Serialize;

/// The criteria a professional judgement can be about (`vurdering.criterion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum Criterion {
    ArbejdsevneVarigtNedsat,
    ArbejdsevneVaesentligtNedsat,
    KanIkkeForbedresDokumenteret,
    KanIkkeForbedresAabenbart,
    AabenbartFormaalsloest,
    Udviklingsperspektiv,
    KomplekseProblemer,
    LaengerevarendeOffentligForsoergelse,
    TilbudUdenOegetTilknytning,
    BehovForLaengerevarendeIndsats,
    AlleRelevanteTilbudAfproevet,
    KanArbejdeFaaTimer,
    UdviklingIndenForRimeligPeriode,
    KanIkkeArbejdePaaOrdinaereVilkaar,
    AfklaretUddannelseBeskaeftigelse,
    TerminaltSyg,
    UtvivlsomtIkkeBerettiget,
}

impl Criterion {
    /// The spec's ASCII name.
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::ArbejdsevneVarigtNedsat => "arbejdsevne_varigt_nedsat",
            Criterion::ArbejdsevneVaesentligtNedsat => "arbejdsevne_vaesentligt_nedsat",
            Criterion::KanIkkeForbedresDokumenteret => "kan_ikke_forbedres_dokumenteret",
            Criterion::KanIkkeForbedresAabenbart => "kan_ikke_forbedres_aabenbart",
            Criterion::AabenbartFormaalsloest => "aabenbart_formaalsloest",
            Criterion::Udviklingsperspektiv => "udviklingsperspektiv",
            Criterion::KomplekseProblemer => "komplekse_problemer",
            Criterion::LaengerevarendeOffentligForsoergelse => "laengerevarende_offentlig_forsoergelse",
            Criterion::TilbudUdenOegetTilknytning => "tilbud_uden_oeget_tilknytning",
            Criterion::BehovForLaengerevarendeIndsats => "behov_for_laengerevarende_indsats",
            Criterion::AlleRelevanteTilbudAfproevet => "alle_relevante_tilbud_afproevet",
            Criterion::KanArbejdeFaaTimer => "kan_arbejde_faa_timer",
            Criterion::UdviklingIndenForRimeligPeriode => "udvikling_inden_for_rimelig_periode",
            Criterion::KanIkkeArbejdePaaOrdinaereVilkaar => "kan_ikke_arbejde_paa_ordinaere_vilkaar",
            Criterion::AfklaretUddannelseBeskaeftigelse => "afklaret_uddannelse_beskaeftigelse",
            Criterion::TerminaltSyg => "terminalt_syg",
            Criterion::UtvivlsomtIkkeBerettiget => "utvivlsomt_ikke_berettiget",
        }
    }

    /// What the criterion asks, in plain Danish.
    pub fn question_da(self) -> &'static str {
        match self {
            Criterion::ArbejdsevneVarigtNedsat => "om arbejdsevnen er varigt nedsat",
            Criterion::ArbejdsevneVaesentligtNedsat => "om arbejdsevnen er væsentligt nedsat",
            Criterion::KanIkkeForbedresDokumenteret => "om det er dokumenteret, at arbejdsevnen ikke kan forbedres",
            Criterion::KanIkkeForbedresAabenbart => "om det er helt åbenbart, at arbejdsevnen ikke kan forbedres",
            Criterion::AabenbartFormaalsloest => "om det er åbenbart formålsløst at forsøge at udvikle arbejdsevnen",
            Criterion::Udviklingsperspektiv => "om borgeren vil kunne udvikle sin arbejdsevne (udviklingsperspektiv)",
            Criterion::KomplekseProblemer => "om borgeren har komplekse problemer ud over ledighed",
            Criterion::LaengerevarendeOffentligForsoergelse => {
                "om borgeren har modtaget længerevarende offentlig forsørgelse"
            }
            Criterion::TilbudUdenOegetTilknytning => {
                "om borgeren har deltaget i tilbud uden at øge tilknytningen til arbejdsmarkedet"
            }
            Criterion::BehovForLaengerevarendeIndsats => {
                "om der er behov for en længerevarende indsats, før et konkret beskæftigelsesmål kan fastsættes"
            }
            Criterion::AlleRelevanteTilbudAfproevet => "om alle relevante tilbud er afprøvet",
            Criterion::KanArbejdeFaaTimer => "om borgeren aktuelt kun kan arbejde få timer om ugen",
            Criterion::UdviklingIndenForRimeligPeriode => "om arbejdsevnen kan udvikles inden for en rimelig periode",
            Criterion::KanIkkeArbejdePaaOrdinaereVilkaar => "om borgeren ikke kan arbejde på ordinære vilkår",
            Criterion::AfklaretUddannelseBeskaeftigelse => {
                "om borgeren er afklaret i forhold til uddannelse og beskæftigelse"
            }
            Criterion::TerminaltSyg => "om borgeren er terminalt syg",
            Criterion::UtvivlsomtIkkeBerettiget => "om det er utvivlsomt, at borgeren ikke opfylder betingelserne",
        }
    }
}
