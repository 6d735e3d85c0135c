import collections,re,sys
def load(f):
    d={}
    for l in open(f):
        p=l.split(); d[p[0]]=(int(p[1]),int(p[2]),int(p[3]),p[4])
    return d
a=load(sys.argv[1]+'.s1'); b=load(sys.argv[1]+'.s2'); n=int(sys.argv[2])
g=collections.defaultdict(lambda:[0,0,0])
for t,v in b.items():
    if t not in a: continue
    name=re.sub(r'\d+$','#',v[3])
    g[name][0]+=v[0]-a[t][0]; g[name][1]+=v[1]-a[t][1]; g[name][2]+=v[2]-a[t][2]
tr=sum(v[0] for v in g.values()); tw=sum(v[1] for v in g.values())
print(f"all threads: run {tr/n/1e3:.1f} us/payment, run-queue wait {tw/n/1e3:.1f} us/payment ({n} payments in the 10 s)")
for k,v in sorted(g.items(), key=lambda x:-x[1][1])[:10]:
    print(f"{k:22s} run {v[0]/n/1e3:6.1f} us  wait {v[1]/n/1e3:6.1f} us  slices {v[2]/n:5.2f}  wait/slice {v[1]/max(v[2],1)/1e3:6.1f} us")
