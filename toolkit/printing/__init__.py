"""Everything printed on paper: the one-page handout and the testimony copies.

This package is the only home of ReportLab, and even here ReportLab is imported
only by the modules that draw (``fonts``, ``page``, ``qr``, ``pdfmeta``,
``testimony_pdf``). The rest (``blocks``, ``markup``, ``glyphs``, ``fit``,
``handout``, ``words``, ``paper``) is plain Python that tests can use without it.
"""
