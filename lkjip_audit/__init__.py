"""lkjip-audit: read Indonesian LKjIP reports, reconcile their tables, write an audit workbook."""

__version__ = "0.1.0"
