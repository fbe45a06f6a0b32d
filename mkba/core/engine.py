"""Plan → chunk (DESIGN §8): everything a run needs in one small picklable object, and one pure
function that evaluates any range of its draws.

* :func:`make_plan` validates the arguments, applies the scenario overlays, and turns the seed
  into one ``SeedSequence`` — once, here, so every seed kind (int, ``SeedSequence``,
  ``Generator``) gives the same draws whatever the chunk size or process count.
* :func:`run_chunk` ``(plan, start, stop)`` evaluates draws ``[start, stop)`` of every option of
  the plan and returns a :class:`Block` of plain numpy arrays. It opens no files, keeps no
  handles and changes no global state, so any process can run it (local processes here; Dask
  workers in ``mkba batch``). Every uniform stream is keyed by the seed and a parameter name
  and advanced to ``start``, and the model is elementwise per draw, so a block's values do not
  depend on which process computes it or on how the draws are split.
* :func:`iter_blocks` runs the chunks of a plan in order, in this process or in N local
  processes; :func:`mkba.core.results.collect` merges blocks into results (the reduce).

Two per-process caches make repeated chunks cheap; neither is random state: the numerical
inverse CDFs per distribution shape (:mod:`mkba.core.distributions`) and the last few
:class:`~mkba.core.sampling.Sampler` objects per plan (Latin hypercube permutations).

Example (what ``mkba batch`` does with a Dask client)::

    plan = make_plan(case, [None, "s3-generiek"], draws=1_000_000, seed=1)
    futures = client.map(run_chunk, [plan] * len(plan.chunks()), *zip(*plan.chunks()))
    results = collect(plan, client.gather(futures))      # dict option -> Result
"""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from mkba.core.case import Case, apply_scenario
from mkba.core.errors import UsageError
from mkba.core.model import apply_scales, evaluate_blocks
from mkba.core.outputs import Layout, stored_columns
from mkba.core.sampling import Sampler, check_design, draws_files
from mkba.core.seeding import SeedLike, seed_sequence

DEFAULT_CHUNK = 2**16
_SAMPLER_CACHE_SIZE = 2


@dataclass(frozen=True, eq=False)
class RunPlan:
    """Everything one run needs: small, immutable, picklable.

    Attributes
    ----------
    options : tuple of str
        Option keys (``"baseline"`` and/or scenario ids), in order.
    cases : tuple of Case
        The validated case of each option, scenario overlay applied (same order). All options
        share the uniforms of a parameter name: common random numbers.
    names : tuple of str
        Parameters sampled (the union over the options), columns of the uniform design.
    design : {"mc", "lhs", "sobol"}
    seed : numpy.random.SeedSequence
        The run's one root seed.
    draws : int
        Number of draws N.
    chunk_size : int
        Draws per chunk; results do not depend on it.
    correlations : tuple of (name, name, rho)
        Rank correlations imposed on the uniforms (the baseline's).
    token : str
        A digest of what determines the uniforms (seed, names, draws, design, correlations);
        keys per-process caches.
    """

    options: tuple[str, ...]
    cases: tuple[Case, ...]
    names: tuple[str, ...]
    design: str
    seed: np.random.SeedSequence
    draws: int
    chunk_size: int
    correlations: tuple[tuple[str, str, float], ...]
    token: str

    def case(self, option: str) -> Case:
        return self.cases[self.options.index(option)]

    def columns(self, option: str) -> tuple[str, ...]:
        """Column names of the option's block: the model outputs, then ``param.<name>`` for each
        uncertain parameter (values after scenario scales)."""
        return stored_columns(self.case(option))

    def chunks(self) -> list[tuple[int, int]]:
        """The ``(start, stop)`` ranges of the plan's chunks, in order."""
        return [(a, min(a + self.chunk_size, self.draws)) for a in range(0, self.draws, self.chunk_size)]


class Block(NamedTuple):
    """Draws ``[start, stop)`` of every option of a plan, as plain arrays.

    Attributes
    ----------
    start, stop : int
    outputs : dict of option -> ndarray, draws × columns
        Columns as :meth:`RunPlan.columns` (stored column-major, so each column is contiguous).
    yearly : dict of option -> dict of str -> ndarray (years,)
        Sums over the block's draws of the undiscounted ``costs`` and ``benefits`` per year and
        of ``outcomes.<effect>`` per year.
    """

    start: int
    stop: int
    outputs: dict[str, np.ndarray]
    yearly: dict[str, dict[str, np.ndarray]]


def check_draw_count(draws: int) -> int:
    """A draw count, checked: a whole number ≥ 1."""
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 1:
        raise UsageError(f"draws must be a whole number ≥ 1 (got {draws!r})", "core.draws", got=repr(draws))
    return int(draws)


def check_workers(workers: int) -> int:
    """A count of local processes, checked: a whole number ≥ 1."""
    if isinstance(workers, bool) or not isinstance(workers, int | np.integer) or workers < 1:
        raise UsageError(f"workers must be a whole number ≥ 1 (got {workers!r})", "core.workers", got=repr(workers))
    return int(workers)


def make_plan(case: Case, scenarios: Sequence[str | None] = (None,), draws: int = 10_000, seed: SeedLike = 1,
              design: str = "mc", chunk_size: int = DEFAULT_CHUNK) -> RunPlan:
    """Validate the arguments and build the :class:`RunPlan` of a run.

    Parameters
    ----------
    case : Case
        The baseline case.
    scenarios : sequence of str or None
        Options to evaluate on common random numbers (``None`` or ``"baseline"``: the case as
        written).
    draws, seed, design, chunk_size
        As :func:`mkba.simulate`; the seed is normalised to a ``SeedSequence`` here, once.
    """
    draws = check_draw_count(draws)
    check_design(design)
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int | np.integer) or chunk_size < 1:
        raise UsageError("chunk_size must be a whole number ≥ 1", "core.chunk_size", got=repr(chunk_size))
    root = seed_sequence(seed)
    options: list[str] = []
    cases: list[Case] = []
    for sid in scenarios:
        key = sid or "baseline"
        if key in options:
            continue
        options.append(key)
        cases.append(apply_scenario(case, None if key == "baseline" else key))
    if not options:
        raise UsageError("no options to simulate", "core.no_options")
    names: list[str] = []
    for c in cases:
        names += [n for n in c.parameters if n not in names]
    correlations = tuple((str(a), str(b), float(r)) for a, b, r in case.correlations)
    files = _draws_files(cases)
    Sampler(names, draws, root, design, correlations, files)  # validates the design up front
    digest = hashlib.sha256(repr((root.entropy, tuple(root.spawn_key), tuple(names), draws, design,
                                  correlations, tuple(sorted(files.items())))).encode()).hexdigest()
    return RunPlan(tuple(options), tuple(cases), tuple(names), design, root, draws, int(chunk_size),
                   correlations, digest)


_SAMPLERS: dict[str, Sampler] = {}


class DrawCache:
    """Parameter values per (plan token, draw range, name, distribution), kept for a process that
    asks for the same draws again and again with a few parameters changed (``mkba verken``: each
    slider move fixes one parameter; every other column is the same as before). Least recently
    used entries go first beyond ``max_bytes``. Not thread-safe: its owner serialises runs.
    Values are never changed in place (options already share these arrays), so reuse is exact."""

    def __init__(self, max_bytes: int = 256 * 2**20):
        from collections import OrderedDict

        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict = OrderedDict()

    def get(self, key):
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key, value: np.ndarray) -> None:
        if key in self._entries:
            return
        self._entries[key] = value
        self.bytes += value.nbytes
        while self.bytes > self.max_bytes and self._entries:
            _, old = self._entries.popitem(last=False)
            self.bytes -= old.nbytes


_DRAW_CACHE: DrawCache | None = None


def reuse_draws(cache: DrawCache | None) -> None:
    """Keep parameter values between runs of this process in ``cache`` (None: stop). Used by
    ``mkba verken``; results are bit-identical with or without it."""
    global _DRAW_CACHE
    _DRAW_CACHE = cache


def _sampler(plan: RunPlan) -> Sampler:
    sampler = _SAMPLERS.get(plan.token)
    if sampler is None:
        while len(_SAMPLERS) >= _SAMPLER_CACHE_SIZE:
            _SAMPLERS.pop(next(iter(_SAMPLERS)))
        sampler = _SAMPLERS[plan.token] = Sampler(plan.names, plan.draws, plan.seed, plan.design, plan.correlations,
                                                  _draws_files(plan.cases))
    return sampler


def _draws_files(cases) -> dict:
    """``dist: draws`` parameters of the options and the file each reads (DESIGN §11)."""
    return draws_files({n: spec for c in cases for n, spec in c.parameters.items()})


def run_chunk(plan: RunPlan, start: int, stop: int) -> Block:
    """Evaluate draws ``[start, stop)`` of every option of ``plan`` (a pure function).

    Returns
    -------
    Block
        Per-draw outputs and parameter values per option, and yearly sums. The values of a
        draw are bit-identical whatever ``start``/``stop`` split the run and whichever process
        calls this.
    """
    if not 0 <= start < stop <= plan.draws:
        raise UsageError(f"draw range [{start}, {stop}) outside [0, {plan.draws})", "core.draw_range",
                         start=str(start), stop=str(stop), draws=str(plan.draws))
    n = stop - start
    cache = _DRAW_CACHE
    uniforms = None if cache is not None else _sampler(plan).uniforms(start, stop)
    column = {name: j for j, name in enumerate(plan.names)}
    mapped: dict[str, tuple[object, np.ndarray]] = {}  # name -> (spec, values): options share equal specs
    outputs: dict[str, np.ndarray] = {}
    yearly: dict[str, dict[str, np.ndarray]] = {}
    for option, c in zip(plan.options, plan.cases, strict=True):
        values: dict[str, np.ndarray] = {}
        for name, spec in c.parameters.items():
            hit = mapped.get(name)
            if hit is None or hit[0] != spec:
                key = _cache_key(plan, start, stop, name, spec) if cache is not None else None
                found = cache.get(key) if key is not None else None
                if found is None:
                    if uniforms is None:
                        uniforms = _sampler(plan).uniforms(start, stop)
                    u = np.ascontiguousarray(uniforms[:, column[name]])
                    found = np.asarray(spec.values_at(u), dtype=float)
                    if key is not None:
                        cache.put(key, found)
                hit = mapped[name] = (spec, found)
            values[name] = hit[1]
        apply_scales(c, values)  # replaces scaled entries by new arrays; shared arrays stay intact
        layout = Layout.of(c)
        uncertain = c.uncertain_parameters
        width = len(layout.columns)
        out = np.empty((n, width + len(uncertain)), order="F")
        sums = {"costs": np.zeros(c.horizon), "benefits": np.zeros(c.horizon)}
        sums.update({f"outcomes.{e.id}": np.zeros(c.horizon) for e in c.effects})
        for offset, ev in evaluate_blocks(c, values, layout, n=n):
            rows = ev.outputs.shape[0]
            out[offset:offset + rows, :width] = ev.outputs
            sums["costs"] += ev.costs_by_year.sum(axis=0)
            sums["benefits"] += ev.benefits_by_year.sum(axis=0)
            for eid, outcomes in ev.outcomes_by_year.items():
                sums[f"outcomes.{eid}"] += outcomes.sum(axis=0)
        for j, name in enumerate(uncertain):
            out[:, width + j] = values[name]
        outputs[option] = out
        yearly[option] = sums
    return Block(start, stop, outputs, yearly)


def _cache_key(plan: RunPlan, start: int, stop: int, name: str, spec) -> tuple | None:
    if spec.is_fixed:
        return None  # a constant column costs nothing to make
    try:
        return (plan.token, start, stop, name, spec, hash(spec))
    except TypeError:  # a record that cannot be hashed: not cached
        return None


def warm(plan: RunPlan) -> None:
    """Build this process's per-shape inverse CDFs for every parameter of the plan (cheap when
    already built). Called before local worker processes are forked, so they inherit them."""
    for c in plan.cases:
        for spec in c.parameters.values():
            spec.ppf(np.array([0.5]))


def _fork_context():
    """Fork on Linux (workers inherit the imported modules and built inverses); the platform's
    default elsewhere."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _worker_init(sinks: dict | None = None) -> None:
    """Local workers leave Ctrl-C to the main process, which stops the run and cancels the
    chunks not yet started (no traceback from every worker). ``sinks``: the run's shared
    stores, inherited through fork (never pickled), which this worker writes its blocks into."""
    global _SINKS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _SINKS = sinks


_SINKS: dict | None = None  # in a forked local worker: the stores of its run (set by its initializer)


def _run_chunk_to_sinks(plan: RunPlan, start: int, stop: int) -> Block:
    """In a forked local worker: :func:`run_chunk`, then write the per-draw outputs straight into
    the run's shared stores (inherited from the parent), returning only the yearly sums — so
    the parent receives a few numbers per chunk instead of every draw through a pipe."""
    block = run_chunk(plan, start, stop)
    for option, out in block.outputs.items():
        _SINKS[option].write(start, out)
    return Block(start, stop, {}, block.yearly)


def iter_blocks(plan: RunPlan, workers: int = 1, sinks: dict | None = None) -> Iterator[Block]:
    """Run every chunk of ``plan`` and yield the blocks in order of ``start``.

    With ``workers`` > 1 the chunks run in that many local processes
    (``concurrent.futures.ProcessPoolExecutor``), at most two chunks per worker in flight so
    memory stays bounded; the blocks are the same as in one process.

    ``sinks`` (option -> :class:`~mkba.core.store.ColumnStore` made with ``shared=True``): where
    local workers are forked (Linux), they write each chunk's per-draw outputs into these stores
    themselves and the yielded block has ``outputs == {}``; otherwise blocks carry their outputs
    and the caller stores them (:func:`mkba.core.results.collect` handles both).
    """
    workers = check_workers(workers)
    chunks = plan.chunks()
    if workers == 1 or len(chunks) == 1:
        for start, stop in chunks:
            yield run_chunk(plan, start, stop)
        return
    from concurrent.futures import ProcessPoolExecutor

    warm(plan)
    context = _fork_context()
    in_place = sinks is not None and context is not None  # forked workers share the stores' memory
    task = _run_chunk_to_sinks if in_place else run_chunk
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context,
                               initializer=_worker_init, initargs=(sinks if in_place else None,))
    try:
        todo = iter(chunks)
        pending: deque = deque()
        for start, stop in todo:
            pending.append(pool.submit(task, plan, start, stop))
            if len(pending) >= 2 * workers:
                break
        while pending:
            block = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.submit(task, plan, *nxt))
            yield block
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
