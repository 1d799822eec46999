"""GUI: the exercise editor — create or change a package, with the timeline by role."""
