"""Demo and synthetic data, kept out of the apps' own code.

``manage.py load_demo`` fills an empty database with both networks, their municipalities,
invented people with a log-in for every role, theme groups, cases and events
(``networks``, ``groups``, ``cases``, ``events``, then ``search`` rebuilds the index);
``demo_totp`` prints the demo staff's two-factor code; ``generate_cases`` creates many
deterministic synthetic cases for benchmarks (``synthetic/``). The texts and names live in
``data/`` and ``synthetic/data.py``.

This package sits above every app: it may import any of them, and nothing in ``samskab``
imports it (the import-linter contract in ``pyproject.toml`` checks both).
"""
