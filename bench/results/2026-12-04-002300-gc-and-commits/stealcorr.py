import sys,collections
rows=[tuple(map(int,l.split())) for l in open(sys.argv[1])]
ans=sorted([r for r in rows if r[0]==1], key=lambda r:r[1])[-150000:]
t0,t1=ans[0][1],ans[-1][1]
st=[list(map(int,l.split())) for l in open(sys.argv[2])]
# per 100 ms bucket: steal ticks (each tick 10 ms of one cpu), busy ticks
b=collections.defaultdict(lambda:[0,0,0])
for a,c in zip(st,st[1:]):
    if t0<=c[0]<=t1:
        k=int((c[0]-t0)/1e8); b[k][0]+=c[8]-a[8]; b[k][1]+=(c[1]-a[1])+(c[3]-a[3])+(c[6]-a[6])+(c[7]-a[7])
slow=collections.Counter(int((r[1]-t0)/1e8) for r in ans if r[2]>10e6)
tot_steal=sum(v[0] for v in b.values())
print("steal ticks in run:", tot_steal, " (1 tick = 10 ms of one vCPU), over", len(b)/10, "s")
for k in sorted(b):
    if b[k][0]>0 or slow[k]>100: print(f"{k/10:5.1f}s steal {b[k][0]:2d} busy {b[k][1]:2d} slow {slow[k]}")
