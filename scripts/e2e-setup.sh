#!/usr/bin/env bash
# Installs what the editor end-to-end tests need, outside the repository. Idempotent: does nothing that is
# already done. Cache folder: $DRAFTLINT_E2E_CACHE (default ~/.cache/draftlint-e2e).
#   - Debian packages: libkrb5-dev (code-server's kerberos build), ripgrep, chromium, neovim
#   - code-server 4.100.3 (bundles VS Code 1.100.3) in $CACHE/code-server
# Prints the path of the code-server binary on its last line.
set -euo pipefail

CACHE="${DRAFTLINT_E2E_CACHE:-$HOME/.cache/draftlint-e2e}"
CS_VERSION="4.100.3"
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
mkdir -p "$CACHE"

log() { echo "[e2e-setup] $*" >&2; }

# --- Debian packages ------------------------------------------------------------------------------------
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
    log "missing packages ${missing[*]} and not root: install them first"; exit 1
  fi
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  APT_LOG="$CACHE/apt.log"
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}"; } >"$APT_LOG" 2>&1; then
    tail -n 30 "$APT_LOG" >&2
    log "apt-get failed (full log: $APT_LOG)"; exit 1
  fi
fi

# --- code-server ------------------------------------------------------------------------------------------
installed_version() {
  node -e "try{console.log(require('$CS_DIR/node_modules/code-server/package.json').version)}catch{console.log('')}"
}
if [ -x "$CS_BIN" ] && [ "$(installed_version)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION already installed"
else
  log "installing code-server@$CS_VERSION into $CS_DIR (about 100 s)"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{ "name": "draftlint-e2e-cache", "private": true }' > "$CS_DIR/package.json"
  # @vscode/ripgrep's installer looks in $TMPDIR/vscode-ripgrep-cache-<ver>/ before downloading: seed it with
  # Debian's rg (13.0.0) so nothing is fetched from outside the npm registry.
  TMP_SEED="$CACHE/tmp"
  RG_CACHE="$TMP_SEED/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE/seed"
  if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
    cp "$(command -v rg)" "$RG_CACHE/seed/rg"
    tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RG_CACHE/seed" rg
  fi
  (
    cd "$CS_DIR"
    TMPDIR="$TMP_SEED" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2
  )
  [ -x "$CS_BIN" ] || { log "code-server install failed"; exit 1; }
  log "code-server $(installed_version) installed"
fi
echo "$CS_BIN"
