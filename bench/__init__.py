"""The benchmark: generate large organisations, request the main pages, time the jobs (`make bench`)."""
