# shellcheck shell=bash
# Sourced by ./mvnw and ./paraseq: makes JAVA_HOME point at a JDK >= 21.
# Order: $JAVA_HOME when it is >= 21, then the JDKs under /usr/lib/jvm (newest first),
# then the `java` on PATH. Fails with a clear message when none qualifies.

paraseq_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing.
  local release="$1/release" line
  if [ -r "$release" ]; then
    line=$(grep -E '^JAVA_VERSION=' "$release" | head -n 1)
    line=${line#JAVA_VERSION=}
    line=${line//\"/}
  elif [ -x "$1/bin/java" ]; then
    line=$("$1/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]+)".*/\1/')
  fi
  line=${line#1.}
  printf '%s' "${line%%[.+-]*}"
}

paraseq_select_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(paraseq_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ -x "$JAVA_HOME/bin/javac" ]; then
      return 0
    fi
    echo "paraseq: JAVA_HOME=$JAVA_HOME is not a JDK >= 21 (found '${major:-nothing}'); looking for another" >&2
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV) "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(paraseq_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "paraseq: no JDK >= 21 found. Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

paraseq_select_jdk || exit 1
# Maven on JDK 24+ warns about sun.misc.Unsafe in its own libraries; the warnings are noise.
case " ${MAVEN_OPTS:-} " in
  *sun-misc-unsafe-memory-access*) ;;
  *) [ "$(paraseq_java_major "$JAVA_HOME")" -ge 24 ] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
esac
