"""Synthetic data for benchmarks and load tests: ``cases`` (``manage.py generate_cases``) and
the vocabulary it draws from, ``data``."""
