import rules

from samskab.networks.predicates import (
    is_org_editor_of_person,
    is_person_self,
    is_staff_of_person_network,
    is_superuser,
)

# A person's record: the person, their organisation's editors, or the secretariat.
rules.add_perm(
    "accounts.change_person",
    is_superuser | is_person_self | is_org_editor_of_person | is_staff_of_person_network,
)
# Seeing phone and e-mail of a person who did not consent: only the secretariat and the
# person; consenting contacts are shown to everyone.
rules.add_perm(
    "accounts.view_person_private_contact",
    is_superuser | is_person_self | is_staff_of_person_network,
)
