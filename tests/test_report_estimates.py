"""The report section "Hoe is de substitutie geschat?": shown only for a case that includes an
estimate; its text, team frame and monitor frames carry the estimate's numbers."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
import yaml

import mkba
from mkba.faces import plotting, report_data

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent


def test_section_only_when_an_estimate_is_included(example_case):
    assert report_data.included_estimates(example_case) == []
    case = mkba.load_case(ROOT / "parameters" / "de_kop_data.yaml")
    (est,) = report_data.included_estimates(case)
    assert est["kind"] == "registraties" and est["parameters"][:2] == ["substitutie", "doel_bereikt"]
    assert "volume_individueel_2019" in est["parameters"]
    text = report_data.estimate_text(case, est)
    sub = case.parameters["substitutie"]
    assert est["sha256"][:16] in text and "registraties_de_kop.csv" in text
    assert f"Beta({sub.shape[0]:.1f}; {sub.shape[1]:.1f})".replace(".", ",") in text
    assert "dubbel traject_id: <10" in text                       # small counts as <10
    assert "Aantal trajecten individueel gestart in 2019 (uit registraties): 581" in text
    teams = report_data.team_frame(est)
    assert list(teams["team"]) == ["midden", "noord", "zuid"]
    assert teams["trajecten"].sum() == est["overall"]["trials"]
    share = report_data.overall_share(est)
    assert share == pytest.approx(sub.successes / sub.trials)
    # partial pooling: each team's estimate lies between its own share and the overall share
    for raw, pooled in zip(teams["eigen_aandeel"], teams["gepoold"], strict=True):
        assert min(raw, share) - 0.02 <= pooled <= max(raw, share) + 0.02
    fig = plotting.shrinkage_plot(teams, share)
    assert fig.axes[0].get_title().startswith("Substitutie per team")
    # the assumptions table names the data file and its hash
    frame = report_data.assumptions_frame(case)
    assert frame.astype(str).apply(lambda col: col.str.contains(est["sha256"])).any().any()


def test_monitor_estimate_frames_and_figure():
    est = yaml.safe_load((ROOT / "parameters" / "data" / "monitor_weststellingwerf.yaml").read_text())["estimate"]
    frames = report_data.monitor_frames(est)
    begeleiding = frames["Begeleiding"]
    assert list(begeleiding["waargenomen"])[:3] == [362, 353, 343]
    assert (begeleiding["zonder_p05"] <= begeleiding["zonder_verandering"] + 1e-9).all()
    assert (begeleiding["zonder_verandering"] <= begeleiding["zonder_p95"] + 1e-9).all()
    fig = plotting.its_plot(begeleiding, "Begeleiding")
    assert fig.axes[0].get_title() == "Begeleiding"
