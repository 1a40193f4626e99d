"""Closed-loop HTTP publishers against a server while a storm runs: latency and statuses."""
import http.client, json, sys, threading, time
port=int(sys.argv[1]); threads=int(sys.argv[2]); seconds=float(sys.argv[3]); out=sys.argv[4]
body='{"type":"buy","content":{"symbol":"STORMPUB","price":1.5},"is_test":false}'
hdr={'Authorization':'Bearer dev-publisher-secret-0001','Content-Type':'application/json'}
lat=[]; status={}; lock=threading.Lock(); end=time.time()+seconds
def run():
    c=None
    while time.time()<end:
        t=time.perf_counter()
        try:
            if c is None: c=http.client.HTTPConnection('127.0.0.1',port,timeout=30)
            c.request('POST','/api/signals',body,hdr); r=c.getresponse(); r.read(); st=r.status
        except Exception as e:
            st=type(e).__name__; c=None
        d=(time.perf_counter()-t)*1000
        with lock:
            lat.append(d); status[st]=status.get(st,0)+1
        if st==503: time.sleep(1)
ts=[threading.Thread(target=run) for _ in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
lat.sort(); n=len(lat)
res={"publishes":n,"status":{str(k):v for k,v in status.items()},
     "p50_ms":lat[n//2] if n else None,"p99_ms":lat[int(n*.99)] if n else None,"max_ms":lat[-1] if n else None}
json.dump(res,open(out,'w')); print(json.dumps(res))
