"""The package version: the one place it is written (pyproject.toml reads it from here).

A constant rather than package metadata: looking the metadata up took 43 ms, a fifth of
``mzgraph --help`` and a twentieth of a 20,000-entity view.
"""

__version__ = "0.1.0"
