"""How an old WordPress address is stored and looked up."""

from urllib.parse import parse_qs, unquote, urlsplit

# Query parameters that name an item on a WordPress site (/?p=123).
ID_PARAMETERS = ("p", "page_id", "attachment_id", "cat", "tag")


def normalise_path(url: str) -> str | None:
    """The key an old address is stored and looked up under: the decoded, lower-case path
    without its trailing slash, plus ``?p=123`` where WordPress names an item by its id."""
    parts = urlsplit(url or "")
    path = unquote(parts.path or "/").lower()
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = parse_qs(parts.query)
    for name in ID_PARAMETERS:
        if query.get(name) and query[name][0].strip():
            return f"{path if path != '/' else ''}/?{name}={query[name][0].strip().lower()}"
    if path == "/":
        return None  # the old front page is the new front page
    return path[:500]
