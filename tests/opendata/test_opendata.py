"""The published open data read by independent tools, as a reuser would read it.

- JSON Schema (Python `jsonschema`, draft 2020-12): the dataset fits the schema, and for every
  file of tests/fixtures/ the schema's verdict is the one expected below: every fault JSON
  Schema can express is rejected by the schema alone, and the table says which faults only the
  app's validator finds (cross references, order of dates, "not in the future").
- The Frictionless Data Package (Python `frictionless`): valid, every resource with its size and
  hash, licence, sources, version and created date as the dataset and changelog say.
- Every CSV read back with Python's `csv` module: the header on the first line, one record per
  line, and each row compared with the dataset (the derived columns recomputed here from the
  definitions in docs/DATA.md).
- The DCAT-AP.de catalogue record read as RDF (`rdflib`, JSON-LD), and CITATION.cff as YAML.

Run by `scripts/test.sh` (layer `opendata`) with the project's .venv (scripts/setup.sh --test);
by hand: .venv/bin/python tests/opendata/test_opendata.py
"""

import copy
import csv
import hashlib
import json
import sys
import threading
import unittest
from pathlib import Path

import frictionless
import rdflib
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "public" / "data"
FIXTURES = ROOT / "tests" / "fixtures"


def load_json(path):
    """A file as JSON the way the app reads it: UTF-8, a leading byte order mark allowed, and
    nothing beyond JSON (Python would take NaN and Infinity)."""

    def not_json(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(path.read_bytes().decode("utf-8-sig"), parse_constant=not_json)


SCHEMA = load_json(DATA / "cdo-atlas.schema.json")
VALIDATOR = Draft202012Validator(SCHEMA)

NOT_JSON, REJECTED, VALID = "not JSON", "rejected", "valid"

# For each fixture: what the JSON Schema alone says, where (the path of an error it reports),
# and why. VALID with a fault means the fault is one JSON Schema cannot express; the app's
# validator rejects it (crates/model/tests/fixtures.rs has its exact outcome).
EXPECTED = {
    # Not JSON at all: no schema is asked.
    "truncated.json": (NOT_JSON, None, "cut off in the middle"),
    "empty-body.json": (NOT_JSON, None, "empty"),
    "whitespace-body.json": (NOT_JSON, None, "only whitespace"),
    "html-error-page.json": (NOT_JSON, None, "an HTML error page"),
    "nan-literal.json": (NOT_JSON, None, "NaN is not JSON"),
    # The file's shape.
    "top-level-array.json": (REJECTED, "$", "not an object"),
    "top-level-string.json": (REJECTED, "$", "not an object"),
    "top-level-null.json": (REJECTED, "$", "not an object"),
    "schema-major-3.json": (REJECTED, "$.schema_version", "an unknown major version"),
    "schema-version-missing.json": (REJECTED, "$", "schema_version missing"),
    "entities-not-a-list.json": (REJECTED, "$.entities", "entities not an array"),
    # The app refuses 128 levels; JSON allows them, and the schema rejects what is there.
    "deep-nesting.json": (REJECTED, "$.entities[0].context[0]", "an array 20,000 deep as a context note"),
    # One fault in one entry.
    "schema-1-1.json": (REJECTED, "$.entities[0]", "schema 1.1 (one office, no periods): the app reads it, this schema describes major 2"),
    "period-until-before-since.json": (VALID, None, "validator only: a period's until before its since"),
    "until-before-since.json": (VALID, None, "validator only: a holder's until before their since"),
    "no-periods.json": (REJECTED, "$.entities[0].periods", "no period"),
    "bad-ags.json": (REJECTED, "$.entities[0].ags", "an AGS of 7 digits"),
    "federal-with-land.json": (REJECTED, "$.entities[0].land", "the federal level with a Land"),
    "wrong-types-in-one-entry.json": (REJECTED, "$.entities[1].name", "wrong types"),
    "nulls-in-one-entry.json": (REJECTED, "$.entities[1].name", "null for required values"),
    "non-objects-as-entries.json": (REJECTED, "$.entities[0]", "entries that are not objects"),
    "duplicate-ids.json": (VALID, None, "validator only: an id used twice (JSON Schema compares whole items only)"),
    "id-not-a-slug.json": (REJECTED, "$.entities[0].id", "an id that is not a slug"),
    "nan-as-string.json": (REJECTED, "$.entities[0].coordinates.lat", "a coordinate as a string"),
    "huge-coordinates.json": (REJECTED, "$.entities[0].coordinates.lat", "coordinates of 1e308"),
    "out-of-range-coordinates.json": (REJECTED, "$.entities[0].coordinates.lat", "latitude 91"),
    "coordinates-outside-germany.json": (REJECTED, "$.entities[0].coordinates.lon", "Paris"),
    "date-far-past.json": (REJECTED, "$.entities[0].periods[0].since.date", "a date before 1900"),
    "date-far-future.json": (VALID, None, "validator only: a date after today (a schema has no today)"),
    "date-not-a-date.json": (REJECTED, "$.entities[0].periods[0].since.date", "30 February"),
    "huge-population.json": (REJECTED, "$.entities[0].population.value", "1e30 people"),
    "negative-population.json": (REJECTED, "$.entities[0].population.value", "-5 people"),
    "five-megabyte-string.json": (REJECTED, "$.entities[0].name", "a name of 5 MB"),
    "unknown-land.json": (REJECTED, "$.entities[0].land", "DE-XX"),
    "unknown-form.json": (REJECTED, "$.entities[0].periods[0].form", "an unknown form"),
    "javascript-url.json": (REJECTED, "$.entities[0].sources[0].url", "a javascript: URL"),
    "data-url.json": (REJECTED, "$.entities[1].sources[0].url", "a data: URL"),
    "javascript-interview-url.json": (REJECTED, "$.entities[2].interview.url", "a JavaScript: URL"),
    "bidi-and-control-characters.json": (REJECTED, "$.entities[0].name", "a right-to-left override and control characters"),
    "missing-sources.json": (REJECTED, "$.entities[0]", "an entry without sources"),
    "dangling-source.json": (VALID, None, "validator only: a cited source the entry does not define"),
    "unsourced-fact.json": (REJECTED, "$.entities[0].periods[0].sources", "a fact with an empty list of sources"),
    "every-entry-bad.json": (REJECTED, "$.entities[0].land", "every entry with an unknown Land"),
    # No fault: the schema must accept them as the app does.
    "empty-entity-list.json": (VALID, None, "no fault: no entries"),
    "byte-order-mark.json": (VALID, None, "no fault: a byte order mark before the JSON"),
    "unknown-extra-fields.json": (VALID, None, "no fault: fields the format does not know (ignored)"),
    "emoji.json": (VALID, None, "no fault: emoji"),
    "zero-width-and-rtl-text.json": (VALID, None, "no fault: a zero-width space and Arabic text"),
    "script-payloads-everywhere.json": (VALID, None, "no fault: markup is text"),
}


def error_paths(doc):
    """Where the schema finds fault with `doc`: the paths of its errors and of the errors
    inside them (a value that fits no branch of an `anyOf`, such as a population that is
    neither a valid object nor null, is reported at the population, with why each branch
    failed inside)."""
    paths = set()

    def walk(errors):
        for e in errors:
            paths.add(e.json_path)
            walk(e.context or [])

    walk(VALIDATOR.iter_errors(doc))
    return sorted(paths)


def schema_verdict(path):
    """(verdict, the paths of the errors) of one file."""
    try:
        doc = load_json(path)
    except (ValueError, UnicodeDecodeError):
        return NOT_JSON, []
    paths = error_paths(doc)
    return (REJECTED if paths else VALID), paths


class JsonSchema(unittest.TestCase):
    def test_the_schema_is_a_valid_draft_2020_12_schema(self):
        self.assertEqual(SCHEMA["$schema"], "https://json-schema.org/draft/2020-12/schema")
        Draft202012Validator.check_schema(SCHEMA)

    def test_the_dataset_fits_the_schema(self):
        errors = [f"{e.json_path}: {e.message[:120]}" for e in VALIDATOR.iter_errors(load_json(DATA / "cdo-atlas.json"))]
        self.assertEqual(errors, [])

    def test_every_fixture_has_the_expected_verdict_and_the_table_says_which(self):
        files = sorted(p.name for p in FIXTURES.glob("*.json"))
        self.assertEqual(files, sorted(EXPECTED), "every fixture has an expectation and vice versa")
        rows, wrong = [], []
        for name in files:
            verdict, where, why = EXPECTED[name]
            got, paths = schema_verdict(FIXTURES / name)
            ok = got == verdict and (where is None or where in paths)
            if verdict == REJECTED and where is None:
                ok = False
            rows.append((name, got, where or "", why, "" if ok else "  <-- expected " + verdict + (f" at {where}" if where else "")))
            if not ok:
                wrong.append(name)
        width = max(len(r[0]) for r in rows)
        print("\nJSON Schema alone, per fixture (tests/fixtures/):")
        for name, got, first, why, flag in rows:
            print(f"  {name:<{width}}  {got:<9} {why}{' (' + first + ')' if first else ''}{flag}")
        counts = {v: sum(1 for r in rows if r[1] == v) for v in (NOT_JSON, REJECTED, VALID)}
        only_validator = sum(1 for v, _, why in EXPECTED.values() if v == VALID and why.startswith("validator only"))
        print(f"  {counts[REJECTED]} rejected by the schema, {counts[NOT_JSON]} not JSON, {counts[VALID]} valid "
              f"({only_validator} of them with a fault only the validator finds)")
        self.assertEqual(wrong, [])

    def test_faults_the_schema_can_express_beyond_the_fixtures(self):
        """One fault at a time in a real entry; each must be rejected at its field."""
        base = load_json(DATA / "cdo-atlas.json")
        city = next(i for i, e in enumerate(base["entities"]) if e["kind"] == "city")
        federal = next(i for i, e in enumerate(base["entities"]) if e["kind"] == "federal")

        def entity(i, f):
            doc = copy.deepcopy(base)
            f(doc["entities"][i])
            return doc

        cases = {
            "a blank name": (entity(city, lambda e: e.update(name=" \u3000")), f"$.entities[{city}].name"),
            "a name of 201 characters": (entity(city, lambda e: e.update(name="x" * 201)), f"$.entities[{city}].name"),
            "29 February 2023": (entity(city, lambda e: e["periods"][0].update(since={"date": "2023-02-29", "sources": e["periods"][0]["sources"]})), f"$.entities[{city}].periods[0].since"),
            "a month 13": (entity(city, lambda e: e["sources"][0].update(date="2020-13")), f"$.entities[{city}].sources[0].date"),
            "a URL without a host": (entity(city, lambda e: e["sources"][0].update(url="https:///x")), f"$.entities[{city}].sources[0].url"),
            "a URL with a space": (entity(city, lambda e: e["sources"][0].update(url="https://a.de/a b")), f"$.entities[{city}].sources[0].url"),
            "a city without a Land": (entity(city, lambda e: e.pop("land")), f"$.entities[{city}]"),
            "a population of 1.5": (entity(city, lambda e: e["population"].update(value=1.5)), f"$.entities[{city}].population"),
            "a population from 1899": (entity(city, lambda e: e["population"].update(year=1899)), f"$.entities[{city}].population"),
            "an unknown origin": (entity(city, lambda e: e["periods"][0].update(origin="nobility")), f"$.entities[{city}].periods[0].origin"),
            "party as a string": (entity(city, lambda e: e["sources"][0].update(party="yes")), f"$.entities[{city}].sources[0].party"),
            "a federal entry with a Land": (entity(federal, lambda e: e.update(land="DE-BE")), f"$.entities[{federal}].land"),
        }
        for what, (doc, where) in cases.items():
            paths = error_paths(doc)
            self.assertIn(where, paths, what)
        # …and what is no fault stays valid: the federal level without a Land, a date with `~`.
        ok = entity(federal, lambda e: e.pop("land", None))
        ok["entities"][city]["sources"][0]["date"] = "~2024-02-29"
        self.assertEqual([e.json_path for e in VALIDATOR.iter_errors(ok)], [])


DATASET = load_json(DATA / "cdo-atlas.json")
CHANGELOG = load_json(DATA / "cdo-atlas.changelog.json")["changes"]
PACKAGE = load_json(DATA / "datapackage.json")
BOM = "\ufeff"


def read_csv(path, delimiter=","):
    """(header, records, physical lines) of a CSV file, read with Python's csv module."""
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(BOM), f"{path.name}: a byte order mark first"
    text = text[len(BOM):]
    records = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True))
    assert text.endswith("\r\n"), f"{path.name}: every line ends with CRLF"
    return records[0], records[1:], text.count("\r\n")


def guarded(value):
    """A cell as the CSV writers write `value`: a leading =, +, -, @, tab or CR gets a '."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def day_span(date):
    """(earliest day, precision) of a partial date such as ~2019-01, for ordering."""
    body = date.lstrip("~")
    parts = [int(p) for p in body.split("-")]
    return (parts + [1, 1][len(parts) - 1:])[:3], len(parts)


def newest(dates):
    """The latest of partial dates, `~` dropped (docs/DATA.md, "Zuletzt belegt")."""
    dates = [d.lstrip("~") for d in dates if d]
    return max(dates, key=day_span) if dates else ""


HEADLINE = {
    "honorary_cdo": "honorary", "agency": "agency", "department": "department",
    "staff_unit": "staff-unit", "state_government": "state",
    "administrative_unit": "office", "other": "other",
}
CDO_BY_ORIGIN = {
    "academia": "cdo-academia", "internal": "cdo-internal", "private_sector": "cdo-private",
    "public_sector": "cdo-public", "politics": "cdo-politics", None: "cdo",
}


def headline(period):
    """The headline model of a period, by docs/DATA.md's definition."""
    if period["form"] == "cdo_post":
        return CDO_BY_ORIGIN[period.get("origin")]
    return HEADLINE[period["form"]]


def citations(period):
    """The source ids a period's facts cite, each once, in order."""
    ids = list(period["sources"])
    for dated in (period.get("since"), period.get("until")):
        ids += dated["sources"] if dated else []
    for h in period.get("holders", []):
        ids += h["sources"]
    if period.get("reporting_line"):
        ids += period["reporting_line"]["sources"]
    return list(dict.fromkeys(ids))


class DataPackage(unittest.TestCase):
    def test_frictionless_finds_the_package_valid(self):
        report = frictionless.validate(str(DATA / "datapackage.json"))
        print("\nfrictionless validate public/data/datapackage.json:")
        for task in report.tasks:
            errors = [e.message for e in task.errors][:3]
            print(f"  {task.name:<20} {task.type:<6} {'VALID' if task.valid else 'INVALID'} {errors if errors else ''}")
        self.assertTrue(report.valid, report.flatten(["type", "message"])[:5])
        self.assertEqual(len(report.tasks), len(PACKAGE["resources"]))

    def test_each_resource_is_a_published_file_with_its_size_and_hash(self):
        for r in PACKAGE["resources"]:
            content = (DATA / r["path"]).read_bytes()
            self.assertEqual(r["bytes"], len(content), r["path"])
            self.assertEqual(r["hash"], "sha256:" + hashlib.sha256(content).hexdigest(), r["path"])
        paths = {r["path"] for r in PACKAGE["resources"]}
        for name in ("cdo-atlas.json", "cdo-atlas.csv", "cdo-atlas.sources.csv", "cdo-atlas.schema.json", "cdo-atlas.changelog.json", "laender.json"):
            self.assertIn(name, paths)
        tables = [r for r in PACKAGE["resources"] if r["path"].endswith(".csv")]
        self.assertTrue(all(r["profile"] == "tabular-data-resource" and r["schema"]["fields"] for r in tables))

    def test_licence_sources_version_and_date_are_the_datasets(self):
        self.assertEqual(PACKAGE["version"], DATASET["data_version"])
        self.assertEqual(PACKAGE["version"], CHANGELOG[0]["version"])
        self.assertEqual(PACKAGE["created"], CHANGELOG[0]["date"] + "T00:00:00Z")
        self.assertEqual(DATASET["licence"], "CC BY 4.0")
        self.assertEqual([l["name"] for l in PACKAGE["licenses"]], ["CC-BY-4.0"])
        sources = " ".join(json.dumps(s, ensure_ascii=False) for s in PACKAGE["sources"])
        self.assertIn("© Statistisches Bundesamt (Destatis), 2024 – Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet", sources)
        self.assertIn("© GeoBasis-DE / BKG 2017", sources)
        outlines = next(r for r in PACKAGE["resources"] if r["path"] == "laender.json")
        self.assertEqual(outlines["licenses"][0]["name"], "GeoNutzV")


class Csv(unittest.TestCase):
    def test_the_whole_dataset_reads_back_one_row_per_entity_and_period(self):
        header, rows, lines = read_csv(DATA / "cdo-atlas.csv")
        fields = [f["name"] for f in next(r for r in PACKAGE["resources"] if r["path"] == "cdo-atlas.csv")["schema"]["fields"]]
        self.assertEqual(header, fields, "the header first, as the Table Schema names the columns")
        self.assertEqual(lines, len(rows) + 1, "one record per line")
        expected = []
        for e in DATASET["entities"]:
            sources = {s["id"]: s for s in e["sources"]}
            pop = e.get("population") or {}
            for n, p in enumerate(e["periods"], start=1):
                holders = p.get("holders", [])
                last = holders[-1] if holders and not holders[-1].get("until") else None
                reported = [d["date"] for d in (p.get("since"), p.get("until")) if d]
                reported += [h.get(k) for h in holders for k in ("since", "until")]
                dated = [sources[i].get("date") for i in citations(p)]
                line = p.get("reporting_line") or {}
                expected.append([
                    e["id"], e["name"], e["kind"], e.get("land") or "", e.get("ags") or "",
                    repr(e["coordinates"]["lat"]), repr(e["coordinates"]["lon"]),
                    str(pop.get("value", "")), str(pop.get("year", "")),
                    str(n), "true" if n == len(e["periods"]) else "false",
                    p["title"], p["form"], p.get("origin") or "", headline(p),
                    (p.get("since") or {}).get("date", ""), (p.get("until") or {}).get("date", ""),
                    last["name"] if last else "", (last or {}).get("since") or "",
                    "; ".join(h["name"] + (f" ({h.get('since') or ''}/{h.get('until') or ''})" if h.get("since") or h.get("until") else "") for h in holders),
                    line.get("de", ""), line.get("en", ""),
                    newest(reported + dated), "; ".join(citations(p)),
                ])
        expected = [[guarded(c) for c in row] for row in expected]
        self.assertEqual(len(rows), sum(len(e["periods"]) for e in DATASET["entities"]))
        for got, want in zip(rows, expected):
            self.assertEqual(dict(zip(header, got)), dict(zip(header, want)))
        self.assertFalse(any(guarded(c) != c for row in expected for c in row), "no value of today's data needs the formula guard")

    def test_the_sources_read_back_one_row_per_entity_and_source(self):
        header, rows, lines = read_csv(DATA / "cdo-atlas.sources.csv")
        self.assertEqual(header, ["entity_id", "source_id", "url", "title", "publisher", "date", "party"])
        self.assertEqual(lines, len(rows) + 1, "one record per line")
        expected = [
            [e["id"], s["id"], s["url"], s.get("title") or "", s.get("publisher") or "", s.get("date") or "", "true" if s.get("party") else "false"]
            for e in DATASET["entities"] for s in e["sources"]
        ]
        self.assertEqual(rows, [[guarded(c) for c in row] for row in expected])


class Catalogue(unittest.TestCase):
    def test_the_dcat_record_reads_as_rdf_and_names_every_distribution(self):
        path = DATA / "cdo-atlas.dcat.jsonld"
        g = rdflib.Graph().parse(path, format="json-ld")
        DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
        DCT = rdflib.Namespace("http://purl.org/dc/terms/")
        SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
        OWL = rdflib.Namespace("http://www.w3.org/2002/07/owl#")
        datasets = list(g.subjects(rdflib.RDF.type, DCAT.Dataset))
        self.assertEqual(len(datasets), 1)
        dataset = datasets[0]
        self.assertEqual({t.language for t in g.objects(dataset, DCT.title)}, {"de", "en"})
        self.assertEqual(str(g.value(dataset, OWL.versionInfo)), DATASET["data_version"])
        self.assertEqual(str(g.value(dataset, DCT.modified)), CHANGELOG[0]["date"])
        self.assertEqual(str(g.value(dataset, DCT.issued)), CHANGELOG[-1]["date"])
        self.assertIn(rdflib.URIRef("http://publications.europa.eu/resource/authority/country/DEU"), set(g.objects(dataset, DCT.spatial)))
        distributions = list(g.objects(dataset, DCAT.distribution))
        names = set()
        for d in distributions:
            url = g.value(d, DCAT.downloadURL)
            self.assertTrue(str(url).startswith(path.parent.as_uri() + "/"), f"{url}: relative to the record")
            name = str(url).rsplit("/", 1)[1]
            content = (DATA / name).read_bytes()
            self.assertEqual(int(g.value(d, DCAT.byteSize)), len(content), name)
            checksum = g.value(d, SPDX.checksum)
            self.assertEqual(str(g.value(checksum, SPDX.checksumValue)), hashlib.sha256(content).hexdigest(), name)
            self.assertEqual(g.value(d, DCT.license), rdflib.URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0"), name)
            names.add(name)
        self.assertEqual(names, {"cdo-atlas.json", "cdo-atlas.csv", "cdo-atlas.sources.csv", "datapackage.json"})

    def test_the_citation_file_cites_the_dataset_at_its_version(self):
        cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
        self.assertEqual(cff["cff-version"], "1.2.0")
        for key in ("message", "title", "authors"):
            self.assertTrue(cff[key], key)
        cited = cff["preferred-citation"]
        self.assertEqual((cited["type"], cited["license"]), ("data", "CC-BY-4.0"))
        self.assertEqual(str(cited["version"]), DATASET["data_version"])
        self.assertEqual(str(cited["date-released"]), CHANGELOG[0]["date"])
        self.assertTrue(cited["authors"] and cited["title"])


def main():
    """Runs the tests in a thread with a large stack: deep-nesting.json is 20,000 levels deep,
    deeper than Python's default recursion limit lets its JSON reader go."""
    outcome = {}

    def run():
        sys.setrecursionlimit(100_000)
        suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
        outcome["result"] = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)

    threading.stack_size(512 * 1024 * 1024)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    result = outcome["result"]
    failed = len(result.failures) + len(result.errors)
    print(f"opendata: {result.testsRun - failed} passed, {failed} failed")
    return 1 if failed or not result.wasSuccessful() else 0


if __name__ == "__main__":
    sys.exit(main())
