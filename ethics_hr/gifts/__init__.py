"""The gift register (No Gift Policy): gifts received because of one's duty, and the head's decisions."""
