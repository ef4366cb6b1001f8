"""What the notebooks show: ``html`` holds helpers that only format (escape, caption, evidence links,
tables); ``charts`` draws the figures. Neither computes what the briefing says."""
