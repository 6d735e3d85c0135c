import sys
rows=[tuple(map(int,l.split())) for l in open(sys.argv[1])]
ans=sorted([r for r in rows if r[0]==1], key=lambda r:r[1])[-150000:]
t0,t1=ans[0][1],ans[-1][1]
commits=[(r[1],r[1]+r[2]) for r in rows if r[0]==4 and t0-1e9<r[1]<t1]
win=float(sys.argv[2]) if len(sys.argv)>2 else 150
slow=[r for r in ans if r[2]>10e6]
def near(t): return any(c[0]-5e6<=t<=c[1]+win*1e6 for c in commits)
ns=sum(1 for r in slow if near(r[1]+r[2]))   # answered during or shortly after a commit
frac_time=sum(min(c[1]+win*1e6,t1)-max(c[0]-5e6,t0) for c in commits)/(t1-t0)
print(f"{sys.argv[1]}: slow {len(slow)}, answered within a commit (+{win:.0f} ms): {ns} ({100*ns/max(1,len(slow)):.0f}%), windows cover {100*frac_time:.0f}% of the time; commit durations ms: {sorted(int((c[1]-c[0])/1e6) for c in commits)}")
