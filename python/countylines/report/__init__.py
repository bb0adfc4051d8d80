"""The briefing report (`countylines report`): one self-contained HTML file from the marts."""

from countylines.report.render import write_report

__all__ = ["write_report"]
