"""Ethics committee register: committees, appointment orders (คำสั่งแต่งตั้ง), members and their terms."""
