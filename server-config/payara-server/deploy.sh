#!/usr/bin/env bash
# Deploys Signal Hub to a running Payara Server 6 domain, creating its resources with asadmin so they
# show up in the admin console, where an operator can change them:
#   jdbc/signalhub (pool signalhub-pool), the resource adapter artemis-ra, jms/signals,
#   jms/signals-dlq, jms/signalhub (pool signalhub-jms-pool), and the config property signalhub.tokens.
#
#   server-config/payara-server/deploy.sh <payara-dir> <signal-hub.war> <signalhub-artemis-ra.rar>
#
# Environment (defaults in brackets):
#   ASADMIN_PORT [4848]   admin port of the domain
#   SIGNALHUB_DOMAIN [domain1]  the domain's name (its directory holds the embedded data)
#   SIGNALHUB_TOKENS      name:role:secret,... seeding the token store (required)
#   SIGNALHUB_TARGET [server]  where it runs: the domain's own server, or a deployment group (or a
#                         cluster, or one instance). Its instances must exist; each is set up as below
#                         and runs as one instance of a Signal Hub cluster (signalhub.cluster.enabled),
#                         named like the Payara instance, so they need one database and one broker:
#                         SIGNALHUB_JDBC_URL and SIGNALHUB_JMS_EXTERNAL are then required.
#   SIGNALHUB_JMS_PORT [61616]  port of the embedded broker the adapter starts; set
#                         SIGNALHUB_JMS_EXTERNAL=host to use your broker at host:port instead
#   SIGNALHUB_JDBC_URL [jdbc:h2:file:<domain>/data/signalhub]  the signal log; H2 is bundled with
#                         Payara Server. For PostgreSQL: SIGNALHUB_JDBC_DATASOURCE=
#                         org.postgresql.ds.PGSimpleDataSource, a URL such as
#                         jdbc:postgresql://db:5432/signalhub?user=signalhub&password=..., and the
#                         driver in the domain first (asadmin add-library postgresql.jar).
#   SIGNALHUB_JDBC_DATASOURCE [org.h2.jdbcx.JdbcDataSource]
set -euo pipefail
payara=$1 war=$2 rar=$3
: "${SIGNALHUB_TOKENS:?set SIGNALHUB_TOKENS (name:role:secret,...)}"
port=${ASADMIN_PORT:-4848}
jms_port=${SIGNALHUB_JMS_PORT:-61616}
target=${SIGNALHUB_TARGET:-server}
asadmin() { "$payara/bin/asadmin" --port "$port" "$@"; }
esc() { sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

domain_dir=$(cd "$payara/glassfish/domains/${SIGNALHUB_DOMAIN:-domain1}" && pwd)
url=${SIGNALHUB_JDBC_URL:-jdbc:h2:file:$domain_dir/data/signalhub;WRITE_DELAY=0}

instances=()
if [ "$target" != server ]; then
  if [ -z "${SIGNALHUB_JDBC_URL:-}" ] || [ -z "${SIGNALHUB_JMS_EXTERNAL:-}" ]; then
    echo "deploy.sh: the instances of $target must share one database and one broker:" \
      "set SIGNALHUB_JDBC_URL and SIGNALHUB_JMS_EXTERNAL" >&2
    exit 2
  fi
  mapfile -t instances < <(asadmin --terse list-instances --nostatus "$target" | awk 'NF { print $1 }')
  if [ ${#instances[@]} -eq 0 ]; then
    echo "deploy.sh: $target has no instances (create them first: create-instance," \
      "add-instance-to-deployment-group)" >&2
    exit 2
  fi
fi

asadmin set-config-property --source=domain --propertyName=signalhub.tokens --propertyValue="$SIGNALHUB_TOKENS"
if [ "$target" != server ]; then
  asadmin set-config-property --source=domain --propertyName=signalhub.cluster.enabled --propertyValue=true
  for instance in "${instances[@]}"; do
    asadmin create-system-properties --target "$instance" "signalhub.instance.name=$instance"
  done
fi

# The container limits Signal Hub's bounds rely on, as in server-config/pre-boot-commands.asadmin
# (the reasons are there), and its log levels, in the configuration of each server it runs on.
# Quiet: the broker's per-message audit lines, and Tyrus's stack trace for every endpoint error
# (SignalSocket logs those itself, with the close code the client got).
if [ "$target" = server ]; then
  configs=(server-config)
else
  configs=()
  for instance in "${instances[@]}"; do
    configs+=("$(asadmin --terse get "servers.server.$instance.config-ref" | sed 's/.*=//')")
  done
fi
for config in $(printf '%s\n' "${configs[@]}" | sort -u); do
  asadmin set "configs.config.$config.thread-pools.thread-pool.http-thread-pool.max-queue-size=-1" \
    "configs.config.$config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=8" \
    "configs.config.$config.network-config.transports.transport.tcp.socket-write-buffer-size=8192"
  if [ "$target" != server ]; then
    # Signal Hub's EJB timers are non-persistent (every instance runs its own): an instance needs
    # no timer database, and Payara's default (Database) finds an empty one there and refuses to
    # start the application ("EJB Timer Service is not available").
    asadmin set "configs.config.$config.ejb-container.ejb-timer-service.ejb-timer-service=None"
  fi
  asadmin set-log-levels --target "$config" \
    "org.apache.activemq.audit=WARNING:org.glassfish.tyrus.core.TyrusEndpointWrapper=SEVERE"
done

asadmin create-jdbc-connection-pool \
  --datasourceclassname="${SIGNALHUB_JDBC_DATASOURCE:-org.h2.jdbcx.JdbcDataSource}" \
  --restype=javax.sql.DataSource --isconnectvalidatereq=true --validationmethod=meta-data \
  --failconnection=true --property "URL=$(esc "$url")" signalhub-pool
asadmin create-jdbc-resource --connectionpoolid=signalhub-pool --target "$target" jdbc/signalhub

if [ -n "${SIGNALHUB_JMS_EXTERNAL:-}" ]; then
  ra_props="ConnectionParameters=host\\=$SIGNALHUB_JMS_EXTERNAL;port\\=$jms_port"
else
  ra_props="EmbeddedBrokerPort=$jms_port:EmbeddedBrokerDirectory=$(esc "$domain_dir/data/artemis"):ConnectionParameters=host\\=127.0.0.1;port\\=$jms_port"
fi
asadmin create-resource-adapter-config --property "$ra_props" artemis-ra
asadmin deploy --type rar --name artemis-ra --target "$target" "$rar"
asadmin create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=signals \
  --target "$target" jms/signals
asadmin create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=signals.dlq \
  --target "$target" jms/signals-dlq
asadmin create-connector-connection-pool --raname artemis-ra \
  --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory \
  --transactionsupport XATransaction --ping false signalhub-jms-pool
asadmin create-connector-resource --poolname signalhub-jms-pool --target "$target" jms/signalhub

asadmin deploy --name signal-hub --contextroot / --target "$target" "$war"
