import sys,collections
rows=[tuple(map(int,l.split())) for l in open(sys.argv[1])]
ans=sorted([r for r in rows if r[0]==1], key=lambda r:r[1])[-150000:]
t0=ans[0][1]
lo,hi=float(sys.argv[2]),float(sys.argv[3])
B=lambda t:int((t-t0)/1e8)
done=collections.Counter(); lat=collections.defaultdict(list)
for r in ans:
    done[B(r[1]+r[2])]+=1; lat[B(r[1])].append(r[2]/1e6)
agg=collections.defaultdict(lambda: collections.defaultdict(list))
for r in rows:
    if r[0] in (2,3,4,5,6,7): agg[B(r[1])][r[0]].append(r[2]/1e6)
print(" t(s)  answered  lat-mean  vwait-mean/max  check-mean  seals  append-max fsync-max commit")
for k in range(int(lo*10), int(hi*10)):
    a=agg[k]; mean=lambda x: sum(x)/len(x) if x else 0
    print(f"{k/10:5.1f}  {done[k]:6d}  {mean(lat[k]):7.1f}  {mean(a[7]):6.2f}/{max(a[7],default=0):6.1f}  {mean(a[6])*1000:6.0f}us  {len(a[5]):5d}  {max(a[3],default=0):6.1f}  {max(a[2],default=0):6.1f}  {'C' if a[4] else ''}")
