import rules

from samskab.networks.predicates import is_network_staff, is_superuser

from .predicates import is_form_network_staff

# The secretariat of the form's network builds and previews it.
rules.add_perm("formbuilder.change_form", is_superuser | is_form_network_staff)
rules.add_perm("formbuilder.view_form", is_superuser | is_form_network_staff)
# The object is the network the form will belong to.
rules.add_perm("formbuilder.add_form", is_superuser | is_network_staff)
