"""Runs the OpenFisca model on the person table and writes the three track statuses (bench/peers.sh).

usage: run_openfisca.py PERSONS.csv OUT.csv [AS_OF]
"""

import csv
import sys
import time
from datetime import date

import numpy as np
from openfisca_core.simulations import SimulationBuilder

from openfisca_model import CRITERIA, STATUS_NAMES, AfklaringSystem, Attachment


def main():
    source, out = sys.argv[1], sys.argv[2]
    as_of = sys.argv[3] if len(sys.argv) > 3 else "2019-06-01"
    period = as_of[:7]  # the month; the model judges as of its first day
    assert as_of.endswith("-01"), "the OpenFisca model judges as of the first day of a month"

    started = time.perf_counter()
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    columns = list(zip(*rows))
    col = {name: np.array(values) for name, values in zip(header, columns)}
    n = len(rows)
    read = time.perf_counter() - started

    started = time.perf_counter()
    system = AfklaringSystem()
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", col["id"])
    simulation = builder.build(system)
    simulation.set_input("birth_date", "ETERNITY", col["birth_date"].astype("datetime64[D]"))
    for c in CRITERIA:
        simulation.set_input(c, "ETERNITY", col[c].astype(np.int64))
    simulation.set_input("ressourceforloeb", "ETERNITY", col["ressourceforloeb"].astype(np.int64))
    applied = col["senior_application"] != ""
    simulation.set_input("har_senioransoegning", "ETERNITY", applied)
    simulation.set_input(
        "senioransoegning_dato", "ETERNITY", np.where(applied, col["senior_application"], "1970-01-01").astype("datetime64[D]")
    )
    years = col["years_work"]
    simulation.set_input("aars_fuldtidsarbejde", "ETERNITY", np.where(years == "", "-1", years).astype(np.float64))
    attachment = col["attachment"]
    simulation.set_input("tilknytning", "ETERNITY", np.where(attachment == "", "ukendt", attachment).astype(str))
    setup = time.perf_counter() - started

    started = time.perf_counter()
    results = [
        simulation.calculate(v, period)
        for v in ("foertidspension_status", "seniorfoertidspension_status", "fleksjob_status")
    ]
    compute = time.perf_counter() - started

    started = time.perf_counter()
    names = [STATUS_NAMES[r] for r in results]
    with open(out, "w", encoding="utf-8") as f:
        f.write("id,foertidspension,seniorfoertidspension,fleksjob\n")
        f.writelines(f"{i},{a},{b},{c}\n" for i, a, b, c in zip(col["id"], *names))
    write = time.perf_counter() - started
    print(
        f"OpenFisca: "
        f"{n} persons as of {as_of}: read {read:.2f} s, set-up {setup:.2f} s, calculate {compute:.2f} s "
        f"({n / compute:.0f} persons/s), write {write:.2f} s"
    )


if __name__ == "__main__":
    main()
