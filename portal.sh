#!/usr/bin/env bash
# The Billing Portal's two commands:
#   ./portal.sh run    build (tests skipped) and start the portal with its embedded defaults
#   ./portal.sh test   build and run every test (unit, end-to-end on H2 and on PostgreSQL, browser, architecture,
#                      process-level); installs PostgreSQL's server and Chromium from Debian's packages if missing
#   ./portal.sh bench [--quick] [--transactions N] [--jfr] [--only startup,history,posting,mail]
#                      build, then measure the portal against the machine's limits (docs/performance.md)
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
# private PostgreSQL server they start and stop), and Chromium with its driver (the web pages' journeys run in a real,
# headless browser). Installed here when missing; nothing is downloaded by the tests themselves.
ensure_test_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1; then
    echo "The tests need ${missing[*]}: installing Debian's packages" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "The tests need PostgreSQL's server binaries (apt-get install postgresql) and Chromium with its driver" \
      "(apt-get install chromium chromium-driver)." >&2
    exit 1
  fi
}

JDK="$(find_jdk)" || { echo "No JDK 21 or newer found (checked JAVA_HOME, java on PATH, /usr/lib/jvm). Install one." >&2; exit 1; }
export JAVA_HOME="$JDK"
MVN=(mvn -B --no-transfer-progress)

case "${1:-}" in
  run)
    "${MVN[@]}" -q -DskipTests package
    exec "$JAVA_HOME/bin/java" -jar bootstrap/target/billing-portal.jar
    ;;
  test)
    ensure_test_packages
    exec "${MVN[@]}" verify
    ;;
  bench)
    shift
    "${MVN[@]}" -q -DskipTests package
    exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
      -Dportal.jar=bootstrap/target/billing-portal.jar dev.billingportal.bench.PerformanceBench \
      --output docs/performance.md --work-dir bench/target/bench-work "$@"
    ;;
  *)
    echo "usage: $0 run|test|bench [options]" >&2
    exit 2
    ;;
esac
