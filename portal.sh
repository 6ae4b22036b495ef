#!/usr/bin/env bash
# The Billing Portal's two commands:
#   ./portal.sh run    build (tests skipped) and start the portal with its embedded defaults
#   ./portal.sh test   build and run every test (unit, end-to-end on H2 and on PostgreSQL, browser, architecture,
#                      process-level, scale-out); installs PostgreSQL's server, Chromium, wrk and HAProxy from Debian's
#                      packages if missing
#   ./portal.sh aot    build, then train JDK 25's ahead-of-time cache for the jar (about a minute) and print the
#                      command that starts the portal with it, in about 60 % of the time (docs/performance.md, goal 5)
#   ./portal.sh demo   build (tests skipped) and start the portal on a fresh demo database (data/demo): an account
#                      with users, 18 months of invoices and payments, notifications; prints a one-time sign-in link
#   ./portal.sh bench [--quick] [--db h2|postgresql] [--transactions N] [--jfr] [--only startup,history,posting,mail,pages,webhooks,bill-runs]
#                      build, then measure the portal against the machine's limits (docs/performance.md)
#   ./portal.sh bench --peer killbill [--quick]
#                      build, then measure the portal beside Kill Bill on one PostgreSQL (docs/peers.md)
#   ./portal.sh bench --scale [--quick]
#                      build, then measure postings/s and mails/s with 1 vs 2 api and worker processes on PostgreSQL
#                      and a standalone broker (docs/scale-out.md)
#   ./portal.sh bench --search [--quick] [h2|postgresql]
#                      build, then measure the console's search over 1 000 000 accounts and 3 000 000 users
#                      (docs/performance.md)
# Maven and the portal need a JDK 21 or newer; this finds one even where the default `java` is older.
set -euo pipefail
cd "$(dirname "$0")"

java_feature_version() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1 || echo 0
}

find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] \
        && [ "$(java_feature_version "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# What the tests need from Debian: PostgreSQL's server binaries (the end-to-end tests run a second time against a
# private PostgreSQL server they start and stop), Chromium with its driver (the web pages' journeys run in a real,
# headless browser), wrk (the bench's load client, far cheaper than what it measures) and HAProxy (the scale-out
# tests balance two api processes with deploy/haproxy/haproxy.cfg). Installed here when
# missing; nothing is downloaded by the tests themselves.
has_package() { # $1: a Debian package the tests need; true when what it brings is on this machine
  case "$1" in
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    chromium-driver) [ -x /usr/bin/chromedriver ] ;;
    wrk) [ -x /usr/bin/wrk ] ;;
    haproxy) [ -x /usr/sbin/haproxy ] || [ -x /usr/bin/haproxy ] ;;
    npm) command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 ;;
  esac
}

ensure_openapi_linters() { # the pinned Redocly and Spectral of tools/openapi-lint, for ApiDocumentLintTest
  local tools=tools/openapi-lint # the script runs from its own directory
  if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/spectral" ]; then
    ensure_packages npm
    echo "Installing the OpenAPI linters (npm ci in tools/openapi-lint)" >&2
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

ensure_packages() { # $@: the Debian packages needed
  local missing=() package
  for package in "$@"; do has_package "$package" || missing+=("$package"); done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1; then
    echo "This needs ${missing[*]}: installing Debian's packages" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  for package in "${missing[@]}"; do
    has_package "$package" || { echo "This needs Debian's package $package (apt-get install $package)." >&2; exit 1; }
  done
}

JDK="$(find_jdk)" || { echo "No JDK 21 or newer found (checked JAVA_HOME, java on PATH, /usr/lib/jvm). Install one." >&2; exit 1; }
export JAVA_HOME="$JDK"
MVN=(mvn -B --no-transfer-progress)

# JDK 25's ahead-of-time cache of the portal's classes, trained for the jar as built. The JVM checks that every jar
# it was made from is unchanged (a rebuild makes it stale: the JVM then starts without it, printing why), so `run`,
# which builds first, does not use it; a deployment trains one for the jar it runs (docs/operations.md).
AOT_CACHE=bootstrap/target/billing-portal.aot
train_aot_cache() { # a start of the demo on a scratch directory, used as the portal is used, then stopped
  if [ "$(java_feature_version "$JAVA_HOME/bin/java")" -lt 25 ]; then
    echo "The AOT cache needs JDK 25 or newer; $JAVA_HOME is older." >&2
    exit 1
  fi
  local scratch port="" portal
  scratch="$(mktemp -d)"
  rm -f "$AOT_CACHE"
  "$JAVA_HOME/bin/java" "-XX:AOTCacheOutput=$AOT_CACHE" -Dserver.host=127.0.0.1 -Dserver.port=0 -Dportal.demo=true \
    "-Dportal.data-dir=$scratch/data" -jar bootstrap/target/billing-portal.jar >"$scratch/portal.log" 2>&1 &
  portal=$!
  for _ in $(seq 240); do
    port="$(sed -n 's|.*Billing Portal ready at http://[^:]*:\([0-9]*\).*|\1|p' "$scratch/portal.log" | head -n1)"
    if [ -n "$port" ] || ! kill -0 "$portal" 2>/dev/null; then break; fi
    sleep 0.5
  done
  if [ -z "$port" ]; then
    kill "$portal" 2>/dev/null || true
    echo "The training start did not get ready; its log: $scratch/portal.log" >&2
    exit 1
  fi
  local base="http://127.0.0.1:$port" operator json="Content-Type: application/json" account i
  operator="Authorization: Bearer $(cat "$scratch/data/operator-token")"
  # Used as a day uses it: an account created and billed through the operator API, the pages before sign-in in
  # both languages, health and the API document (the demo's start has seeded, rendered and mailed already).
  account="$(curl -s -XPOST "$base/api/v1/operator/accounts" -H "$operator" -H "$json" -d '{"name":"Training",
    "firstUser":{"username":"training@example.com","firstName":"Training","lastName":"Run","timeZone":"America/Toronto",
    "billingNotifications":true}}' | sed -n 's/.*"id":"\([^"]*\)","name".*/\1/p')"
  for i in $(seq 20); do
    curl -s -o /dev/null -XPOST "$base/api/v1/operator/accounts/$account/transactions" -H "$operator" -H "$json" \
      -H "Idempotency-Key: training-$i" -d '{"type":"PAYMENT","amount":"10.00"}' || true
    curl -s -o /dev/null -H "$operator" "$base/api/v1/operator/accounts/$account" || true
    for path in /sign-in "/invitation?token=expired" /health/ready /openapi; do
      curl -s -o /dev/null "$base$path" || true
      curl -s -o /dev/null -H "Accept-Language: fr-CA" "$base$path" || true
    done
  done
  kill -TERM "$portal"
  wait "$portal" || true # the JVM writes the cache as it exits
  if [ ! -f "$AOT_CACHE" ]; then
    echo "The training start wrote no AOT cache; its log: $scratch/portal.log" >&2
    exit 1
  fi
  rm -rf "$scratch"
  echo "AOT cache written: $AOT_CACHE ($(du -h "$AOT_CACHE" | cut -f1)). Start the portal with it (until the next build):"
  echo "  $JAVA_HOME/bin/java -XX:AOTCache=$AOT_CACHE -jar bootstrap/target/billing-portal.jar"
}

case "${1:-}" in
  run)
    "${MVN[@]}" -q -DskipTests package
    exec "$JAVA_HOME/bin/java" -jar bootstrap/target/billing-portal.jar
    ;;
  aot)
    "${MVN[@]}" -q -DskipTests package
    train_aot_cache
    ;;
  demo)
    "${MVN[@]}" -q -DskipTests package
    # The demo's own data, new at every start: the portal refuses to seed a database that holds accounts.
    rm -rf data/demo
    "$JAVA_HOME/bin/java" -Dportal.demo=true -Dportal.data-dir=data/demo -jar bootstrap/target/billing-portal.jar &
    portal=$!
    trap 'kill "$portal" 2>/dev/null; wait "$portal"' INT TERM EXIT
    link=""
    for _ in $(seq 240); do # the invitation is mailed (as a file) once the demo account is seeded
      # Alice's: her colleagues' invitations may have gone out before the demo gave them their passwords. The mail
      # is quoted-printable (the account's name has accents): soft line breaks joined, '=3D' decoded.
      link="$(grep -ls '^To: .*<alice.tremblay@example.com>' data/demo/mail/*-invitation-*.eml 2>/dev/null | head -1 \
        | xargs -r sed -e ':a' -e '/=\r\?$/{N;s/=\r\?\n//;ba}' | sed 's/=3D/=/g' \
        | grep -os 'http://[^ ]*/invitation?token=[A-Za-z0-9_-]*' | head -1 || true)"
      if [ -n "$link" ] || ! kill -0 "$portal" 2>/dev/null; then break; fi
      sleep 0.5
    done
    # The demo operator's invitation to the provider's console (spec §11), mailed at the same time.
    console_link=""
    for _ in $(seq 40); do
      console_link="$(grep -ls '^To: .*olivia.ouellet@provider.example' data/demo/mail/*-operator_invitation-*.eml \
        2>/dev/null | head -1 | xargs -r sed -e ':a' -e '/=\r\?$/{N;s/=\r\?\n//;ba}' | sed 's/=3D/=/g' \
        | grep -os 'http://[^ ]*/console/invitation?token=[A-Za-z0-9_-]*' | head -1 || true)"
      if [ -n "$console_link" ] || [ -z "$link" ]; then break; fi
      sleep 0.5
    done
    if [ -n "$link" ]; then
      echo
      echo "  The demo is ready. Sign in as Alice Tremblay, once, with this link (choose a password):"
      echo "  $link"
      if [ -n "$console_link" ]; then
        echo
        echo "  The provider's side: Olivia Ouellet (olivia.ouellet@provider.example, admin) is invited to the"
        echo "  console; with this link she chooses a password, then enrols an authenticator app:"
        echo "  $console_link"
        echo "  The operator API takes the installation key in data/demo/operator-token, e.g."
        echo "  curl -H \"Authorization: Bearer \$(cat data/demo/operator-token)\" localhost:8080/api/v1/operator/operators"
      fi
      echo
    fi
    wait "$portal" || true
    ;;
  test)
    ensure_packages postgresql chromium chromium-driver wrk haproxy
    ensure_openapi_linters
    exec "${MVN[@]}" verify
    ;;
  bench)
    shift
    ensure_packages wrk
    "${MVN[@]}" -q -DskipTests package
    if [ "${1:-}" = --peer ]; then # the portal beside Kill Bill on one PostgreSQL: docs/peers.md
      shift
      ensure_packages postgresql
      exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
        -Dportal.jar=bootstrap/target/billing-portal.jar dev.billingportal.bench.PeerBench "$@"
    fi
    if [ "${1:-}" = --search ]; then # the console's search at a million accounts, H2 and PostgreSQL: docs/performance.md
      shift
      ensure_packages postgresql
      exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
        -Dportal.jar=bootstrap/target/billing-portal.jar dev.billingportal.bench.SearchBench "$@"
    fi
    if [ "${1:-}" = --scale ]; then # spec §10's processes on PostgreSQL and a standalone broker: docs/scale-out.md
      shift
      ensure_packages postgresql
      exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
        -Dportal.jar=bootstrap/target/billing-portal.jar dev.billingportal.bench.ScaleBench "$@"
    fi
    case " $* " in # --db postgresql: the bench starts a durable PostgreSQL cluster of its own
      *" postgresql "*) ensure_packages postgresql ;;
    esac
    exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
      -Dportal.jar=bootstrap/target/billing-portal.jar dev.billingportal.bench.PerformanceBench \
      --output docs/performance.md --work-dir bench/target/bench-work "$@"
    ;;
  *)
    echo "usage: $0 run|test|demo|bench [options]" >&2
    exit 2
    ;;
esac
