"""Apps that use forms tell the form builder about them: how many answers a form has, so
staff are warned before they change a form people have answered
(``register_answer_counter``), and where the form is used, so the builder's pages link back
(``register_owner``)."""

_counters = []
_owners = []


def register_answer_counter(counter) -> None:
    """``counter(form) -> int``: how many answers (drafts included) exist for the form."""
    if counter not in _counters:
        _counters.append(counter)


def answer_count(form) -> int:
    return sum(counter(form) for counter in _counters)


def register_owner(resolver) -> None:
    """``resolver(form) -> (label, url) | None``: the page the form belongs to."""
    if resolver not in _owners:
        _owners.append(resolver)


def owner_of(form):
    for resolver in _owners:
        found = resolver(form)
        if found:
            return found
    return None
