"""The table stage: the assessment table found in a Grid, its columns given roles, its rows
turned into records, and the preamble above it read."""
