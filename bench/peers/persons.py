"""Writes the deterministic synthetic person table both eligibility engines read (bench/peers.sh).

usage: persons.py N OUT.csv [SEED]

Columns: id, birth_date, eleven judgement flags (-1 = no judgement, 0 = no, 1 = yes; the order is
CRITERIA below), ressourceforloeb (how many started), senior_application (date or empty),
years_work (years of full-time work or empty), attachment (current attachment or empty).
The judgements are all made ten days before the as-of date on a fresh health document, so
the rules see them as valid; what varies is age, the answers, and the application.
"""

import sys

import numpy as np

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
ATTACHMENTS = ["beskaeftigelse", "sygedagpenge", "helbredsbetinget_ophoer", "kontanthjaelp_kort", "kontanthjaelp_laenge"]
AS_OF = np.datetime64("2019-06-01")


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = np.random.Generator(np.random.PCG64(seed))
    first, last = np.datetime64("1950-01-01"), np.datetime64("2004-12-31")
    birth = first + rng.integers(0, (last - first).astype(int) + 1, n)
    # Each judgement: missing 15 %, no 25 %, yes 60 % (the yes-heavy mix reaches every branch).
    flags = rng.choice(np.array([-1, 0, 1], dtype=np.int8), size=(n, len(CRITERIA)), p=[0.15, 0.25, 0.60])
    rf = rng.choice(np.array([0, 1, 2]), size=n, p=[0.5, 0.35, 0.15])
    # A seniorfoertidspension application for half of those born before 1962, dated 0-800 days before as-of.
    applies = (birth < np.datetime64("1962-01-01")) & (rng.random(n) < 0.5)
    app_date = AS_OF - rng.integers(0, 801, n)
    years = np.round(rng.uniform(10, 40, n) * 2) / 2
    years_known = rng.random(n) >= 0.1
    attachment = rng.integers(0, len(ATTACHMENTS), n)
    attachment_known = rng.random(n) >= 0.1
    with open(out, "w", encoding="utf-8") as f:
        f.write("id,birth_date," + ",".join(CRITERIA) + ",ressourceforloeb,senior_application,years_work,attachment\n")
        birth_s = birth.astype(str)
        app_s = app_date.astype(str)
        for i in range(n):
            row = [str(i + 1), birth_s[i]]
            row += [str(v) for v in flags[i]]
            row.append(str(rf[i]))
            if applies[i]:
                row.append(app_s[i])
                row.append(f"{years[i]:.1f}" if years_known[i] else "")
                row.append(ATTACHMENTS[attachment[i]] if attachment_known[i] else "")
            else:
                row += ["", "", ""]
            f.write(",".join(row) + "\n")


if __name__ == "__main__":
    main()
