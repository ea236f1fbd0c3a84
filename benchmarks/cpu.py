"""
How much of the machine's CPU went to other work while benchmarks/serve.py measured:
the machine's busy time (/proc/stat) less what the run's own processes used (the
gunicorns, Redis, PostgreSQL's server processes, wrk and this process). A busy
machine slows the pages unevenly, so RESULTS.md says how quiet it was.
"""

import os
import resource
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds():
    """CPU time the machine spent on anything but idling, all CPUs together."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK


def process_tree_seconds(pid):
    """CPU time of a process, of its reaped children and of its living descendants."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    # After the command's closing parenthesis: utime, stime, cutime, cstime are the
    # 14th to 17th fields of the line.
    times = stat.rsplit(")", 1)[1].split()[11:15]
    return sum(int(value) for value in times) / TICK + sum(
        process_tree_seconds(int(child)) for child in children
    )


def own_seconds(pids):
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    mine = sum(item.ru_utime + item.ru_stime for item in usage)
    return mine + sum(process_tree_seconds(pid) for pid in pids)


def postmaster_pid(data_directory):
    """The PostgreSQL server's pid from its data directory, if this user may read it."""
    try:
        return int((Path(data_directory) / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


class OtherWork:
    """Measures, between start() and stop(), the share of the CPU others used."""

    def __init__(self, pids):
        self.pids = [pid for pid in pids if pid]

    def start(self):
        self.machine, self.own = machine_busy_seconds(), own_seconds(self.pids)
        self.wall = os.times().elapsed

    def stop(self):
        """(share of the machine's CPUs other work used, share this run used)."""
        wall = os.times().elapsed - self.wall
        capacity = wall * (os.cpu_count() or 1)
        machine = machine_busy_seconds() - self.machine
        own = own_seconds(self.pids) - self.own
        return max(0.0, machine - own) / capacity, own / capacity
