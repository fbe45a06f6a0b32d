"""Storage of per-draw values (the "reduce" side of DESIGN §8): in memory, or column files.

A :class:`ColumnStore` holds draws × columns of float64. Small stores live in memory; above a
memory limit (:data:`RAM_LIMIT_BYTES` by default) they live in a temporary file in column-major
order, so writing a block of draws is one contiguous write per column and reading one column
reads one contiguous range. Blocks may arrive in any order (e.g. from other processes).
"""

from __future__ import annotations

import mmap
import os
import tempfile
from collections.abc import Sequence

import numpy as np

RAM_LIMIT_BYTES = 512 * 2**20


class ColumnStore:
    """Per-draw values, draws × columns, filled block by block and read column by column.

    Parameters
    ----------
    rows : int
        Number of draws N.
    columns : sequence of str
        Column names.
    ram_limit : int
        Largest size in bytes kept in memory; bigger stores go to a temporary file (deleted
        when the store is closed or garbage-collected).
    shared : bool
        Keep an in-memory store in an anonymous shared mapping, so local worker processes
        forked after it was made write their blocks straight into it (a store in a file is
        shared that way already: children inherit the open file and write with ``pwrite``).
    """

    def __init__(self, rows: int, columns: Sequence[str], ram_limit: int = RAM_LIMIT_BYTES, shared: bool = False):
        self.rows = rows
        self.columns = list(columns)
        self._index = {c: i for i, c in enumerate(self.columns)}
        nbytes = rows * len(self.columns) * 8
        self._map: mmap.mmap | None = None
        if nbytes <= ram_limit:
            self._file = None
            if shared and nbytes:
                self._map = mmap.mmap(-1, nbytes)  # MAP_SHARED | MAP_ANONYMOUS: children see the writes
                self._array: np.ndarray | None = np.frombuffer(self._map, dtype=np.float64).reshape(
                    len(self.columns), rows)
            else:
                self._array = np.empty((len(self.columns), rows))
        else:
            self._array = None
            self._file = tempfile.TemporaryFile(prefix="mkba-draws-")
            self._file.truncate(nbytes)

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def write(self, start: int, block: np.ndarray) -> None:
        """Store ``block`` (rows × columns, any memory order) at rows ``start ..``."""
        stop = start + block.shape[0]
        if block.shape[1] != len(self.columns) or not 0 <= start <= stop <= self.rows:
            raise ValueError(f"block of shape {block.shape} at row {start} does not fit a store of "
                             f"{self.rows} × {len(self.columns)}")
        if self._array is not None:
            self._array[:, start:stop] = block.T
            return
        fd = self._file.fileno()
        for j in range(block.shape[1]):
            data = np.ascontiguousarray(block[:, j]).tobytes()
            os.pwrite(fd, data, (j * self.rows + start) * 8)

    def column(self, name: str) -> np.ndarray:
        """All draws of one column (a copy when on disk)."""
        j = self._index[name]
        if self._array is not None:
            return self._array[j]
        self._file.seek(j * self.rows * 8)
        return np.fromfile(self._file, dtype=np.float64, count=self.rows)

    def close(self) -> None:
        """Free the file (a store in memory is freed with the object)."""
        if self._file is not None:
            self._file.close()
            self._file = None
