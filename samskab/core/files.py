"""Where uploaded files are stored."""

import uuid


def unguessable_name(folder: str, filename: str) -> str:
    """A stored file's name: a random folder under ``folder`` keeps the name unguessable
    and lets two files share a name, while the file keeps its own name (downloads send it
    as the file name). Files are still served only by permission-checked views."""
    return f"{folder}/{uuid.uuid4().hex}/{filename}"
