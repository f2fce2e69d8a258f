"""The yearly integrity pledge (ปฏิญญาคุณธรรม): its text, audience and window, and everyone's signature."""
