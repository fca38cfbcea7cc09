#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) and the Debian packages the
# end-to-end tests need, into a cache folder outside the repository. Idempotent: a second
# run that finds a verified install only prints the path of the code-server binary.
#
# Needs only the npm registry and Debian's packages. Prints the binary's path last on stdout.
# Environment: LOGIT_LAB_CACHE (default ~/.cache/logit-lab), CODE_SERVER_VERSION.
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
cache="${LOGIT_LAB_CACHE:-$HOME/.cache/logit-lab}"
prefix="$cache/code-server-$version"
marker="$prefix/.verified"
binary="$prefix/node_modules/code-server/out/node/entry.js"
launcher="$prefix/node_modules/.bin/code-server"
tmp="${TMPDIR:-/tmp}"
rg_version="v13.0.0-10"
rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
rg_archive="$rg_cache/ripgrep-$rg_version-x86_64-unknown-linux-musl.tar.gz"
debian_packages=(libkrb5-dev pkg-config ripgrep chromium make g++)

log() { echo "[e2e-install] $*" >&2; }
fail() { log "error: $*"; exit 1; }

# Installs the Debian packages that are missing; waits for another apt run to finish.
install_debian_packages() {
  local missing=()
  for p in "${debian_packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing Debian packages ${missing[*]}: install them as root"
  log "installing Debian packages: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=900 update >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y \
    --no-install-recommends "${missing[@]}" >&2
}

# Puts Debian's rg where @vscode/ripgrep's postinstall looks before it would download one.
seed_ripgrep_cache() {
  [ -s "$rg_archive" ] && return 0
  local staging
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  mkdir -p "$rg_cache"
  tar -czf "$rg_archive.partial" -C "$staging" rg
  mv "$rg_archive.partial" "$rg_archive"
  rm -rf "$staging"
  log "seeded $rg_archive"
}

# Checks that the install is whole: the server starts, its native modules and rg are built.
verify_install() {
  local vscode="$prefix/node_modules/code-server/lib/vscode"
  [ -f "$binary" ] || { log "missing $binary"; return 1; }
  [ -x "$vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { log "missing rg"; return 1; }
  local native
  for native in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node \
    native-watchdog/build/Release/watchdog.node kerberos/build/Release/kerberos.node; do
    [ -f "$vscode/node_modules/$native" ] || { log "missing native module $native"; return 1; }
  done
  [ -f "$prefix/node_modules/argon2/lib/binding/napi-v3/argon2.node" ] ||
    { log "missing native module argon2"; return 1; }
  node "$binary" --version >/dev/null 2>&1 || { log "code-server --version failed"; return 1; }
}

# Runs npm install in the cache folder with install scripts allowed for code-server's tree.
npm_install() {
  mkdir -p "$prefix"
  cat >"$prefix/package.json" <<EOF
{
  "name": "logit-lab-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$version" },
  "allowScripts": { "code-server": true }
}
EOF
  log "installing code-server@$version into $prefix (several minutes)"
  (
    cd "$prefix"
    export npm_config_unsafe_perm=true npm_config_yes=true
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    # code-server's postinstall runs nested npm installs (lib/vscode) whose native modules
    # must build; the environment carries the permission into them.
    export npm_config_dangerously_allow_all_scripts=true
    npm install --no-save --foreground-scripts \
      >"$prefix/install.log" 2>&1
  ) || fail "npm install failed: see $prefix/install.log"
}

main() {
  install_debian_packages
  seed_ripgrep_cache
  if [ -f "$marker" ] && verify_install; then
    echo "$launcher"
    return 0
  fi
  npm_install
  verify_install || fail "code-server install is incomplete: see $prefix/install.log"
  date -u +%FT%TZ >"$marker"
  log "code-server@$version ready"
  echo "$launcher"
}

main "$@"
