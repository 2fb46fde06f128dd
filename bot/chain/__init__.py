"""Follow the chain: find the original of a copy, fetch and read it, compare the two texts, and check the copy
against the original's terms (`follow.follow_chain`); remember what was read, to name a pasted text's likely source
(`seen.SeenIndex`)."""
