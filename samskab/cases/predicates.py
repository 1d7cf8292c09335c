"""Predicates about cases and comments. One predicate per object type."""

import rules

from samskab.networks.predicates import editable_organisation_ids, staff_network_ids


@rules.predicate
def is_case_published(user, case):
    return case is not None and case.status == case.Status.PUBLISHED


@rules.predicate
def is_case_staff(user, case):
    """Secretariat staff of the network the case belongs to."""
    return case is not None and case.network_id in staff_network_ids(user)


@rules.predicate
def is_case_org_editor(user, case):
    """An editor of the organisation the case belongs to."""
    return case is not None and case.organisation_id in editable_organisation_ids(user)


@rules.predicate
def is_any_org_editor(user, network=None):
    return bool(editable_organisation_ids(user))


@rules.predicate
def is_staff_of_network(user, network):
    return network is not None and network.id in staff_network_ids(user)


@rules.predicate
def is_comment_author(user, comment):
    return (
        comment is not None
        and user.is_authenticated
        and comment.author_id == user.id
        and comment.deleted_at is None
    )


@rules.predicate
def is_comment_staff(user, comment):
    return comment is not None and comment.case.network_id in staff_network_ids(user)


@rules.predicate
def is_comment_open(user, comment):
    return comment is not None and comment.deleted_at is None and comment.hidden_at is None
