"""Atomic file output: a reader sees the old file or the complete new one, never a part."""

from __future__ import annotations

import errno
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``.

    An :class:`OSError` (disk full, no permission, read-only folder, …) is raised again with the
    same ``errno`` but naming ``path`` — the file the user asked for — never the temporary file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileExistsError:  # a file where a folder of the path should be
        raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[^./]+\.tmp$")


def user_path(filename: str | os.PathLike | None) -> str:
    """The file a user asked for, given a name an :class:`OSError` carries: a temporary file of
    :func:`write_bytes_atomic` (``.uit.xlsx.k3j9.tmp``) becomes the target (``uit.xlsx``)."""
    if filename is None:
        return ""
    p = Path(os.fsdecode(filename))
    m = _TEMPORARY.match(p.name)
    return str(p.with_name(m["name"])) if m else str(p)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def to_json(obj: Any) -> str:
    """JSON with NaN/inf written as null (strict JSON)."""
    def clean(x: Any) -> Any:
        if isinstance(x, float) and not math.isfinite(x):
            return None
        if isinstance(x, dict):
            return {k: clean(v) for k, v in x.items()}
        if isinstance(x, list | tuple):
            return [clean(v) for v in x]
        return x
    return json.dumps(clean(obj), ensure_ascii=False, indent=2, allow_nan=False)
