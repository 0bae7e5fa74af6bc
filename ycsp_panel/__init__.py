"""ycsp-panel: interactive explorer of the Yangtze River Delta Urban Agglomeration Plan (2016)."""

__version__ = "0.1.0"
