"""Four of the indicators of `analytics::indicators`, computed with DuckDB SQL over the exported journal (bench/peers.sh).

usage: duckdb_indicators.py JOURNAL.jsonl POPULATION.csv YEAR WORKDIR [AFKLARING.json]

1. Converts the exported journal (JSON Lines) to Parquet once (timed apart: the ETL an analyst
   would run).
2. Computes, per scope (country and each municipality) and age group (16-66, 40-66, 16-39),
   with the age on the event's date:
   - tilgang_foertidspension: `afgoerelse` `tilkendt_foertidspension` dated in the year per
     10,000 inhabitants of the population table (rows counted by the share of their ages inside
     the group, as `PopulationTable::count` does);
   - tilgang_fleksjob: the same for `bevilget_fleksjob`;
   - rehabiliteringsmoeder_per10000: `rehabiliteringsmoede` events in the year per 10,000;
   - omgoerelsesprocent (category `alle`): `ankestyrelsen` results in the year other than
     `afvist`; (aendret + hjemvist) / all of them * 100.
3. With AFKLARING.json (`afklaring indicators --json`), checks every cell afklaring shows (not
   suppressed) against DuckDB's numerator, denominator and value.
"""

import json
import os
import sys
import time

import duckdb

SQL = """
WITH citizen AS (
    SELECT "case", max_by(birth_date, e0."at") AS birth, max_by(municipality, e0."at") AS municipality
    FROM ev e0 WHERE e0.type = 'borger' GROUP BY "case"
),
groups(age_group, lo, hi) AS (VALUES ('16-66', 16, 66), ('40-66', 40, 66), ('16-39', 16, 39)),
counted AS (
    SELECT CASE
             WHEN e.type = 'afgoerelse' AND e.outcome = 'tilkendt_foertidspension' THEN 'tilgang_foertidspension'
             WHEN e.type = 'afgoerelse' AND e.outcome = 'bevilget_fleksjob' THEN 'tilgang_fleksjob'
             WHEN e.type = 'rehabiliteringsmoede' THEN 'rehabiliteringsmoeder_per10000'
             ELSE 'omgoerelsesprocent' END AS metric,
           c.municipality,
           date_sub('year', c.birth, e."at") AS age,
           CASE WHEN e.result IN ('aendret', 'hjemvist') THEN 1 ELSE 0 END AS reversed
    FROM ev e JOIN citizen c USING ("case")
    WHERE year(e."at") = $year AND e."at" >= c.birth
      AND ((e.type = 'afgoerelse' AND e.outcome IN ('tilkendt_foertidspension', 'bevilget_fleksjob'))
           OR e.type = 'rehabiliteringsmoede'
           OR (e.type = 'ankestyrelsen' AND e.result <> 'afvist'))
),
scoped AS (
    SELECT metric, 'country' AS kind, '' AS key, age, reversed FROM counted
    UNION ALL
    SELECT metric, 'municipality', municipality, age, reversed FROM counted
),
cells AS (
    SELECT s.metric, s.kind, s.key, g.age_group, count(*) AS n, sum(s.reversed) AS reversed
    FROM scoped s JOIN groups g ON s.age BETWEEN g.lo AND g.hi
    GROUP BY ALL
),
population AS (
    SELECT k.kind, CASE WHEN k.kind = 'country' THEN '' ELSE p.municipality END AS key, g.age_group,
           sum(p.count * greatest(0, least(p.age_to, g.hi) - greatest(p.age_from, g.lo) + 1)
               / (p.age_to - p.age_from + 1)) AS inhabitants
    FROM pop p, groups g, (SELECT 'country' AS kind UNION ALL SELECT 'municipality') k
    WHERE p.year = $year
    GROUP BY ALL
),
rates AS (
    SELECT m.metric, p.kind, p.key, p.age_group,
           coalesce(c.n, 0)::DOUBLE AS numerator, p.inhabitants AS denominator,
           coalesce(c.n, 0) / p.inhabitants * 10000 AS value
    FROM population p
    CROSS JOIN (VALUES ('tilgang_foertidspension'), ('tilgang_fleksjob'), ('rehabiliteringsmoeder_per10000')) m(metric)
    LEFT JOIN cells c ON c.metric = m.metric AND c.kind = p.kind AND c.key = p.key AND c.age_group = p.age_group
)
SELECT * FROM rates
UNION ALL
SELECT 'omgoerelsesprocent', kind, key, age_group, reversed::DOUBLE, n::DOUBLE, reversed / n * 100
FROM cells WHERE metric = 'omgoerelsesprocent'
ORDER BY 1, 2, 3, 4
"""


def main():
    journal, population, year, workdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    expected = sys.argv[5] if len(sys.argv) > 5 else None
    con = duckdb.connect()
    parquet = os.path.join(workdir, "journal.parquet")

    started = time.perf_counter()
    con.execute(f"""
        COPY (SELECT * FROM read_json('{journal}', format = 'newline_delimited',
              columns = {{'case': 'VARCHAR', 'at': 'DATE', 'type': 'VARCHAR', 'birth_date': 'DATE',
                          'municipality': 'VARCHAR', 'outcome': 'VARCHAR', 'result': 'VARCHAR'}}))
        TO '{parquet}' (FORMAT parquet)""")
    etl = time.perf_counter() - started

    started = time.perf_counter()
    con.execute(f"CREATE VIEW ev AS SELECT * FROM read_parquet('{parquet}')")
    con.execute(f"CREATE VIEW pop AS SELECT * FROM read_csv('{population}', header = true, types = {{'municipality': 'VARCHAR'}})")
    rows = con.execute(SQL, {"year": year}).fetchall()
    query = time.perf_counter() - started
    print(f"duckdb {duckdb.__version__}: journal to Parquet {etl:.2f} s; four indicators for {year} over Parquet {query:.2f} s ({len(rows)} cells)")

    if expected is None:
        return
    with open(expected, encoding="utf-8") as f:
        report = json.load(f)
    ours = {}
    for r in report["indicators"]:
        scope = r["scope"]
        if scope["kind"] not in ("country", "municipality"):
            continue
        if r["metric"] == "omgoerelsesprocent" and r.get("category") != "alle":
            continue
        ours[(r["metric"], scope["kind"], scope.get("key", ""), r["age_group"])] = r
    compared = suppressed = 0
    bad = []
    theirs = {(m, k, key, g): (n, d, v) for m, k, key, g, n, d, v in rows}
    for key, r in ours.items():
        if key[0] not in ("tilgang_foertidspension", "tilgang_fleksjob", "rehabiliteringsmoeder_per10000", "omgoerelsesprocent"):
            continue
        if r["suppressed"] or r["numerator"] is None:
            suppressed += 1
            continue
        got = theirs.get(key)
        if got is None:
            bad.append((key, "missing in DuckDB"))
            continue
        for name, a, b in zip(("numerator", "denominator", "value"), (r["numerator"], r["denominator"], r["value"]), got):
            if a is None or b is None or abs(a - b) > 1e-6 * max(1.0, abs(a)):
                bad.append((key, name, a, b))
        compared += 1
    print(f"agreement: {compared} cells compared, {len(bad)} differ, {suppressed} suppressed by afklaring (small cells) not compared")
    for b in bad[:10]:
        print("  DIFFERS", b)
    if bad or compared == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
