#!/bin/bash
# Needs the checkout built (mvn -B package: target/signal-hub.war and the RAR); D= another checkout. Server on core 0, client on core 1.
# start signalhub on core 0, port 9311, measure CPU per publish at 10/s: cold, then after fast warm-up
set -u
D=${D:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}; mkdir -p /tmp/pc; PORT=9311
J=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar
S=$(mktemp -d /tmp/pc/s.XXXX); ln -s $D/target $S/target
(cd $S && SIGNALHUB_SIMULATOR_ENABLED=false exec taskset -c 0 java ${JOPTS:-} -jar $J --deploy $D/target/signal-hub.war --contextroot / --port $PORT --rootdir $S/runtime --prebootcommandfile $D/server-config/pre-boot-commands.asadmin --postbootcommandfile $D/server-config/post-boot-commands.asadmin --nohazelcast) > $S/log 2>&1 &
P=$!; echo "pid $P dir $S"
until grep -q 'ready in' $S/log; do sleep 1; kill -0 $P || exit 1; done
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$P/stat; }
pub() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Authorization: Bearer dev-publisher-secret-0001' -H 'Content-Type: application/json' --data "{\"type\":\"buy\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":$1,\"timestamp\":$(date +%s)},\"is_test\":false}" http://127.0.0.1:$PORT/api/signals; }
phase() { # name count interval
  local c0=$(cpu) t0=$(date +%s.%N); : > $S/$1.lat
  for i in $(seq 1 $2); do pub $((RANDOM+1)) >> $S/$1.lat; [ "$3" != 0 ] && sleep $3; done
  local c1=$(cpu) t1=$(date +%s.%N)
  awk -v c0=$c0 -v c1=$c1 -v t0=$t0 -v t1=$t1 -v n=$2 -v tck=$tck -v name=$1 'BEGIN{printf "%s: %d publishes in %.1fs, server cpu %.1f ms/publish (%.1f%% core)\n", name, n, t1-t0, (c1-c0)*1000/tck/n, (c1-c0)/tck/(t1-t0)*100}'
  sort -k2 -n $S/$1.lat | awk '{a[NR]=$2; c[$1]++} END{printf "   codes:"; for(k in c) printf " %s=%d",k,c[k]; printf "  p50 %.1fms p99 %.1fms\n", a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000}'
}
idle() { local c0=$(cpu); sleep $1; local c1=$(cpu); awk -v c=$((c1-c0)) -v t=$1 -v tck=$tck 'BEGIN{printf "idle %ds: %.1f%% core\n", t, c/tck/t*100}'; }
idle 20
phase cold 300 0.1
idle 20
phase fast 5000 0
phase warm 300 0.1
phase fast2 20000 0
phase warm2 300 0.1
idle 20
kill $P; wait $P
