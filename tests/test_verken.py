"""mkba verken (issue 19, DESIGN §15): the API gives the CLI's bytes, bad requests get a Dutch 4xx
JSON answer (never a traceback or a 500), the token rule, the host rule, "Bewaar als scenario"
gives a case that validates and reproduces the view, and Ctrl-C stops the server with 130."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import numpy as np
import pytest
from starlette.testclient import TestClient

import mkba
from mkba.analysis.whatif import with_overrides
from mkba.faces import text_nl, verken
from mkba.faces.verken import Explorer, create_app
from tests.conftest import CASES, EXAMPLE, ROOT

SMALL = CASES / "wat_als.yaml"
CLI = [sys.executable, "-m", "mkba.faces.cli"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def kop():
    return Explorer(EXAMPLE, "parameters/de_kop.yaml")


@pytest.fixture(scope="module")
def small():
    return Explorer(SMALL, str(SMALL))


@pytest.fixture(scope="module")
def client(kop):
    return TestClient(create_app(kop, allowed_hosts=("testserver",)))


@pytest.fixture(scope="module")
def small_client(small):
    return TestClient(create_app(small, allowed_hosts=("testserver",)))


# ---- API = CLI ---------------------------------------------------------------------------------
def test_api_run_is_the_cli_json_byte_for_byte(client):
    rel = "parameters/de_kop.yaml"
    cases = [
        ("", ["run", rel, "--json"]),
        ("?scenario=s3-generiek&set=substitutie=0.3&set=waarde_zelfredzaamheid=3500&discontovoet=0.03"
         "&draws=3000&seed=11",
         ["run", rel, "--scenario", "s3-generiek", "--set", "substitutie=0.3", "--set", "waarde_zelfredzaamheid=3500",
          "--discontovoet", "0.03", "--draws", "3000", "--seed", "11", "--json"]),
    ]
    for query, args in cases:
        api = client.get("/api/run" + query)
        out = cli(*args)
        assert api.status_code == 200 and out.returncode == 0, out.stderr
        assert api.content == out.stdout.encode("utf-8")
    assert '"set"' not in client.get("/api/run?draws=500").text  # nothing set: no "set" key
    # a second slider position reuses the first one's other columns (engine.DrawCache): still exact
    client.get("/api/run?set=substitutie=0.3&draws=1500")
    api = client.get("/api/run?set=substitutie=0.35&draws=1500")
    assert api.content == cli("run", rel, "--set", "substitutie=0.35", "--draws", "1500", "--json").stdout.encode()


def test_api_compare_is_the_cli_json_byte_for_byte(client):
    api = client.get("/api/compare?set=substitutie=0.3&perspectief=gemeente&draws=2000&seed=4&discontovoet=0.04")
    out = cli("compare", "parameters/de_kop.yaml", "--perspective", "gemeente", "--set", "substitutie=0.3",
              "--draws", "2000", "--seed", "4", "--discontovoet", "0.04", "--json")
    assert api.status_code == 200 and out.returncode == 0, out.stderr
    assert api.content == out.stdout.encode("utf-8")
    data = json.loads(api.content)
    assert data["set"] == {"substitutie": 0.3} and data["decision"]["perspective"] == "gemeente"


def test_view_matches_the_run_it_says(kop, client):
    """The page's numbers are those of /api/run for the same question (same draws, same seed)."""
    view = client.get("/api/beeld?scenario=s1-taakvelden&set=substitutie=0.4&draws=2000").json()
    run = json.loads(client.get("/api/run?scenario=s1-taakvelden&set=substitutie=0.4&draws=2000").content)
    assert view["range"]["p05"] == run["metrics"]["npv"]["p05"] and view["range"]["mean"] == run["metrics"]["npv"]["mean"]
    assert view["prob"] == text_nl.nl_percent(run["metrics"]["prob_npv_positive"])
    assert view["headline"][0].startswith("Bij een aandeel trajecten dat maatwerk vervangt (substitutie) van 40%, ")
    assert "--set substitutie=0.4" in view["command"] and "--scenario s1-taakvelden" in view["command"]
    assert [o["id"] for o in view["options"]] == kop.case.option_ids()
    assert "2.000 trekkingen" in view["method"] and "seed 1" in view["method"]


def test_gevoeligheid_apart_and_the_calibrated_driver_sentence(small, small_client):
    page = small.page_data()
    assert [o["id"] for o in page["options"]] == ["baseline", "halveren"]
    assert [o["id"] for o in page["sensitivity"]] == ["hoge-waarde"]
    view = small_client.get("/api/beeld?draws=1000").json()
    assert [o["id"] for o in view["options"]] == ["baseline", "halveren"]
    assert [o["id"] for o in view["sensitivity"]] == ["hoge-waarde"]
    assert "w" in small.top[:3]  # the calibrated value per traject drives the outcome
    # the same sentence as the brief, the report headlines and mkba run (one wording, DESIGN §14)
    assert view["calibrated"] == text_nl.calibration_line(small.case, ["w"])
    assert "herhaalt grotendeels een kalibratie" in view["calibrated"] and "Waarde per traject" in view["calibrated"]
    assert "Meer vertrouwen in de buurt" in [p["label"] for p in view["pm"]]
    assert page["top"][:len(small.top)] == small.top  # sliders in tornado order
    w = next(p for p in page["parameters"] if p["name"] == "w")
    assert (w["min"], w["max"], w["slider"]) == (100.0, 300.0, True) and "Meting" not in w["evidence"]
    v = next(p for p in page["parameters"] if p["name"] == "v")
    assert v["evidence"].startswith("Meting 2023") and v["unit"] == "trajecten/jaar"
    # no calibrated driver: no sentence
    plain = Explorer(EXAMPLE)
    assert all(not plain.case.parameters[n].calibrated for n in plain.top[:3]) == (plain._calibrated() is None)


def test_options_side_by_side_say_saving_loss_and_who_bears_it(small_client):
    view = small_client.get("/api/beeld?draws=2000&seed=2").json()
    half = next(o for o in view["options"] if o["id"] == "halveren")
    assert half["saved"].replace("\xa0", " ") == "€ 500 per jaar (2024–2025)"  # 1000 -> 500 in both years
    assert half["society"].startswith(("winst", "verlies")) and half["society_interval"].startswith("90%")
    assert half["bears"]  # the municipality saves, the residents lose benefits
    assert "Inwoners" in half["bears"]


def test_a_case_without_scenarios(tmp_path):
    text = SMALL.read_text(encoding="utf-8").split("scenarios:")[0]
    path = tmp_path / "zonder.yaml"
    path.write_text(text, encoding="utf-8")
    c = TestClient(create_app(Explorer(path), allowed_hosts=("testserver",)))
    view = c.get("/api/beeld?draws=300&set=s=0.2")
    assert view.status_code == 200 and view.json()["options"] == [] and view.json()["headline"]
    assert "mkba compare" not in view.json()["command"]
    response = c.get("/api/compare?draws=300")
    assert response.status_code == 400 and "geen scenario's" in response.json()["fout"]


# ---- bad requests ------------------------------------------------------------------------------
@pytest.mark.parametrize("path,status,code", [
    ("/api/run?draws=0", 400, "verken.draws"),
    ("/api/run?draws=100001", 400, "verken.draws"),
    ("/api/run?draws=abc", 400, "verken.integer"),
    ("/api/run?seed=-1", 400, "verken.integer"),
    ("/api/run?seed=99999999999", 400, "verken.seed"),
    ("/api/run?set=substitutie=0.9", 400, "analysis.set_outside"),
    ("/api/run?set=substitutie=nan", 400, "analysis.set_not_finite"),
    ("/api/run?set=substitutie=1e999", 400, "analysis.set_not_finite"),
    ("/api/run?set=bestaat_niet=1", 400, "analysis.set_unknown"),
    ("/api/run?set=substitutie", 400, "analysis.set_syntax"),
    ("/api/run?discontovoet=inf", 400, "analysis.set_not_finite"),
    ("/api/run?discontovoet=5", 400, "analysis.set_discount_rate"),
    ("/api/run?scenario=../../etc/passwd", 400, "verken.scenario"),
    ("/api/run?scenario=s1-taakvelden&scenario=s3-generiek", 400, "verken.repeated"),
    ("/api/run?perspectief=gemeente", 400, "verken.unknown_query"),
    ("/api/run?case=/etc/passwd", 400, "verken.unknown_query"),
    ("/api/compare?perspectief=bank", 400, "verken.perspective"),
    ("/api/compare?draws=50", 400, "verken.compare_draws"),
    ("/api/beeld?soort=x", 400, "verken.unknown_query"),
    ("/api/scenario?soort=x", 400, "verken.kind"),
    ("/api/scenario?naam=Niet%20Goed", 400, "verken.name"),
    ("/api/bestaat-niet", 404, "not_found"),
    ("/etc/passwd", 404, "not_found"),
    ("/api/run?" + "set=substitutie=0.3&" * 400, 414, "too_large"),
])
def test_bad_requests_get_a_dutch_4xx_json(client, path, status, code):
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["fout"] and "Traceback" not in body["fout"]
    assert response.headers["content-type"].startswith("application/json")


def test_only_get_without_a_body_and_a_known_host(client):
    assert client.post("/api/run", content=b"x").status_code == 405
    assert client.put("/api/run").json()["code"] == "method"
    assert client.request("GET", "/api/run", content=b"{}").status_code == 413
    evil = client.get("/api/run", headers={"host": "evil.example"})  # DNS rebinding on loopback
    assert evil.status_code == 400 and evil.json()["code"] == "host"


def test_busy_server_answers_429(kop, client, monkeypatch):
    monkeypatch.setattr(verken, "WAIT_SECONDS", 0.05)
    taken = [kop._admit.acquire(timeout=1) for _ in range(verken.CONCURRENT)]
    try:
        response = client.get("/api/run?draws=777&seed=5")  # not cached
        assert response.status_code == 429 and response.json()["code"] == "busy"
    finally:
        for ok in taken:
            if ok:
                kop._admit.release()
    assert client.get("/api/run?draws=777&seed=5").status_code == 200


# ---- the token rule ----------------------------------------------------------------------------
def test_token_needed_on_every_request(small):
    app = create_app(small, token="geheim-12345")
    c = TestClient(app)
    for path in ("/", "/api/run?draws=100", "/static/verken.js", "/favicon.ico", "/api/scenario"):
        response = c.get(path)
        assert response.status_code == 401 and response.json()["code"] == "token", path
    assert c.get("/api/run?draws=100&token=fout-12345").status_code == 401
    assert c.get("/api/run?draws=100&token=geheim-12345").status_code == 200
    assert c.get("/api/run?draws=100", headers={"X-Mkba-Token": "geheim-12345"}).status_code == 200
    assert c.get("/api/run?draws=100", headers={"Authorization": "Bearer geheim-12345"}).status_code == 200
    page = c.get("/?token=geheim-12345").text
    assert 'src="/static/verken.js?token=geheim-12345"' in page  # the page's own assets carry it
    assert c.get("/static/verken.js?token=geheim-12345").status_code == 200


def test_cli_refuses_another_host_without_token():
    out = cli("verken", str(SMALL), "--host", "0.0.0.0")
    assert out.returncode == 2 and "--token" in out.stderr and "Traceback" not in out.stderr
    assert "netwerk" in out.stderr
    out = cli("verken", str(SMALL), "--host", "0.0.0.0", "--token", "kort")
    assert out.returncode == 2 and "minstens 8 tekens" in out.stderr
    out = cli("verken", str(SMALL), "--port", "70000")
    assert out.returncode == 2


# ---- Bewaar als scenario -----------------------------------------------------------------------
def test_saved_scenario_validates_and_reproduces_the_view(small_client, tmp_path):
    response = small_client.get("/api/scenario?scenario=halveren&set=w=200&set=s=0.5&soort=gevoeligheid")
    assert response.status_code == 200
    name = response.headers["content-disposition"].split("filename=")[1].strip('"')
    assert name == "wat_als-verkend-1.yaml"
    target = tmp_path / name
    target.write_bytes(response.content)
    text = response.text
    assert text.startswith("# Test case for --set")  # the file's comments are kept
    out = cli("validate", str(target))
    assert out.returncode == 0, out.stderr
    saved = mkba.load_case(target)
    assert saved.scenarios["verkend-1"].soort == "gevoeligheid"
    new = mkba.simulate(saved, draws=500, seed=3, scenario="verkend-1")
    viewed = mkba.simulate(with_overrides(mkba.load_case(SMALL), {"w": 200, "s": 0.5}), draws=500, seed=3,
                           scenario="halveren")
    for column in ("npv", "pv_costs", "pv_benefits", "stakeholder.gemeente.net"):
        np.testing.assert_array_equal(new.column(column), viewed.column(column))


def test_saved_scenario_of_de_kop_keeps_the_file_and_validates(client, tmp_path):
    response = client.get("/api/scenario?set=substitutie=0.3&set=budget_incidenteel_vanaf_2021=250000&naam=half")
    assert response.status_code == 200
    original = EXAMPLE.read_text(encoding="utf-8")
    text = response.text
    assert text.startswith(original.split("scenarios:")[0])  # everything before the scenarios as written
    target = tmp_path / response.headers["content-disposition"].split("filename=")[1].strip('"')
    assert target.name == "de_kop-half.yaml"
    target.write_text(text, encoding="utf-8")
    out = cli("validate", str(target))
    assert out.returncode == 0, out.stderr
    saved = mkba.load_case(target)
    assert saved.scenarios["half"].soort == "beleid"
    assert list(saved.scenarios)[:-1] == list(mkba.load_case(EXAMPLE).scenarios)
    again = client.get("/api/scenario?set=substitutie=0.3&naam=s1-taakvelden")  # a taken name gets a number
    assert "  s1-taakvelden-1:\n" in again.text


# ---- the page and its assets -------------------------------------------------------------------
def test_page_and_assets_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    # no CDN: works offline. (A source's address may appear as text in the evidence shown, e.g. a
    # value-bank citation; what matters is that nothing is loaded from another host.)
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", page.text)
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for path, media in (("/static/verken.js", "javascript"), ("/static/verken.css", "css"), ("/favicon.ico", "svg")):
        response = client.get(path)
        assert response.status_code == 200 and media in response.headers["content-type"]
        assert b"https://" not in response.content or path == "/favicon.ico"
    data = json.loads(page.text.split('type="application/json">')[1].split("</script>")[0])
    assert data["words"] == json.loads(json.dumps(text_nl.VERKEN, ensure_ascii=False))
    assert len(data["top"]) >= 6


# ---- Ctrl-C ------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_answers_over_http_and_ctrl_c_exits_130(tmp_path):
    port = _free_port()
    out = tmp_path / "out.txt"
    err = tmp_path / "err.txt"
    proc = subprocess.Popen([*CLI, "verken", str(SMALL), "--port", str(port)], cwd=ROOT,
                            stdout=open(out, "wb"), stderr=open(err, "wb"),  # noqa: SIM115
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while url not in out.read_text(encoding="utf-8", errors="replace"):
            assert proc.poll() is None, err.read_text()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        body = None
        while body is None and time.monotonic() < deadline:
            try:
                body = urllib.request.urlopen(url + "api/run?draws=200", timeout=10).read()
            except OSError:
                time.sleep(0.2)
        assert json.loads(body)["draws"] == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        text = err.read_text(encoding="utf-8")
        assert "afgebroken (Ctrl-C)" in text and "Traceback" not in text
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_port_in_use_is_a_dutch_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = cli("verken", str(SMALL), "--port", str(port))
    assert result.returncode == 2 and "al in gebruik" in result.stderr




def test_options_show_society_as_precise_as_its_interval(client):
    """The options side by side: society's gain or loss rounded to two figures of its 90% interval,
    as the brief does (no 'winst € 83.200' beside '−€ 205.000 tot € 328.000'); derived from the
    same draws' /api/compare JSON."""
    from mkba.faces.formatting import nl_eur_short, round_to_interval

    view = client.get("/api/beeld?draws=2000").json()
    cmp = json.loads(client.get("/api/compare?draws=2000").content)
    checked = 0
    for o in view["options"]:
        if o["id"] == "baseline":
            continue
        c = cmp["cuts"][o["id"]]["npv_change"]
        mean, lo, hi = round_to_interval(c["mean"], c["p05"], c["p95"])
        shown = o["society"].replace("\u2060", "")
        assert shown.endswith(nl_eur_short(abs(mean))), (shown, c)
        interval = o["society_interval"].replace("\u2060", "")
        assert nl_eur_short(lo) in interval and nl_eur_short(hi) in interval, (interval, c)
        assert abs(mean) % 1000 == 0 or abs(mean) < 1000  # De Kop's cuts: intervals of > € 100.000 wide
        checked += 1
    assert checked == 3
