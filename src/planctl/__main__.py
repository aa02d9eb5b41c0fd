"""Entry point for ``python -m planctl`` and the ``planctl`` script."""

from __future__ import annotations

import atexit
import gc


def main() -> None:
    """Run the command-line interface; exit codes as in :mod:`planctl.errors`.

    Everything still alive when the interpreter shuts down is frozen first (:func:`gc.freeze`,
    registered with :mod:`atexit`), so the cyclic garbage collector does not walk the some 60 000
    objects the imports made once more on the way out: a pure shut-down cost (bench/RESULTS.md).
    The collector stays on while the command runs: a Word or PDF report draws one chart per area,
    and each matplotlib figure is a reference cycle (≈3,5 MB for a PNG) that only the collector
    frees. Freezing at exit, not when ``main`` returns, leaves a program that calls ``main``
    in-process a collector that can still free what the command left behind.
    """
    atexit.unregister(gc.freeze)  # once, however often main runs in one process
    atexit.register(gc.freeze)
    from planctl.cli.app import run

    run()


if __name__ == "__main__":
    main()
