"""GUI: the chronogramme (MSEL) import screen and the import/export menu actions."""
