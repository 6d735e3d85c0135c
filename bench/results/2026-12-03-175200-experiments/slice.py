import ctypes, os, sys
# sched_setattr(tid, attr, 0) with SCHED_OTHER and sched_runtime = custom EEVDF slice (Linux 6.12+)
class Attr(ctypes.Structure):
    _fields_ = [("size", ctypes.c_uint32), ("policy", ctypes.c_uint32), ("flags", ctypes.c_uint64),
                ("nice", ctypes.c_int32), ("priority", ctypes.c_uint32), ("runtime", ctypes.c_uint64),
                ("deadline", ctypes.c_uint64), ("period", ctypes.c_uint64), ("util_min", ctypes.c_uint32), ("util_max", ctypes.c_uint32)]
libc = ctypes.CDLL(None, use_errno=True)
pid, slice_us, prefixes = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        comm = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
    except OSError:
        continue
    if any(comm.startswith(p) for p in prefixes):
        nice = os.getpriority(os.PRIO_PROCESS, int(tid))
        a = Attr(size=56, policy=0, flags=0, nice=nice, priority=0, runtime=slice_us * 1000)
        r = libc.syscall(314, int(tid), ctypes.byref(a), 0)
        print(comm, tid, "ok" if r == 0 else os.strerror(ctypes.get_errno()))
