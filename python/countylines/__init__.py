"""countylines: an SQL-first analytics warehouse for county lines intelligence."""

__version__ = "0.1.0"
