"""Entry point for ``python -m planctl`` and the ``planctl`` script."""

from __future__ import annotations


def main() -> None:
    """Run the command-line interface."""
    from planctl.cli.app import run

    run()


if __name__ == "__main__":
    main()
