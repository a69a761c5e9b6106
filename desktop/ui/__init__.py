"""Qt widgets and the glue between them and `desktop.core`."""
