"""Shipped question banks (YAML data; installed as ``toolkit.questions``)."""
