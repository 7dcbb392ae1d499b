"""What the benchmark's report scripts share (standard library only)."""
import os


def read_properties(path):
    """A `key=value` file written by setup/bench as a dict; empty when the file is not there."""
    p = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                p[k.strip()] = v.strip()
    return p
