import rules

from .predicates import is_network_staff, is_superuser

# Importing a WordPress site into a network: its secretariat (and the server's operator).
rules.add_perm("wpimport.import_site", is_superuser | is_network_staff)
