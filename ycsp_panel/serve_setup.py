"""Run by ``panel serve --setup`` in every server process before its first session (see
``make serve``): fills the process's caches so the first visitor waits no longer than the next,
and lets the processes of ``--num-procs`` share a burst of visitors.

The processes share one listening socket. Tornado's accept handler takes up to its listen
backlog (128) of waiting connections at each wake-up, so when twenty people open the link at
once, the first process to wake takes all twenty and the other takes none: measured with
``--num-procs 2``, one process did 100 % of a burst's work in 3 bursts of 3. Taken one at a
time, a connection waits for whichever process is free next. ``make bench`` reports the busiest
process's share of each burst ("20 sessions at once: the busiest server process's share").
"""

import tornado.netutil

from ycsp_panel.app import warm

# One connection per wake-up. Only the accept loop reads this at run time: the socket's listen
# backlog was fixed when it was bound, before this script ran (a default argument's value).
if hasattr(tornado.netutil, "_DEFAULT_BACKLOG"):
    tornado.netutil._DEFAULT_BACKLOG = 1

warm()
