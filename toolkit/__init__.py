"""meetingkit: get local cooperation with ICE on the public record."""

__version__ = "0.1.0"
