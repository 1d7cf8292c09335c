import rules

from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import (
    coordinates_a_group_in,
    in_event_audience,
    is_authenticated,
    is_event_organiser,
    is_open_event,
    is_public_event,
    is_registrant,
    is_registration_organiser,
)

# Events for the public or for anyone with an account are visible to all; the others to
# their audience (theme group members, contacts, invited people) and the organisers.
rules.add_perm(
    "events.view_event", is_superuser | is_open_event | is_event_organiser | in_event_audience
)
# One-click sign-up for oneself (logged in).
rules.add_perm(
    "events.register_self",
    is_authenticated & (in_event_audience | is_event_organiser | is_superuser),
)
# People without an account sign up to public events, confirming their e-mail address.
rules.add_perm("events.register_without_account", ~is_authenticated & is_public_event)
# Signing up colleagues or volunteers who have no account: for open events anyone in the
# audience; for closed audiences only the organisers.
rules.add_perm(
    "events.register_guest",
    is_authenticated & ((is_open_event & in_event_audience) | is_event_organiser | is_superuser),
)
rules.add_perm("events.cancel_registration", is_registrant | is_registration_organiser)
# Organisers: create, edit and cancel the event, manage its participants.
rules.add_perm("events.add_event", is_superuser | is_network_staff | coordinates_a_group_in)
rules.add_perm("events.change_event", is_superuser | is_event_organiser)
rules.add_perm("events.manage_registrations", is_superuser | is_event_organiser)
# A personal calendar address (a feed of one's own sign-ups) is made on request.
rules.add_perm("events.have_calendar", is_authenticated)
