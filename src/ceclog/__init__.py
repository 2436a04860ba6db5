"""ceclog: a command-line logbook for continuing-education credits."""

__version__ = "0.1.0"
