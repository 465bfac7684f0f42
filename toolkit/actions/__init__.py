"""Each job once, below both front ends: plain arguments in, records or results out.

Nothing here imports Textual, ReportLab or argparse; the command line and the
app call these functions (the app from workers) and only present the result.
"""
