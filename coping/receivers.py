"""Reactions to what the applications app announces."""
