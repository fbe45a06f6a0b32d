"""``mkba batch`` (DESIGN §8) on a real ``dask.distributed`` cluster.

A scheduler and two single-threaded workers are started as separate processes on 127.0.0.1
(a free port chosen by the scheduler itself, ``--port 0``); every JSON file the batch writes must
equal, byte for byte, what a single-process ``mkba run --json`` prints for the same case,
scenario, draws and seed, and ``batch.parquet`` must hold exactly those runs' headline numbers.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

import mkba
from mkba import batch
from mkba.faces.cli import main

from .conftest import EXAMPLE

DRAWS = 400
SEED = 7
BIN = Path(sys.executable).parent
# dask serves health/metrics over HTTP even with --no-dashboard (on 0.0.0.0:8787 for the scheduler,
# 0.0.0.0:<random> for workers); keep those on a free port of 127.0.0.1 as well
LOCAL_ANY_PORT = "127.0.0.1:0"


def _stop(procs: list[subprocess.Popen]) -> None:
    """Terminate the process groups we started (workers first), then make sure they are gone."""
    for proc in reversed(procs):
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    for proc in reversed(procs):
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _listening(procs: list[subprocess.Popen]) -> list[tuple[str, int]]:
    """Every TCP address our scheduler and worker processes (and their children) listen on."""
    import psutil

    found = []
    for proc in procs:
        parent = psutil.Process(proc.pid)
        for p in [parent, *parent.children(recursive=True)]:
            found += [tuple(c.laddr) for c in p.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN]
    return found


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """Address of a running scheduler with two connected workers; torn down even on failure."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    procs: list[subprocess.Popen] = []
    common = {"cwd": folder, "start_new_session": True, "stdout": subprocess.DEVNULL,
              "stderr": open(folder / "dask.log", "ab")}  # noqa: SIM115 - closed with the processes
    try:
        procs.append(subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                                       "--no-dashboard", "--dashboard-address", LOCAL_ANY_PORT,
                                       "--scheduler-file", str(info)], **common))
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            assert procs[0].poll() is None, (folder / "dask.log").read_text()
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(2):
            procs.append(subprocess.Popen([str(BIN / "dask"), "worker", "--scheduler-file", str(info),
                                           "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                                           "--no-dashboard", "--dashboard-address", LOCAL_ANY_PORT], **common))
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
            assert len(client.scheduler_info()["workers"]) == 2
        assert _listening(procs) and all(ip == "127.0.0.1" for ip, _ in _listening(procs))
        yield address
    finally:
        _stop(procs)
        common["stderr"].close()


@pytest.fixture(scope="module")
def two_cases(tmp_path_factory) -> list[Path]:
    """De Kop (baseline + 3 scenarios) and the `mkba init` template (baseline + 2 scenarios)."""
    folder = tmp_path_factory.mktemp("cases")
    second = folder / "tweede.yaml"
    assert main(["init", "tweede", "--out", str(second)]) == 0
    return [EXAMPLE, second]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkba.faces.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def _single_run(capsys, case: Path, scenario: str) -> str:
    """What `mkba run CASE --scenario ID --draws N --seed S --json` prints (stdout, exactly)."""
    capsys.readouterr()
    assert main(["run", str(case), "--scenario", scenario, "--draws", str(DRAWS), "--seed", str(SEED), "--json"]) == 0
    return capsys.readouterr().out


def test_batch_on_a_scheduler_equals_single_runs_byte_for_byte(scheduler, two_cases, tmp_path, capsys):
    out = tmp_path / "uit"
    proc = _cli("batch", *map(str, two_cases), "--scenario", "all", "--draws", str(DRAWS), "--seed", str(SEED),
                "--scheduler", scheduler, "--out", str(out), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    listing = json.loads(proc.stdout)
    assert listing["failed"] == [] and not (out / "fouten.json").exists()
    expected = [("de-kop", s) for s in ["baseline", *mkba.load_case(EXAMPLE).scenarios]]
    expected += [("tweede", s) for s in ["baseline", *mkba.load_case(two_cases[1]).scenarios]]
    assert len(expected) == 8  # De Kop: basis, 3 cuts and the gevoeligheid scenario kalibratie-2019
    assert [(r["case"], r["scenario"]) for r in listing["runs"]] == expected
    paths = {"de-kop": two_cases[0], "tweede": two_cases[1]}
    for run in listing["runs"]:
        written = Path(run["file"])
        assert written == out / run["case"] / f"{run['scenario']}.json"
        single = _single_run(capsys, paths[run["case"]], run["scenario"])
        assert written.read_bytes() == single.encode("utf-8")  # byte for byte, trailing newline included
    # no temporary files left behind by the atomic writes
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]

    table = pd.read_parquet(out / "batch.parquet")
    assert list(zip(table["case"], table["scenario"], strict=True)) == expected
    assert (table["draws"] == DRAWS).all() and (table["seed"] == SEED).all() and (table["design"] == "mc").all()
    for row in table.itertuples():
        summary = json.loads((out / row.file).read_text())
        m = summary["metrics"]
        assert row.npv_mean == m["npv"]["mean"] and row.npv_p05 == m["npv"]["p05"] and row.npv_p95 == m["npv"]["p95"]
        assert row.bcr_p50 == m["bcr"]["p50"] and row.pv_costs_mean == m["pv_costs"]["mean"]
        assert row.bcr_of_means == m["bcr_of_means"] and row.prob_npv_positive == m["prob_npv_positive"]
        assert row.pv_benefits_mean - row.pv_costs_mean == pytest.approx(row.npv_mean, rel=1e-12)


def test_unknown_scenario_fails_that_case_only(scheduler, two_cases, tmp_path):
    out = tmp_path / "uit"
    proc = _cli("batch", *map(str, two_cases), "--scenario", "bezuiniging", "--draws", "200",
                "--scheduler", scheduler, "--out", str(out), "--json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    listing = json.loads(proc.stdout)
    assert [(r["case"], r["scenario"]) for r in listing["runs"]] == [("tweede", "bezuiniging")]
    assert [f["case"] for f in listing["failed"]] == [str(EXAMPLE)]
    assert "scenario 'bezuiniging' bestaat niet in casus 'de-kop'" in listing["failed"][0]["message"]
    assert json.loads((out / "fouten.json").read_text())["failed"] == listing["failed"]
    assert len(pd.read_parquet(out / "batch.parquet")) == 1


def test_a_broken_case_is_reported_and_the_rest_complete(tmp_path):
    """Local cluster (no --scheduler): one invalid case, one unreadable; De Kop still completes."""
    broken = tmp_path / "kapot.yaml"
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["case"]["id"] = "kapot"
    data["parameters"]["substitutie"]["min"] = 0.95  # above its mode: invalid
    broken.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    missing = tmp_path / "bestaat-niet.yaml"
    out = tmp_path / "uit"
    (out).mkdir()
    (out / "fouten.json").write_text("oud")  # a stale list is replaced
    proc = _cli("batch", str(EXAMPLE), str(broken), str(missing), "--scenario", "all", "--draws", "200",
                "--workers", "2", "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = json.loads((out / "fouten.json").read_text())["failed"]
    assert [e["case"] for e in errors] == [str(broken), str(missing)]
    assert errors[0]["message"].startswith("casus kon niet worden geladen: ")
    assert f"{broken}:" in errors[0]["message"] and "parameters.substitutie" in errors[0]["message"]
    assert "must be" not in errors[0]["message"]  # the problem in Dutch (text_nl), not the core's fallback
    assert errors[1]["message"] == f"casus kon niet worden geladen: {missing}: bestand niet gevonden"
    assert f"5 run(s) klaar in {out}; 2 mislukt (zie {out / 'fouten.json'})" in proc.stdout
    assert str(broken) in proc.stderr.replace("\n", "")
    table = pd.read_parquet(out / "batch.parquet")
    assert list(table["case"]) == ["de-kop"] * 5  # basis, 3 cuts, kalibratie-2019
    for scenario in table["scenario"]:
        assert json.loads((out / "de-kop" / f"{scenario}.json").read_text())["draws"] == 200


def test_a_task_is_picklable_and_run_task_equals_simulate():
    """A task carries the engine's plan (no file access needed); run in one process it gives
    mkba.simulate's summary exactly."""
    tasks, failures = batch.plan_tasks([EXAMPLE], scenario="s2-uitvoeringsvereisten", draws=300, seed=3, design="lhs")
    assert not failures and len(tasks) == 1
    task = pickle.loads(pickle.dumps(tasks[0]))
    assert (task.case_name, task.case_id, task.scenario) == (str(EXAMPLE), "de-kop", "s2-uitvoeringsvereisten")
    out = batch.run_task(task)
    assert isinstance(out, batch.RunOutput) and out.case_id == "de-kop"
    direct = mkba.simulate(mkba.load_case(EXAMPLE), draws=300, seed=3, scenario="s2-uitvoeringsvereisten",
                           design="lhs").summary()
    assert out.summary == direct


def _released(client, timeout: float = 15.0) -> bool:
    """True once the scheduler holds no task of a batch (releases reach it asynchronously)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        keys = client.run_on_scheduler(lambda dask_scheduler: [str(k) for k in dask_scheduler.tasks])
        if not [k for k in keys if k.startswith("mkba-batch-")]:
            return True
        time.sleep(0.2)
    return False


def test_one_large_run_is_split_into_chunks_over_the_cluster(scheduler, monkeypatch):
    """DESIGN §8: a large run is split — the engine's chunk function mapped over the cluster, so one
    run can use every worker — and its blocks reduced on the client into exactly `mkba run`'s
    summary; a small run is one task on one worker, with the same summary."""
    from distributed import Client

    tasks, _ = batch.plan_tasks([EXAMPLE], draws=70_000, seed=2)  # two chunks of 2^16 draws
    assert len(tasks[0].plan.chunks()) == 2
    expected = mkba.simulate(mkba.load_case(EXAMPLE), draws=70_000, seed=2).summary()
    with Client(scheduler, timeout="30s") as client:
        for limit in (batch.SPLIT_FROM_BYTES, 0):  # one task on a worker / chunks over the cluster
            monkeypatch.setattr(batch, "SPLIT_FROM_BYTES", limit)
            done = batch.execute(tasks, client)
            assert isinstance(done[0], batch.RunOutput) and done[0].summary == expected
            assert _released(client)  # nothing of ours is left on the cluster


def test_a_case_with_data_files_runs_on_workers_without_its_files(scheduler):
    """The plan carries the draws-file columns and included values, so workers that cannot see
    the case's folder still run it (they only ever receive plans)."""
    from distributed import Client

    case = Path(__file__).resolve().parent.parent / "parameters" / "de_kop_data.yaml"
    tasks, failures = batch.plan_tasks([case], draws=500, seed=5)
    assert not failures
    with Client(scheduler, timeout="30s") as client:
        # the workers run in another folder; give them none of the case's files
        assert client.run(os.getcwd) and all(cwd != str(case.parent) for cwd in client.run(os.getcwd).values())
        done = batch.execute(tasks, client)
    assert done[0].summary == mkba.simulate(mkba.load_case(case), draws=500, seed=5).summary()


def test_plan_lists_runs_and_failures_without_a_cluster(two_cases, tmp_path):
    dup = tmp_path / "dubbel.yaml"
    dup.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    tasks, failures = batch.plan_tasks([*two_cases, dup], scenario="all", draws=10, seed=1)
    assert [(t.case_name, t.scenario) for t in tasks][:2] == [(str(EXAMPLE), "baseline"), (str(EXAMPLE), "s1-taakvelden")]
    assert len(tasks) == 8
    assert [(f.case_name, f.code, f.detail) for f in failures] == [(str(dup), batch.DUPLICATE, "de-kop")]


def test_usage_errors_before_any_cluster_starts(tmp_path, capsys):
    assert main(["batch", str(EXAMPLE), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2",
                 "--out", str(tmp_path / "u")]) == 2
    assert "--workers hoort bij een lokaal cluster" in capsys.readouterr().err
    assert main(["batch", str(EXAMPLE), "--design", "grid", "--out", str(tmp_path / "u")]) == 2
    assert "onbekend steekproefontwerp 'grid'" in capsys.readouterr().err
    assert not (tmp_path / "u").exists()


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, capsys):
    import functools
    import socket

    with socket.socket() as s:  # a port that nobody listens on any more
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    with pytest.raises(batch.ConnectError) as info, batch.open_client(address, timeout=1):
        pass
    assert info.value.address == address
    monkeypatch.setattr(batch, "open_client", functools.partial(batch.open_client, timeout=1))
    assert main(["batch", str(EXAMPLE), "--scheduler", address, "--out", str(tmp_path / "u")]) == 2
    err = capsys.readouterr().err
    assert f"kan de Dask-scheduler {address} niet bereiken" in err and "Traceback" not in err
    assert not (tmp_path / "u").exists()


def test_a_workbook_case_is_planned_and_run_like_its_yaml(tmp_path):
    """Cases in the Excel template (DESIGN §12) go into a batch like YAML cases: the client loads
    them, the tasks carry the plans."""
    workbook = tmp_path / "de_kop.xlsx"
    assert main(["convert", str(EXAMPLE), str(workbook)]) == 0
    tasks, failures = batch.plan_tasks([workbook], draws=300, seed=4)
    assert not failures and [t.case_id for t in tasks] == ["de-kop"]
    out = batch.run_task(tasks[0])
    assert out.summary == mkba.simulate(mkba.load_case(EXAMPLE), draws=300, seed=4).summary()
