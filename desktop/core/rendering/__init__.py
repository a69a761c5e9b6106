"""Turning message text into rich text (HTML that QTextDocument understands), without Qt."""
