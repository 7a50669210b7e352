"""newswiki: a wiki generated from Chinese news articles.

Stages: ingest -> segment -> extract -> resolve -> render; ``build`` runs them.
"""

__version__ = "0.1.0"
