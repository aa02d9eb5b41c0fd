"""The ``planctl`` command line: a thin layer that parses, calls the core, renders and exits.

One module per command (``list_rows``, ``report``, ``status``…), the app that registers them
(:mod:`planctl.cli.app`), the Swedish help texts (:mod:`planctl.cli.swedish`,
:mod:`planctl.cli.clitext`) and the error boundary (:mod:`planctl.cli.boundary`). Only this
package reads the clock and the environment (:mod:`planctl.cli.settings`). This module only
re-exports what the entry point and the tests need.
"""

from planctl.cli.app import app, run

__all__ = ["app", "run"]
