//! Danish phrases and codes the generator draws from: diagnoses, work functions, reasons, notes.

use journal::DiagnosisGroup;

/// ICD-10 codes typical of each diagnosis group.
pub(crate) fn icd_codes(group: DiagnosisGroup) -> &'static [&'static str] {
    match group {
        DiagnosisGroup::Psykisk => &["F32.1", "F33.1", "F41.1", "F43.1", "F20.0", "F60.3", "F84.5", "F90.0"],
        DiagnosisGroup::Bevaegeapparat => &["M54.5", "M79.7", "M51.1", "M17.1", "M35.7", "M75.1"],
        DiagnosisGroup::Kraeft => &["C50.9", "C18.9", "C34.9", "C61", "C71.9"],
        DiagnosisGroup::Neurologisk => &["G35", "G40.9", "G43.9", "G93.3", "S06.9"],
        DiagnosisGroup::HjerteKar => &["I25.1", "I50.9", "I63.9", "I21.9"],
        DiagnosisGroup::Andet => &["E11.9", "J44.9", "K50.9", "E66.9", "D86.9"],
    }
}

/// The specialist who writes a speciallaegeerklaering for the group.
pub(crate) fn specialist(group: DiagnosisGroup) -> &'static str {
    match group {
        DiagnosisGroup::Psykisk => "speciallæge i psykiatri",
        DiagnosisGroup::Bevaegeapparat => "speciallæge i reumatologi",
        DiagnosisGroup::Kraeft => "speciallæge i onkologi",
        DiagnosisGroup::Neurologisk => "speciallæge i neurologi",
        DiagnosisGroup::HjerteKar => "speciallæge i kardiologi",
        DiagnosisGroup::Andet => "speciallæge i intern medicin",
    }
}

pub(crate) const WORK_FUNCTIONS: &[&str] = &[
    "lettere kontorarbejde",
    "rengøring i kortere perioder",
    "lagerarbejde uden tunge løft",
    "kundeservice i telefon",
    "pakke- og sorteringsarbejde",
    "receptionsarbejde",
    "lettere kantinearbejde",
    "lettere montagearbejde",
    "budkørsel i mindre omfang",
    "arkivarbejde",
];

pub(crate) const SUPPLIERS: &[&str] =
    &["Jobcenter-leverandør A/S", "Afklaringshuset", "Virksomhedscentret", "CAB værksted", "Mentorkorpset"];

pub(crate) const RF_GOALS: &[&str] = &[
    "Afklaring af arbejdsevnen med henblik på fleksjob",
    "Job på nedsat tid inden for detailhandel",
    "Påbegynde uddannelse som pædagogisk assistent",
    "Stabilisering af helbred og gradvis tilknytning til arbejdsmarkedet",
    "Ordinært job inden for lager og logistik",
    "Afklaring af skånehensyn i virksomhedspraktik",
];

pub(crate) const INDSATSER: &[&str] =
    &["mentor", "virksomhedspraktik", "behandling", "arbejdsproevning", "mestringsforloeb", "bostøtte"];

pub(crate) const WEIGHTED_WORK: &[&str] = &[
    "Har ikke været i arbejde i flere år; praktik har vist meget få timer.",
    "Har erfaring fra lager og rengøring; kan ikke længere klare fysisk arbejde.",
    "Ingen erhvervskompetencegivende uddannelse; motiveret for praktik.",
    "Arbejdsprøvning viste stabilt fremmøde på nedsat tid.",
    "Har forsøgt flere virksomhedspraktikker uden progression.",
];

pub(crate) const WEIGHTED_SOCIAL: &[&str] = &[
    "Bor alene og har begrænset netværk.",
    "Har ansvar for børn og stabil bolig.",
    "Økonomiske vanskeligheder og gæld fylder meget.",
    "Støttes af familie; ingen sociale foranstaltninger.",
    "Har bostøtte efter serviceloven.",
];

pub(crate) fn weighted_health(group: DiagnosisGroup) -> &'static str {
    match group {
        DiagnosisGroup::Psykisk => "Langvarig psykisk lidelse med begrænset effekt af behandling.",
        DiagnosisGroup::Bevaegeapparat => "Kroniske smerter i ryg og led; tåler ikke længerevarende belastning.",
        DiagnosisGroup::Kraeft => "Følger efter kræftbehandling med udtalt træthed.",
        DiagnosisGroup::Neurologisk => "Neurologisk sygdom med nedsat udholdenhed og koncentration.",
        DiagnosisGroup::HjerteKar => "Hjertesygdom med nedsat fysisk formåen.",
        DiagnosisGroup::Andet => "Kronisk sygdom med svingende funktionsniveau.",
    }
}

pub(crate) const NOTES: &[&str] = &[
    "Borger har meldt afbud til samtale.",
    "Afventer svar fra egen læge.",
    "Leverandør har ikke bekræftet opstart.",
    "Borger oplyser forværring af smerter.",
    "Borger ønsker at tale med ny sagsbehandler.",
    "Sagen afventer ledig tid hos rehabiliteringsteamet.",
    "Borger har haft indlæggelse; samtale udsat.",
    "Partsrepræsentant har bedt om aktindsigt.",
];

pub(crate) const MAIN_CONSIDERATIONS: &[&str] = &[
    "Der er lagt vægt på de lægelige oplysninger og forløbet i praktik.",
    "Der er lagt vægt på, at behandlingsmulighederne er udtømte, og at funktionsniveauet er stationært.",
    "Der er lagt vægt på rehabiliteringsteamets indstilling og borgerens egne oplysninger.",
    "Der er lagt vægt på, at der er et realistisk udviklingsperspektiv.",
];

pub(crate) const DELAY_REASONS: &[&str] = &[
    "Afventer speciallægeerklæring.",
    "Sagen afventer supplerende oplysninger fra klinisk funktion.",
    "Afventer borgerens bemærkninger til partshøringen.",
];
