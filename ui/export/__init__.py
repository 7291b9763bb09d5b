"""Exports: diagram pictures and PDFs, the report PDF, the PNG writer and their dialogs."""
