"""Copy every model's rows from one database to another (`manage.py migrate_to_postgres`).

Row for row, with the primary keys they have: content types, permissions and every
generic reference keep their ids, so nothing needs natural keys. Values go through the
fields (read with the source's converters, written with ``get_db_prep_save`` for the
target), not through ``save()``: no signals, no ``auto_now``. Knows no app: the models come
from ``django.apps``.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.utils import load_backend

SQLITE_SOURCE = "migrate_from_sqlite"
BATCH = 1000


def add_sqlite_alias(path: Path, alias: str = SQLITE_SOURCE, *, read_only: bool = True) -> str:
    """A connection alias for a SQLite file that is not in settings.DATABASES: the
    connection is made here and handed to ``connections`` for this thread, so that
    ``QuerySet.using(alias)`` finds it; `remove_alias` closes it."""
    name = f"file:{Path(path).resolve()}?mode=ro" if read_only else str(path)
    configured = connections.configure_settings(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": name}}
    )["default"]
    wrapper = load_backend(configured["ENGINE"]).DatabaseWrapper(configured, alias)
    setattr(connections._connections, alias, wrapper)
    return alias


def remove_alias(alias: str) -> None:
    wrapper = getattr(connections._connections, alias, None)
    if wrapper is not None:
        try:
            wrapper.close()
        finally:
            delattr(connections._connections, alias)


def copied_models() -> list[type[models.Model]]:
    """Every model with a table of its own (many-to-many tables included), once."""
    found, tables = [], set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped or meta.db_table in tables:
            continue
        tables.add(meta.db_table)
        found.append(model)
    return sorted(found, key=lambda m: m._meta.db_table)


def count(alias: str, model) -> int:
    return models.QuerySet(model=model, using=alias).count()


def copy_rows(source: str, target: str, *, log=lambda _message: None) -> dict[str, int]:
    """Empty the models' tables in `target` and fill them from `source`, in one
    transaction on the target; then reset the target's sequences. Returns rows per table.
    A row the target refuses (a text too long for its column, which SQLite lets through)
    rolls the whole copy back."""
    target_connection = connections[target]
    chosen = copied_models()
    tables = [m._meta.db_table for m in chosen]
    copied = {}
    with transaction.atomic(using=target):
        target_connection.ops.execute_sql_flush(
            target_connection.ops.sql_flush(
                no_style(), tables, reset_sequences=False, allow_cascade=True
            )
        )
        with target_connection.cursor() as cursor:
            if target_connection.vendor == "postgresql":
                # Django's foreign keys are DEFERRABLE: checked at the commit, so the
                # tables may come in any order and rows may refer to later rows.
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for model in chosen:
                copied[model._meta.db_table] = _copy_model(model, source, target_connection, cursor)
                log(f"{model._meta.db_table}: {copied[model._meta.db_table]} rows")
        statements = target_connection.ops.sequence_reset_sql(no_style(), chosen)
        if statements:
            with target_connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    return copied


def _copy_model(model, source: str, target_connection, cursor) -> int:
    fields = list(model._meta.local_concrete_fields)
    quote = target_connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    # A plain QuerySet: no manager that filters rows or renames fields (translations).
    rows = (
        models.QuerySet(model=model, using=source)
        .order_by(model._meta.pk.attname)
        .values_list(*[f.attname for f in fields])
        .iterator(chunk_size=BATCH)
    )
    batch, total = [], 0
    for row in rows:
        batch.append(
            [
                field.get_db_prep_save(value, connection=target_connection)
                for field, value in zip(fields, row, strict=True)
            ]
        )
        if len(batch) >= BATCH:
            cursor.executemany(sql, batch)
            total += len(batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)
        total += len(batch)
    return total
