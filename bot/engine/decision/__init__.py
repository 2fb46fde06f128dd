"""The decision's steps: each takes the facts and what earlier steps decided, and returns its value with the
evidence rows for it. `bot.engine.decide.decide` runs them in order."""
