//! The oversight rules this crate adds: a stable id and a citation each. Rules the rulebook
//! already has (RSL §§ 3 and 5, P-3-07, the seniorfoertidspension guidance) are reused from its
//! catalogue, so one id always carries one citation.

use rulebook::RuleMeta;

/// An oversight rule: its stable id and the citation a reader can look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    /// Stable id.
    pub id: &'static str,
    /// Citation.
    pub basis: &'static str,
}

impl Rule {
    pub(crate) const fn of(meta: &RuleMeta) -> Rule {
        Rule { id: meta.id, basis: meta.citation }
    }
}

/// Health evidence older than the limit at a team meeting or decision (BDO's measure; the
/// authority's duty to inform the case).
pub const HELBRED_ALDER: Rule = Rule { id: "fremdrift.helbredsoplysninger.alder", basis: "RSL § 10" };
/// A work test older than it should be.
pub const ARBEJDSPROEVNING_ALDER: Rule = Rule::of(&rulebook::ankestyrelsen::P3_07);
/// No event in the case for N weeks.
pub const PASSIVITET: Rule = Rule::of(&rulebook::rsl::HURTIGST_MULIGT);
/// No measure in the year before a team meeting.
pub const INGEN_INDSATS: Rule =
    Rule { id: "fremdrift.ingen_indsats_foer_moede", basis: "Taskforcerapporten kap. 8.3.3 (BDO)" };
/// More than 2 years without clarification.
pub const AFKLARING_2_AAR: Rule =
    Rule { id: "fremdrift.afklaring_over_2_aar", basis: "U.2014.3146Ø, U.2015.124Ø, U.2016.51V" };
/// A track's conditions are met but nothing has been started.
pub const RSL5_IKKE_STARTET: Rule = Rule::of(&rulebook::rsl::HELHEDSVURDERING);
/// Too many handovers.
pub const SAGSBEHANDLERSKIFT: Rule = Rule { id: "fremdrift.sagsbehandlerskift", basis: "Taskforce-anbefaling 2" };
/// Too many distinct writers.
pub const SKRIVERE: Rule = Rule { id: "fremdrift.antal_skrivere", basis: "Taskforce-anbefaling 2" };
/// Within 5 years of folkepension age and not told about seniorfoertidspension (until 2019).
pub const SENIOR_VEJLEDNING: Rule = Rule::of(&rulebook::praksis::SENIOR_VEJLEDNING);
/// Within 6 years of folkepension age and not told about seniorpension (from 2020).
pub const SENIORPENSION_VEJLEDNING: Rule = Rule::of(&rulebook::praksis::SENIORPENSION_VEJLEDNING);
/// A young citizen with a developmental disability heading into a long clarification.
pub const UNG_UDVIKLINGSHAEMNING: Rule =
    Rule { id: "fremdrift.ung_udviklingshaemning", basis: "Taskforce-anbefaling 1" };

/// Review: the decision could have been made earlier (RSL § 3).
pub const TIDLIGERE: Rule = Rule::of(&rulebook::rsl::HURTIGST_MULIGT);
/// Review: another track's conditions were met on the decision date.
pub const ANDEN_AFGOERELSE: Rule = Rule { id: "gennemgang.anden_afgoerelse_mulig", basis: "RSL § 5" };
/// Review: a postponement by the team without a stated reason.
pub const UDSAETTELSE_UDEN_BEGRUNDELSE: Rule =
    Rule { id: "gennemgang.udsaettelse_uden_begrundelse", basis: "RSL § 10" };
/// Category 1: the team recommended foertidspension, the municipality refused.
pub const KAT_1: Rule =
    Rule { id: "gennemgang.kategori.indstillet_foertidspension_afslag", basis: "Taskforcerapporten tabel 8.1, kat. 1" };
/// Category 2.a: two ressourceforloeb in a row for a citizen over 40.
pub const KAT_2A: Rule =
    Rule { id: "gennemgang.kategori.to_ressourceforloeb_over_40", basis: "Taskforcerapporten tabel 8.1, kat. 2.a" };
/// Category 2.b: the citizen appealed a ressourceforloeb grant.
pub const KAT_2B: Rule =
    Rule { id: "gennemgang.kategori.klage_over_ressourceforloeb", basis: "Taskforcerapporten tabel 8.1, kat. 2.b" };
/// Category 2.c: cash benefit after a ressourceforloeb.
pub const KAT_2C: Rule = Rule {
    id: "gennemgang.kategori.kontanthjaelp_efter_ressourceforloeb",
    basis: "Taskforcerapporten tabel 8.1, kat. 2.c",
};
/// Category 3: postponed by the team.
pub const KAT_3: Rule =
    Rule { id: "gennemgang.kategori.udsat_af_rehabiliteringsteamet", basis: "Taskforcerapporten tabel 8.1, kat. 3" };
/// Category 4: foertidspension or fleksjob granted.
pub const KAT_4: Rule = Rule { id: "gennemgang.kategori.bevilget", basis: "Taskforcerapporten tabel 8.1, kat. 4" };
/// Timeliness: the local 23-week service target.
pub const SERVICEMAAL: Rule =
    Rule { id: "praksis.servicemaal.23_uger", basis: "BIF-servicemål af 7. oktober 2013 (lokalt mål)" };

/// Every oversight rule of this crate (reused rulebook rules included).
pub const ALL: &[Rule] = &[
    HELBRED_ALDER,
    ARBEJDSPROEVNING_ALDER,
    PASSIVITET,
    INGEN_INDSATS,
    AFKLARING_2_AAR,
    RSL5_IKKE_STARTET,
    SAGSBEHANDLERSKIFT,
    SKRIVERE,
    SENIOR_VEJLEDNING,
    SENIORPENSION_VEJLEDNING,
    UNG_UDVIKLINGSHAEMNING,
    ANDEN_AFGOERELSE,
    UDSAETTELSE_UDEN_BEGRUNDELSE,
    KAT_1,
    KAT_2A,
    KAT_2B,
    KAT_2C,
    KAT_3,
    KAT_4,
    SERVICEMAAL,
];
