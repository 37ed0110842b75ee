"""Text from outside made into articles: front matter and titles, cleaning, safe text."""
