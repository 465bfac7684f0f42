"""``python -m toolkit`` runs the same command line as ``meetingkit``."""

from .cli import main

raise SystemExit(main())
