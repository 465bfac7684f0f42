"""Widgets the modes share."""
