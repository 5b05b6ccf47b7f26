"""The text stage: pure functions of strings (cleaning, legacy encodings, numbering, status words,
figures). Nothing here knows a file or a format."""
