#!/usr/bin/env bash
# Creates a standalone ActiveMQ Artemis broker instance for the Billing Portal (spec §10) from the apache-artemis
# distribution, with what the portal needs of it: its addresses and queues, dead-letter and expiry addresses, the
# redelivery delays and attempt limits (broker.properties, beside this script: the one source of those settings,
# which the portal's embedded broker applies too), authentication required, the core protocol only.
#
#   deploy/artemis/create-broker.sh DIR [--port N] [--host H] [--memory SIZE]
#   deploy/artemis/create-broker.sh DIR --primary --peer HOST:PORT --shared-data DIR2 [--port N] ...
#   deploy/artemis/create-broker.sh DIR --backup  --peer HOST:PORT --shared-data DIR2 [--port N] ...
#
#   --port N         the port clients connect to (default 61616)
#   --host H         the address it listens on (default 127.0.0.1; 0.0.0.0 to accept other hosts)
#   --memory SIZE    the broker's heap (-Xmx, default 1G)
#   --primary/--backup  one of a shared-store pair: both use the journal in --shared-data (a shared file system);
#                    the backup takes over when the primary dies. --peer is the other one's host:port. Clients use
#                    portal.jms.url=(tcp://primary:61616,tcp://backup:61617)?ha=true&reconnectAttempts=-1
#
# The user and password clients sign in with: ARTEMIS_USER and ARTEMIS_PASSWORD, else "portal" and a generated
# password, printed once (give both of a pair the same). The distribution is fetched with Maven into the local
# repository the first time and unpacked under ${XDG_CACHE_HOME:-~/.cache}/billing-portal (or use ARTEMIS_HOME).
# Start the broker with DIR/bin/artemis run (foreground) or DIR/bin/artemis-service start.
set -euo pipefail

ARTEMIS_VERSION=2.40.0
here="$(cd "$(dirname "$0")" && pwd)"

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
instance="$1"
shift
port=61616
host=127.0.0.1
memory=1G
role=single
peer=""
shared=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --primary) role=primary; shift ;;
    --backup) role=backup; shift ;;
    --peer) peer="$2"; shift 2 ;;
    --shared-data) shared="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown option $1" >&2; usage ;;
  esac
done
case "$instance" in -*) usage ;; esac
if [ -e "$instance" ] && [ -n "$(ls -A "$instance" 2>/dev/null)" ]; then
  echo "$instance exists and is not empty: choose a new directory" >&2
  exit 1
fi
if [ "$role" != single ] && { [ -z "$peer" ] || [ -z "$shared" ]; }; then
  echo "--$role needs --peer HOST:PORT (the other broker of the pair) and --shared-data DIR (their journal)" >&2
  exit 2
fi

# Artemis 2.40 runs on Java 17 or newer: JAVA_HOME, else the java on the PATH.
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' \
  | head -n1 | cut -d. -f1)"
if [ -z "$version" ] || [ "$version" -lt 17 ]; then
  echo "The broker needs Java 17 or newer (found: ${version:-none}); set JAVA_HOME" >&2
  exit 1
fi

if [ -z "${ARTEMIS_HOME:-}" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/billing-portal"
  ARTEMIS_HOME="$cache/apache-artemis-$ARTEMIS_VERSION"
  if [ ! -x "$ARTEMIS_HOME/bin/artemis" ]; then
    mkdir -p "$cache"
    echo "Fetching apache-artemis $ARTEMIS_VERSION with Maven" >&2
    (cd "$cache" && mvn -B -q --no-transfer-progress dependency:copy \
      -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" -DoutputDirectory="$cache") >&2
    unpacking="$(mktemp -d "$cache/unpack.XXXXXX")"
    tar xzf "$cache/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$unpacking"
    rm -rf "$ARTEMIS_HOME"
    mv "$unpacking/apache-artemis-$ARTEMIS_VERSION" "$ARTEMIS_HOME" # whole or not at all, for concurrent runs
    rm -rf "$unpacking" "$cache/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
  fi
fi

user="${ARTEMIS_USER:-portal}"
password="${ARTEMIS_PASSWORD:-}"
generated=false
if [ -z "$password" ]; then
  password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  generated=true
fi

options=(--user "$user" --password "$password" --role amq --require-login --no-autocreate
  --host "$host" --default-port "$port" --java-memory "$memory" --nio --no-autotune --no-web --silent
  --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor)
if [ "$role" != single ]; then
  options+=(--shared-store --failover-on-shutdown --data "$(mkdir -p "$shared" && cd "$shared" && pwd)"
    --staticCluster "tcp://$peer" --cluster-user "${ARTEMIS_CLUSTER_USER:-$user}"
    --cluster-password "${ARTEMIS_CLUSTER_PASSWORD:-$password}")
  if [ "$role" = backup ]; then
    options+=(--backup)
  fi
fi
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
  "$ARTEMIS_HOME/bin/artemis" create "$instance" "${options[@]}" >/dev/null

# The portal speaks Artemis' core protocol only: the distribution's acceptor offers five more.
sed -i 's/protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE/protocols=CORE/' "$instance/etc/broker.xml"
# The distribution starts with a 512 MB heap, more than a small --memory allows.
sed -i 's/-Xms512M/-Xms64M/' "$instance/etc/artemis.profile"
# Its addresses, queues and settings; `artemis run` applies etc/broker.properties over broker.xml.
cp "$here/broker.properties" "$instance/etc/broker.properties"

echo "Created the broker in $instance ($role, tcp://$host:$port). Start it: $instance/bin/artemis run"
echo "Portal: PORTAL_JMS_MODE=remote PORTAL_JMS_URL=tcp://$host:$port PORTAL_JMS_USER=$user PORTAL_JMS_PASSWORD=..."
if [ "$generated" = true ]; then
  echo "Generated password for $user (shown once): $password"
fi
