"""The foertidspension, seniorfoertidspension and fleksjob target-group conditions as an OpenFisca model.

The same conditions `crates/rulebook` applies (PL §§ 16-18 and 20, PL § 17, stk. 3 with BEK
1555/2013, LAB §§ 69-70 with Ankestyrelsen 24-14), written for OpenFisca's vectorised
formulas over the person table of `persons.py`, where every judgement is either missing or
valid. A track's status is the worst condition: 0 opfyldt, 1 mangler vurdering,
2 mangler dokumentation, 3 ikke opfyldt; 4 is ikke aktuel (the track is not in play).
The PL § 18 requirement that a ressourceforloeb has been tried has two dated formulas
(before and after L 193, in force 1 June 2018).
"""

import os
from datetime import date

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

OPFYLDT, MANGLER_VURDERING, MANGLER_DOKUMENTATION, IKKE_OPFYLDT, IKKE_AKTUEL = 0, 1, 2, 3, 4
STATUS_NAMES = np.array(["opfyldt", "mangler_vurdering", "mangler_dokumentation", "ikke_opfyldt", "ikke_aktuel"])

Person = build_entity(key="person", plural="persons", label="A citizen", is_person=True)

CRITERIA = [
    "arbejdsevne_varigt_nedsat",
    "arbejdsevne_vaesentligt_nedsat",
    "kan_ikke_forbedres_dokumenteret",
    "kan_ikke_forbedres_aabenbart",
    "aabenbart_formaalsloest",
    "udviklingsperspektiv",
    "alle_relevante_tilbud_afproevet",
    "kan_arbejde_faa_timer",
    "udvikling_inden_for_rimelig_periode",
    "kan_ikke_arbejde_paa_ordinaere_vilkaar",
    "afklaret_uddannelse_beskaeftigelse",
]


class Attachment(Enum):
    ukendt = "not stated"
    beskaeftigelse = "employment"
    sygedagpenge = "sickness benefit"
    helbredsbetinget_ophoer = "health-related end of work"
    kontanthjaelp_kort = "cash benefit, short"
    kontanthjaelp_laenge = "cash benefit, long, unemployment alone"


def _input(name, value_type, default, label):
    return type(
        name,
        (Variable,),
        {
            "value_type": value_type,
            "default_value": default,
            "entity": Person,
            "definition_period": ETERNITY,
            "label": label,
        },
    )


INPUTS = [_input(c, int, -1, f"judgement {c}: -1 none, 0 no, 1 yes") for c in CRITERIA] + [
    _input("birth_date", date, date(1970, 1, 1), "birth date"),
    _input("ressourceforloeb", int, 0, "ressourceforloeb started"),
    _input("har_senioransoegning", bool, False, "has applied for seniorfoertidspension"),
    _input("senioransoegning_dato", date, date(1970, 1, 1), "date of the application"),
    _input("aars_fuldtidsarbejde", float, -1.0, "years of full-time work, -1 not stated"),
]


class tilknytning(Variable):
    value_type = Enum
    possible_values = Attachment
    default_value = Attachment.ukendt
    entity = Person
    definition_period = ETERNITY
    label = "current attachment to the labour market"


# --- date helpers (calendar months clamp to the end of a shorter month, as chrono does) ---

def _ymd(d):
    y = d.astype("datetime64[Y]").astype(np.int64) + 1970
    m = d.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (d - d.astype("datetime64[M]")).astype(np.int64) + 1
    return y, m, day


def add_months(d, n):
    y, m, day = _ymd(d)
    months = (y - 1970) * 12 + (m - 1) + n
    first = months.astype("datetime64[M]")
    length = ((first + 1).astype("datetime64[D]") - first.astype("datetime64[D]")).astype(np.int64)
    return first.astype("datetime64[D]") + (np.minimum(day, length) - 1)


def age_on(birth, on):
    by, bm, bd = _ymd(birth)
    oy, om, od = _ymd(np.datetime64(on, "D"))
    younger = (om < bm) | ((om == bm) & (od < bd))
    return oy - by - younger.astype(np.int64)


# PL § 1 a: folkepension age in months by birth cohort (first birth date of each cohort).
COHORT_STARTS = np.array(["1954-01-01", "1954-07-01", "1955-01-01", "1955-07-01", "1963-01-01", "1967-01-01"], dtype="datetime64[D]")
COHORT_MONTHS = np.array([65 * 12, 65 * 12 + 6, 66 * 12, 66 * 12 + 6, 67 * 12, 68 * 12, 69 * 12])


def required(flag):
    """A judgement that must be yes: missing needs a judgement, no fails."""
    return np.select([flag == 1, flag == 0], [OPFYLDT, IKKE_OPFYLDT], MANGLER_VURDERING)


class alder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "age on the first day of the month"

    def formula(person, period):
        return age_on(person("birth_date", period), period.start.date)


class folkepension_dato(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "the day the citizen reaches folkepension age (PL § 1 a)"

    def formula(person, period):
        birth = person("birth_date", period)
        months = COHORT_MONTHS[np.searchsorted(COHORT_STARTS, birth, side="right")]
        return add_months(birth, months)


class uden_for_aldersgraensen(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "under 18 or at folkepension age: foertidspension and fleksjob are not in play"

    def formula(person, period, parameters):
        p = parameters(period).foertidspension
        as_of = np.datetime64(period.start.date, "D")
        return (person("alder", period) < p.minimum_alder) | (as_of >= person("folkepension_dato", period))


class aabenbart(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "obviously not improvable or obviously pointless"

    def formula(person, period):
        return (person("kan_ikke_forbedres_aabenbart", period) == 1) | (person("aabenbart_formaalsloest", period) == 1)


class ressourceforloeb_krav(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "PL § 18, stk. 1: a ressourceforloeb tried (level of the condition)"

    def formula_2013_01_01(person, period):
        # Before L 193: required unless obviously pointless.
        tried = person("ressourceforloeb", period) > 0
        formaal = person("aabenbart_formaalsloest", period)
        return np.where(tried, OPFYLDT, np.select([formaal == 0, formaal == -1], [IKKE_OPFYLDT, MANGLER_VURDERING], OPFYLDT))

    def formula_2018_06_01(person, period):
        # L 193: only relevant measures; a ressourceforloeb is relevant with an udviklingsperspektiv.
        tried = person("ressourceforloeb", period) > 0
        udv = person("udviklingsperspektiv", period)
        return np.where(tried, OPFYLDT, np.select([udv == 1, udv == -1], [IKKE_OPFYLDT, MANGLER_VURDERING], OPFYLDT))


class foertidspension_status(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "PL §§ 16-18, 20: foertidspension"

    def formula(person, period, parameters):
        p = parameters(period).foertidspension
        level = np.maximum(required(person("arbejdsevne_varigt_nedsat", period)), required(person("arbejdsevne_vaesentligt_nedsat", period)))
        flags = [person(c, period) for c in ("kan_ikke_forbedres_dokumenteret", "kan_ikke_forbedres_aabenbart", "aabenbart_formaalsloest")]
        any_yes = (flags[0] == 1) | (flags[1] == 1) | (flags[2] == 1)
        all_missing = (flags[0] == -1) & (flags[1] == -1) & (flags[2] == -1)
        improve = np.select([any_yes, all_missing], [OPFYLDT, MANGLER_VURDERING], IKKE_OPFYLDT)
        level = np.maximum(level, improve)
        tried = np.maximum(required(person("alle_relevante_tilbud_afproevet", period)), person("ressourceforloeb_krav", period))
        level = np.maximum(level, np.where(person("aabenbart", period), OPFYLDT, tried))
        _ = p.hovedregel_alder  # the 18-39 rule changes findings, not the status, for these persons
        return np.where(person("uden_for_aldersgraensen", period), IKKE_AKTUEL, level)


class seniorfoertidspension_status(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "PL § 17, stk. 3 and BEK 1555/2013: seniorfoertidspension"
    default_value = IKKE_AKTUEL  # before the scheme was in force

    def formula_2014_01_01(person, period, parameters):
        p = parameters(period).foertidspension
        as_of = np.datetime64(period.start.date, "D")
        pension = person("folkepension_dato", period)
        opens = add_months(pension, -p.senior_vindue_maaneder)
        applied = person("har_senioransoegning", period) & (person("senioransoegning_dato", period) <= as_of)
        reference = np.where(applied, person("senioransoegning_dato", period), as_of)
        not_in_play = (as_of >= pension) | (reference < opens) | ~applied
        years = person("aars_fuldtidsarbejde", period)
        level = np.select([years < 0, years < p.senior_arbejdsaar], [MANGLER_DOKUMENTATION, IKKE_OPFYLDT], OPFYLDT)
        attachment = person("tilknytning", period)
        level = np.maximum(
            level,
            np.select(
                [attachment == Attachment.ukendt, attachment == Attachment.kontanthjaelp_laenge],
                [MANGLER_DOKUMENTATION, IKKE_OPFYLDT],
                OPFYLDT,
            ),
        )
        level = np.maximum(level, required(person("arbejdsevne_varigt_nedsat", period)))
        level = np.maximum(level, required(person("arbejdsevne_vaesentligt_nedsat", period)))
        return np.where(not_in_play, IKKE_AKTUEL, level)


class fleksjob_status(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "LAB §§ 69-70: the fleksjob target group"

    def formula(person, period):
        level = required(person("arbejdsevne_varigt_nedsat", period))
        level = np.maximum(level, required(person("arbejdsevne_vaesentligt_nedsat", period)))
        level = np.maximum(level, required(person("kan_ikke_arbejde_paa_ordinaere_vilkaar", period)))
        level = np.maximum(level, np.where(person("foertidspension_status", period) == OPFYLDT, IKKE_OPFYLDT, OPFYLDT))
        few = person("kan_arbejde_faa_timer", period)
        level = np.maximum(level, np.where(few == -1, MANGLER_VURDERING, OPFYLDT))
        level = np.maximum(level, np.where(few == 1, required(person("udvikling_inden_for_rimelig_periode", period)), OPFYLDT))
        afklaret = person("afklaret_uddannelse_beskaeftigelse", period)
        untried = np.select([few == 1, few == 0], [required(afklaret), IKKE_OPFYLDT], OPFYLDT)
        offers = np.maximum(
            required(person("alle_relevante_tilbud_afproevet", period)),
            np.where(person("ressourceforloeb", period) == 0, untried, OPFYLDT),
        )
        level = np.maximum(level, np.where(person("aabenbart_formaalsloest", period) == 1, OPFYLDT, offers))
        return np.where(person("uden_for_aldersgraensen", period), IKKE_AKTUEL, level)


class AfklaringSystem(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Person])
        for variable in INPUTS + [tilknytning, alder, folkepension_dato, uden_for_aldersgraensen, aabenbart,
                                 ressourceforloeb_krav, foertidspension_status, seniorfoertidspension_status, fleksjob_status]:
            self.add_variable(variable)
        self.load_parameters(os.path.join(os.path.dirname(os.path.abspath(__file__)), "parameters"))
