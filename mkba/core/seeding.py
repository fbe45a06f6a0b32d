"""The one seed helper: every random stream in mkba is derived here.

Streams are keyed by the user's seed and a *name* (a parameter name, or a purpose such as
``"iman-conover"``), never by position, so adding or reordering parameters changes no other
stream. numpy's global random state is never read or written.

References
----------
.. [1] O'Neill, M. E. (2014). PCG: A family of simple fast space-efficient statistically good
   algorithms for random number generation. (numpy's ``PCG64``; ``advance`` gives O(log n)
   jumps, so any chunk of a stream can be generated on its own.)
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from mkba.core.errors import UsageError

SeedLike = int | np.random.SeedSequence | np.random.Generator


def seed_sequence(seed: SeedLike) -> np.random.SeedSequence:
    """Normalise an int / SeedSequence / Generator to one SeedSequence.

    Call this **once**, at the entry point of a run (:func:`mkba.core.engine.make_plan` does),
    and pass the SeedSequence on: every stream is then derived from the same root, so draws do
    not depend on chunk size or process count.

    * an int ``s`` gives ``SeedSequence(s)``;
    * a SeedSequence is used as it is;
    * a Generator contributes one 128-bit entropy value drawn from it (it is advanced once);
      the resulting ``SeedSequence(entropy)`` is what :func:`seed_record` reports, so the run
      can be repeated with that entropy as an int seed.

    ``None`` and negative or non-integer seeds are refused: they would make a run irreproducible.
    """
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, np.random.Generator):
        words = seed.integers(0, 2**32, size=4, dtype=np.uint64)
        entropy = sum(int(w) << (32 * i) for i, w in enumerate(words))
        return np.random.SeedSequence(entropy)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise UsageError(f"seed must be a whole number ≥ 0 (got {seed!r})", "core.seed", got=repr(seed))
    if seed < 0:
        raise UsageError(f"seed must be ≥ 0 (got {seed})", "core.seed", got=str(seed))
    return np.random.SeedSequence(int(seed))


def seed_record(seed: np.random.SeedSequence) -> int | dict[str, Any]:
    """What the JSON ``seed`` field says about a normalised seed: the entropy as an int (the
    seed to pass again for the same numbers), or ``{"entropy", "spawn_key"}`` for a spawned
    SeedSequence."""
    entropy = seed.entropy
    if isinstance(entropy, int | np.integer):
        value: Any = int(entropy)
    else:  # a sequence of ints
        value = [int(x) for x in entropy]
    if seed.spawn_key:
        return {"entropy": value, "spawn_key": [int(k) for k in seed.spawn_key]}
    return value


def name_key(name: str) -> tuple[int, ...]:
    """A stable spawn key for ``name`` (four 32-bit words of its SHA-256)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return tuple(int.from_bytes(digest[i : i + 4], "little") for i in range(0, 16, 4))


def child(seed: SeedLike, *names: str | int) -> np.random.SeedSequence:
    """The SeedSequence for stream ``names`` under ``seed`` (independent of any other name)."""
    root = seed_sequence(seed)
    key: tuple[int, ...] = tuple(root.spawn_key)
    for name in names:
        key += name_key(name) if isinstance(name, str) else (int(name),)
    return np.random.SeedSequence(root.entropy, spawn_key=key)


def generator(seed: SeedLike, *names: str | int) -> np.random.Generator:
    """A fresh PCG64 Generator for stream ``names`` under ``seed``."""
    return np.random.Generator(np.random.PCG64(child(seed, *names)))


def open_uniforms(seed: SeedLike, name: str, start: int, stop: int) -> np.ndarray:
    """Draws ``start .. stop-1`` of the uniform stream ``name``, in the open interval (0, 1).

    Each draw uses exactly one 64-bit output, and the stream is advanced to ``start`` first,
    so any split of ``[0, n)`` into chunks gives bit-identical values.
    """
    bitgen = np.random.PCG64(child(seed, name))
    if start:
        bitgen.advance(start)
    raw = bitgen.random_raw(stop - start)
    raw >>= np.uint64(11)
    out = raw.astype(np.float64)
    out += 0.5
    out *= 2.0**-53
    return out
