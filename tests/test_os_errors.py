"""Dutch for every failure the user can meet (issue 23): disk full, permission denied, missing or
read-only folder — each names the user's file, never a temporary file, never English."""

from __future__ import annotations

import errno
import os

import pytest

from mkba.core import io
from mkba.faces import text_nl
from mkba.faces.cli import main

from .test_disclosure import rows_of, save  # a registration export that passes the small-count rule

ENGLISH = ("No such file", "Permission denied", "No space left", "Read-only file system", "Not a directory")


def test_a_failed_atomic_write_names_the_target_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "uit.xlsx"

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device", src)

    monkeypatch.setattr(io.os, "replace", full)
    with pytest.raises(OSError) as info:
        io.write_bytes_atomic(target, b"x" * 100)
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(target)
    assert os.listdir(tmp_path) == []


def test_a_file_in_the_way_of_a_folder_is_not_a_directory(tmp_path):
    (tmp_path / "map").write_text("ik ben een bestand")
    with pytest.raises(OSError) as info:
        io.write_text_atomic(tmp_path / "map" / "uit.yaml", "x")
    assert info.value.errno == errno.ENOTDIR and info.value.filename == str(tmp_path / "map" / "uit.yaml")


def test_a_temporary_name_is_mapped_back_to_the_users_file():
    assert io.user_path("/proc/.uit.xlsx.k3j9_a.tmp") == "/proc/uit.xlsx"
    assert io.user_path("/data/uit.xlsx") == "/data/uit.xlsx"
    assert io.user_path(None) == ""


@pytest.mark.parametrize("code,words", [
    (errno.ENOSPC, "schijf is vol"), (errno.EACCES, "geen toestemming"), (errno.EPERM, "geen toestemming"),
    (errno.EROFS, "alleen-lezen"), (errno.ENOENT, "bestaat niet"), (errno.ENOTDIR, "geen map"),
    (errno.EISDIR, "is een map"), (errno.EDQUOT, "quotum"), (errno.ELOOP, "foutcode ELOOP"),
])
def test_every_errno_has_a_dutch_sentence_with_the_path(code, words):
    text = text_nl.os_error(code, "/data/uit.xlsx")
    assert words in text and "/data/uit.xlsx" in text and text.startswith("kan niet verder")
    assert not any(e in text for e in ENGLISH)


def _export(tmp_path):
    return save(tmp_path / "data", rows_of([(30, 2019, "individueel", "", "ggz"), (40, 2019, "individueel", "", "geen")]))


def test_writing_where_nothing_can_be_made_is_dutch_and_names_the_users_path(tmp_path, capsys):
    data = _export(tmp_path)
    assert main(["estimate", "registraties", str(data), "--out", "/proc/uit.yaml"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "/proc/uit.yaml" in err and ".tmp" not in err and "Traceback" not in err
    assert not any(e in err for e in ENGLISH), err


@pytest.mark.parametrize("code,words", [(errno.ENOSPC, "schijf is vol"), (errno.EACCES, "geen toestemming"),
                                        (errno.EROFS, "alleen-lezen")])
def test_disk_full_permission_and_read_only_through_the_cli(tmp_path, capsys, monkeypatch, code, words):
    data = _export(tmp_path)
    target = tmp_path / "uit" / "schatting.yaml"

    def fail(src, dst):
        raise OSError(code, os.strerror(code), src)

    monkeypatch.setattr(io.os, "replace", fail)
    assert main(["estimate", "registraties", str(data), "--out", str(target)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert words in err and str(target) in err and ".tmp" not in err and "Traceback" not in err
    assert not any(e in err for e in ENGLISH), err
    assert not target.exists() and os.listdir(target.parent) == []


def test_a_missing_input_folder_is_dutch(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "bestaat-niet" / "casus.yaml")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "bestaat-niet" in err and not any(e in err for e in ENGLISH)
