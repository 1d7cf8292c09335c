"""From decision to action: theme groups from the chosen options."""

from django.db import transaction
from django.utils.translation import gettext as _

from samskab.core.guards import require

from ..models import Consultation
from .consultations import _locked


@transaction.atomic
def groups_create(*, actor, consultation: Consultation) -> list:
    """Make a theme group of each chosen option that has none yet (idempotent)."""
    from samskab.groups import services as group_services

    consultation = _locked(consultation)
    require(
        actor,
        "decisions.create_groups",
        consultation,
        _("Theme groups are created from published results, by the secretariat."),
    )
    from ..selectors import consultation_tally

    result = consultation_tally(consultation)
    created = []
    options = {o.pk: o for o in consultation.options.select_for_update()}
    for option_id in result.chosen:
        option = options[option_id]
        if option.theme_group_id:
            continue
        group = group_services.group_create(
            actor=actor,
            network=consultation.network,
            data={"name": option.title, "lead": "", "background": option.description},
        )
        option.theme_group = group
        option.save(update_fields=["theme_group"])
        created.append(group)
    return created
