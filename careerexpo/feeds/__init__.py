"""The Atom feed of any search and the sitemap."""
