import sys, collections, re
f=sys.argv[1]; gcf=sys.argv[2]
rows=[tuple(map(int,l.split())) for l in open(f)]
mark=[r for r in rows if r[0]==0][0]; nano0, up0 = mark[1], mark[2]   # nanoTime at uptime up0
ans=sorted([r for r in rows if r[0]==1], key=lambda r:r[1])[-150000:]
t0=ans[0][1]; t1=ans[-1][1]
def ms(t): return (t-t0)/1e6
kinds={2:'fsync',3:'append',4:'commit',5:'seal',6:'check',7:'vwait'}
ev=collections.defaultdict(list)
for r in rows:
    if r[0] in kinds and t0-50e6 <= r[1] <= t1+50e6: ev[r[0]].append(r)
# gc: lines with uptime nanos
gcs=[]
for l in open(gcf):
    m=re.match(r'\[(\d+)ns\].*GC\((\d+)\) (.*?) (\d+)M.*?(\d+\.\d+)(ms|s)$', l.strip())
    if m:
        end_up=int(m.group(1)); dur=float(m.group(5))*(1e6 if m.group(6)=='ms' else 1e9)
        end_nano=nano0+(end_up-up0); gcs.append((ms(end_nano-dur), ms(end_nano), m.group(3)))
print('answers', len(ans), 'span ms', ms(t1))
for k in kinds:
    d=sorted(x[2] for x in ev[k]); n=len(d)
    if n: print(f"{kinds[k]:7s} n={n} p50={d[n//2]/1e3:.0f}us p99={d[n*99//100]/1e3:.0f}us p999={d[min(n-1,n*999//1000)]/1e3:.0f}us max={d[-1]/1e3:.0f}us")
for g in gcs:
    if -1000 < g[1] < ms(t1)+1000: print('gc %.0f-%.0f ms %s' % g)
# slow episodes: buckets of 10ms by intended send with max latency
b=collections.defaultdict(list)
for r in ans: b[int(ms(r[1])//10)].append(r[2]/1e6)
eps=[]; cur=None
for k in sorted(b):
    slow=sum(1 for x in b[k] if x>10)
    if slow:
        if cur and k-cur[1]<=3: cur[1]=k; cur[2]+=slow; cur[3]=max(cur[3],max(b[k]))
        else:
            cur=[k,k,slow,max(b[k])]; eps.append(cur)
eps.sort(key=lambda e:-e[2])
tot=sum(e[2] for e in eps); print('slow', tot, 'episodes', len(eps))
for e in eps[:15]:
    s,e2=e[0]*10-60, e[1]*10+10
    near=[]
    for k in (2,3,4,5):
        for x in ev[k]:
            st=ms(x[1]); en=st+x[2]/1e6
            if en>=s and st<=e2 and x[2]>1e6: near.append(f"{kinds[k]}@{st:.0f}+{x[2]/1e6:.1f}")
    vw=[x[2]/1e6 for x in ev[7] if s<=ms(x[1])<=e2]
    gcn=[f"gc{g[0]:.0f}-{g[1]:.0f}" for g in gcs if g[1]>=s and g[0]<=e2]
    print(f"{e[0]*10}-{e[1]*10+10}ms slow={e[2]} max={e[3]:.1f} vwait max={max(vw) if vw else 0:.1f} {' '.join(near[:8])} {' '.join(gcn)}")
