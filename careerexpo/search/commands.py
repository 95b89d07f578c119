"""``flask --app careerexpo reindex``: the search index built again from the database."""

import time

import click
from flask.cli import with_appcontext

from careerexpo.search.engine import search_engine


@click.command("reindex")
@with_appcontext
def reindex_command():
    """Rebuild the search index from the database (searches keep working meanwhile)."""
    started = time.perf_counter()
    with click.progressbar(length=1, label="roles indexed", show_pos=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        count = search_engine().rebuild(progress)
    click.echo(f"{count} roles indexed in {time.perf_counter() - started:.1f} s")
