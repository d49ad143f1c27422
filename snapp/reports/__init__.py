"""PDF output: serial labels and documents, drawn with reportlab from plain records (no database here)."""
