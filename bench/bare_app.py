"""The yardstick for cold start: a bare Typer + Rich app that prints one table.

``bench/coldstart.py`` times planctl's commands as a ratio to this app, run in the same session,
so the numbers compare across machines.
"""

import atexit
import gc
import os

import typer
from rich.console import Console
from rich.table import Table

if os.environ.get("BARE_FREEZE"):  # bench/coldstart.py --bare-freeze: exit as planctl does
    atexit.register(gc.freeze)

app = typer.Typer(add_completion=False)


@app.command()
def show() -> None:
    """Print one small table."""
    table = Table(title="Rader")
    table.add_column("Id")
    table.add_column("Status")
    table.add_row("LB-1", "Klart")
    Console().print(table)


if __name__ == "__main__":
    app()
