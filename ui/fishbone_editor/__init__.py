"""Step 2's fishbone editor: capture line, cause panel, headings and canvas."""
