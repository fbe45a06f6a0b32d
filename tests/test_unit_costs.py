"""The bundled unit-cost table (kostprijzen.yaml) and CPI table (cpi.yaml): every entry is
cited and dated, and indexing reproduces the CBS CPI figures the table cites."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from mkba.core.distributions import parse_parameter
from mkba.core.errors import CaseError, UsageError
from mkba.data_in.unit_costs import (
    index_record,
    indexed_parameters,
    load_cpi,
    load_unit_costs,
)


@pytest.fixture(scope="module")
def cpi():
    return load_cpi()


@pytest.fixture(scope="module")
def table():
    return load_unit_costs()


def test_every_unit_cost_has_source_unit_price_year_and_note(table):
    assert len(table.entries) >= 12
    for name, entry in table.entries.items():
        spec = entry.spec
        assert spec.unit, name
        assert spec.source in table.sources, name
        assert 2000 <= spec.price_year <= 2025, name
        # the note states the price year in words too, so a reader of the YAML sees it
        assert f"Prijspeil {spec.price_year}" in spec.note, name


def test_point_values_of_the_source_are_the_modes(table):
    # Kostenhandleiding 2024 reference prices (price level 2022), as tabulated in tatooheene
    expected = {"prijs_huisartsconsult": 30.87, "prijs_poh_ggz_consult": 20.85, "prijs_contact_sociaal_werk": 127.0,
                "prijs_huishoudelijke_hulp_uur": 32.76, "prijs_begeleiding_uur": 64.0,
                "prijs_informele_zorg_uur": 18.80, "prijs_productiviteit_uur": 39.88}
    for name, price in expected.items():
        spec = table.entries[name].spec
        assert spec.price_year == 2022
        assert spec.mode == pytest.approx(price), name
    basis = table.entries["prijs_ggz_basis_contact"].spec
    assert (basis.min, basis.max) == (98.61, 121.0)
    # an assumed range around a point value is said to be an assumption
    for name in expected:
        assert "AANNAME" in table.entries[name].spec.note or name == "prijs_huisartsconsult"


def test_weststellingwerf_derivation_reproduces_the_monitor_figures(table):
    spec = table.entries["kosten_wmo_hh_begeleiding_per_client"].spec
    clients = 784 + 355  # Tabel 1, maart 2024: HH + begeleiding
    assert spec.min == pytest.approx(0.70 * 7_133_000 / clients, abs=5)
    assert spec.max == pytest.approx(0.80 * 7_133_000 / clients, abs=5)


def test_cpi_levels_reproduce_the_published_annual_rates(cpi):
    assert cpi.index[2015] == 100.0
    assert cpi.index[2022] == 121.43  # CBS 83136NED, annual 2022, 2015=100
    for year, rate in cpi.jaarmutatie.items():
        implied = 100 * (cpi.index[year] / cpi.index[year - 1] - 1)
        assert abs(implied - rate) <= 0.05 + 1e-9, (year, implied, rate)


def test_indexing_reproduces_the_cited_factors(cpi):
    assert cpi.factoren  # the table cites at least one factor
    for van, naar, factor, _ in cpi.factoren:
        assert round(cpi.factor(van, naar), 3) == factor
    # and references.md: 2023 ×1,038; 2024 ×1,073 relative to 2022
    assert round(cpi.factor(2022, 2023), 3) == 1.038
    assert round(cpi.factor(2022, 2024), 3) == 1.073
    # ratios chain and invert
    assert cpi.factor(2018, 2024) == pytest.approx(cpi.factor(2018, 2022) * cpi.factor(2022, 2024), rel=1e-12)
    assert cpi.factor(2024, 2018) == pytest.approx(1 / cpi.factor(2018, 2024), rel=1e-12)
    # De Kop deflates 2022 prices to 2018 with 0,85 (CPI 2018 → 2022 rose by roughly 17-18%)
    assert cpi.factor(2022, 2018) == pytest.approx(0.85, abs=0.005)


def test_unknown_year_is_a_clear_error(cpi):
    with pytest.raises(UsageError, match="no CPI annual figure for 1990"):
        cpi.factor(1990, 2024)


def test_indexed_parameters_scale_money_fields_only(table, cpi):
    out = indexed_parameters(2024, ["prijs_begeleiding_uur", "kosten_jeugdhulp_per_jongere"])
    f = cpi.factor(2022, 2024)
    rec = out["prijs_begeleiding_uur"]
    assert rec["mode"] == round(64.0 * f, 2) == 68.65
    assert rec["min"] == round(54.40 * f, 2) and rec["max"] == round(73.60 * f, 2)
    assert rec["price_year"] == 2024 and "Geïndexeerd van prijspeil 2022 naar 2024" in rec["note"]
    assert out["kosten_jeugdhulp_per_jongere"]["mode"] == round(13000 * cpi.factor(2019, 2024), 2)
    # the result is a valid parameter whose mean scales exactly with the factor (up to cents)
    spec = parse_parameter(rec)
    assert spec.mean == pytest.approx(table.entries["prijs_begeleiding_uur"].spec.mean * f, abs=0.01)
    # shape parameters are untouched
    beta = index_record({"dist": "pert", "min": 1, "mode": 2, "max": 4, "lambda": 4}, 2.0)
    assert beta == {"dist": "pert", "min": 2.0, "mode": 4.0, "max": 8.0, "lambda": 4}
    gamma = index_record({"dist": "gamma", "shape": 2, "scale": 10}, 1.5)
    assert gamma == {"dist": "gamma", "shape": 2, "scale": 15.0}
    with pytest.raises(UsageError, match="cannot index a 'beta'"):
        index_record({"dist": "beta", "alpha": 2, "beta": 3}, 1.1)
    with pytest.raises(UsageError, match="unknown unit cost"):
        indexed_parameters(2024, ["bestaat_niet"])


def test_a_broken_table_is_reported_with_file_and_line(tmp_path):
    bad = tmp_path / "kp.yaml"
    bad.write_text("sources: {a: A}\nparameters:\n  x: {value: 3, unit: EUR, source: b, note: n}\n", encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_unit_costs(bad)
    problems = info.value.problems
    assert all(p.file.endswith("kp.yaml") and p.line == 3 for p in problems)
    assert {p.code for p in problems} == {"unitcost.missing", "ref.source"}
    assert ("field", "price_year") in next(p for p in problems if p.code == "unitcost.missing").params
    from mkba.faces import text_nl

    assert "'price_year' ontbreekt" in text_nl.render_problem(next(p for p in problems if p.code == "unitcost.missing"))


def test_price_year_is_validated_on_any_parameter():
    assert parse_parameter({"value": 5, "price_year": 2022}).price_year == 2022
    with pytest.raises(ValueError):
        parse_parameter({"value": 5, "price_year": 22})
    assert math.isclose(parse_parameter({"value": 5}).base_value, 5)


def test_module_doctest_runs():
    import doctest

    import mkba.data_in.unit_costs as module

    result = doctest.testmod(module)
    assert result.attempted >= 2 and result.failed == 0


def test_table_is_includable_as_mkba_kostprijzen(tmp_path, table):
    import mkba

    path = tmp_path / "c.yaml"
    path.write_text("""mkba: 1
include: [mkba:kostprijzen]
case: {id: c, title: C, start_year: 2022, horizon: 1, price_year: 2022}
stakeholders: {gemeente: Gemeente}
costs:
  - {id: k, label: K, amount: 1000, payer: gemeente}
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: 10, value: prijs_begeleiding_uur, beneficiaries: gemeente}
""", encoding="utf-8")
    case = mkba.load_case(path)
    assert set(table.entries) <= set(case.parameters)
    assert case.parameters["prijs_begeleiding_uur"].price_year == 2022
    assert "kostenhandleiding-2024" in case.sources


def _including_case(tmp_path, price_year: int) -> Path:
    path = tmp_path / f"c{price_year}.yaml"
    path.write_text(f"""mkba: 1
include: [mkba:kostprijzen]
case: {{id: c, title: C, start_year: {price_year}, horizon: 1, price_year: {price_year}}}
stakeholders: {{gemeente: Gemeente}}
parameters:
  eigen_prijs: {{dist: pert, min: 10, mode: 20, max: 30, unit: EUR per uur, price_year: 2015}}
costs:
  - {{id: k, label: K, amount: 1000, payer: gemeente}}
effects:
  - {{id: e, label: E, category: c, kind: fiscal, volume: 10, value: prijs_begeleiding_uur, beneficiaries: gemeente}}
  - {{id: f, label: F, category: c, kind: fiscal, volume: 1, value: eigen_prijs, beneficiaries: gemeente}}
""", encoding="utf-8")
    return path


def test_included_prices_are_indexed_to_the_case_price_year(tmp_path, table):
    """`include: [mkba:kostprijzen]` brings every money parameter to the case's price year by the
    CPI, exactly as indexed_parameters does; the note says so; the case's own records stay."""
    import mkba
    from mkba.data_in.unit_costs import indexed_parameters, load_cpi

    case = mkba.load_case(_including_case(tmp_path, 2018))
    expected = indexed_parameters(2018)
    spec = case.parameters["prijs_begeleiding_uur"]
    assert spec.price_year == 2018 and spec.mode == expected["prijs_begeleiding_uur"]["mode"]
    original = table.entries["prijs_begeleiding_uur"]
    factor = load_cpi().factor(original.price_year, 2018)
    assert spec.mode == pytest.approx(original.record["mode"] * factor, abs=0.005)
    assert f"Geïndexeerd van prijspeil {original.price_year} naar 2018" in spec.note
    for name, record in expected.items():  # every included entry, not just one
        assert case.parameters[name].price_year == 2018, name
        assert case.parameters[name].base_value == pytest.approx(
            mkba.load_case(_including_case(tmp_path, 2018)).parameters[name].base_value), name
        if "mode" in record:
            assert case.parameters[name].mode == record["mode"], name
    own = case.parameters["eigen_prijs"]
    assert (own.mode, own.price_year) == (20, 2015)  # the case's own record is left as written
    same = mkba.load_case(_including_case(tmp_path, original.price_year)).parameters["prijs_begeleiding_uur"]
    assert same.mode == original.record["mode"] and "Geïndexeerd" not in (same.note or "")


def test_a_price_year_outside_the_cpi_table_is_one_located_problem(tmp_path, capsys):
    from mkba.faces.cli import main

    path = _including_case(tmp_path, 2012)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3 case.price_year: geen CPI-jaarcijfer voor 2012" in err and "beschikbaar: 2015-2025" in err
    assert "kostprijzen.yaml" not in err and "Traceback" not in err  # one problem, not one per included price
