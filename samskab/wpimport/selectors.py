"""Reads of the WordPress import: old addresses, imported files, the last runs."""

from .models import ImportedFile, ImportRun, OldAddress


def old_address_target(*, network, path: str) -> str | None:
    """The new address of an old one (already normalised), or None."""
    return (
        OldAddress.objects.filter(network=network, path=path).values_list("target", flat=True)
    ).first()


def imported_file(*, network, pk: int) -> ImportedFile | None:
    return ImportedFile.objects.filter(network=network, pk=pk).exclude(name="").first()


def import_run_list(*, network, limit: int = 20):
    return ImportRun.objects.filter(network=network)[:limit]
