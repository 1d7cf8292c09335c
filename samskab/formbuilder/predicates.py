import rules

from samskab.networks.predicates import staff_network_ids


@rules.predicate
def is_form_network_staff(user, form):
    return form is not None and form.network_id in staff_network_ids(user)
