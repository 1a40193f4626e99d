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
#   SIGNALHUB_JMS_PORT [61616]  port of the embedded broker the adapter starts; set
#                         SIGNALHUB_JMS_EXTERNAL=host to use your broker at host:port instead
#   SIGNALHUB_JDBC_URL [jdbc:h2:file:<domain>/data/signalhub]  the signal log (H2 is bundled with
#                         Payara Server; for PostgreSQL see server-config/production/)
set -euo pipefail
payara=$1 war=$2 rar=$3
: "${SIGNALHUB_TOKENS:?set SIGNALHUB_TOKENS (name:role:secret,...)}"
port=${ASADMIN_PORT:-4848}
jms_port=${SIGNALHUB_JMS_PORT:-61616}
asadmin() { "$payara/bin/asadmin" --port "$port" "$@"; }
esc() { sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

domain_dir=$(cd "$payara/glassfish/domains/${SIGNALHUB_DOMAIN:-domain1}" && pwd)
url=${SIGNALHUB_JDBC_URL:-jdbc:h2:file:$domain_dir/data/signalhub;WRITE_DELAY=0}

asadmin set-config-property --source=domain --propertyName=signalhub.tokens --propertyValue="$SIGNALHUB_TOKENS"
# A burst of reconnecting clients must not overflow the HTTP pool's task queue (4096 by default:
# Grizzly then drops connections unanswered); unbounded, like server-config/pre-boot-commands.asadmin.
asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-queue-size=-1

asadmin create-jdbc-connection-pool --datasourceclassname=org.h2.jdbcx.JdbcDataSource \
  --restype=javax.sql.DataSource --property "URL=$(esc "$url")" signalhub-pool
asadmin create-jdbc-resource --connectionpoolid=signalhub-pool jdbc/signalhub

if [ -n "${SIGNALHUB_JMS_EXTERNAL:-}" ]; then
  ra_props="ConnectionParameters=host\\=$SIGNALHUB_JMS_EXTERNAL;port\\=$jms_port"
else
  ra_props="EmbeddedBrokerPort=$jms_port:EmbeddedBrokerDirectory=$(esc "$domain_dir/data/artemis"):ConnectionParameters=host\\=127.0.0.1;port\\=$jms_port"
fi
asadmin set-log-levels "org.apache.activemq.audit=WARNING:org.glassfish.tyrus.core.TyrusEndpointWrapper=SEVERE"
asadmin create-resource-adapter-config --property "$ra_props" artemis-ra
asadmin deploy --type rar --name artemis-ra "$rar"
asadmin create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=signals jms/signals
asadmin create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=signals.dlq jms/signals-dlq
asadmin create-connector-connection-pool --raname artemis-ra \
  --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory \
  --transactionsupport XATransaction --ping false signalhub-jms-pool
asadmin create-connector-resource --poolname signalhub-jms-pool jms/signalhub

asadmin deploy --name signal-hub --contextroot / "$war"
