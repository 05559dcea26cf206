"""PDF access through PDFium (pypdfium2): opening files safely and reading each page's content."""
