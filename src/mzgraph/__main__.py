from mzgraph.cli import run

run()
