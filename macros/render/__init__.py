"""Pure render functions: validated data in, HTML/Markdown strings out."""
