"""The terminal app (Textual): the only part of meetingkit that imports Textual."""
