"""Predicates of the WordPress import: the object is the network imported into."""

from samskab.networks.predicates import is_network_staff, is_superuser

__all__ = ["is_network_staff", "is_superuser"]
