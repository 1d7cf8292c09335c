import rules

from samskab.networks.predicates import (
    is_org_editor,
    is_org_editor_of_person,
    is_person_self,
    is_staff_of_organisation_network,
    is_staff_of_person_network,
    is_superuser,
)

from .predicates import has_own_account, is_account_owner

# An organisation's editors keep the records of its people who have no log-in of their
# own: they add them, see and correct their contact details, and erase them. A person with
# a log-in keeps their own details; editors see of them only what they agreed to show.
keeps_record_of_person = is_org_editor_of_person & ~has_own_account

# A person's record (name, title, phone, e-mail): the person, the secretariat, or the
# editors of an organisation whose records they keep.
rules.add_perm(
    "accounts.change_person",
    is_superuser | is_person_self | is_staff_of_person_network | keeps_record_of_person,
)
# Seeing phone and e-mail of a person who did not consent: the person, the secretariat and
# the editors who keep the person's record; consenting contacts are shown to everyone.
rules.add_perm(
    "accounts.view_person_private_contact",
    is_superuser | is_person_self | is_staff_of_person_network | keeps_record_of_person,
)
# Consent is the person's own; the secretariat may record it for them (who and when are
# kept). Organisation editors never change it.
rules.add_perm(
    "accounts.change_person_consent",
    is_superuser | is_person_self | is_staff_of_person_network,
)
# Asking to join an organisation: only for oneself.
rules.add_perm("accounts.join_organisation", is_person_self)
# Confirming or declining a request to join an organisation (object: the organisation).
rules.add_perm(
    "accounts.decide_join_request",
    is_superuser | is_org_editor | is_staff_of_organisation_network,
)
# Erasing a person's record: the records kept for people without a log-in of their own
# (people with a log-in erase themselves, ``accounts.manage_account``).
rules.add_perm(
    "accounts.erase_person",
    (is_superuser | is_staff_of_person_network | keeps_record_of_person) & ~has_own_account,
)
# One's own log-in (the object is the user): my page, my data as a file, erasing it.
rules.add_perm("accounts.manage_account", is_account_owner)
