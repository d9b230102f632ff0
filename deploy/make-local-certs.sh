#!/usr/bin/env bash
# A local set-up's certificates, made once (never commit them; deploy/certs and deploy/secrets are ignored):
#   deploy/certs/planmanager.{crt,key}  nginx's TLS pair, self-signed for localhost (a browser warns once)
#   deploy/secrets/keyring.pfx          the certificate that encrypts the Data Protection key ring,
#                                       protected with KEYRING_CERTIFICATE_PASSWORD from .env
# In production use a TLS certificate from your CA, and keep keyring.pfx (and its password) out of
# every database backup: with the database alone, nothing it protects can be read.
set -euo pipefail
cd "$(dirname "$0")"
: "${KEYRING_CERTIFICATE_PASSWORD:?set KEYRING_CERTIFICATE_PASSWORD (as in .env)}"
mkdir -p certs secrets
umask 077
if [ ! -f certs/planmanager.crt ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout certs/planmanager.key -out certs/planmanager.crt
fi
if [ ! -f secrets/keyring.pfx ]; then
  tmp=$(mktemp -d)
  openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=PlanManager key ring" \
    -addext "keyUsage=critical,keyEncipherment,dataEncipherment" \
    -keyout "$tmp/keyring.key" -out "$tmp/keyring.crt"
  openssl pkcs12 -export -inkey "$tmp/keyring.key" -in "$tmp/keyring.crt" \
    -out secrets/keyring.pfx -passout env:KEYRING_CERTIFICATE_PASSWORD
  rm -rf "$tmp"
fi
echo "certs/planmanager.crt, certs/planmanager.key and secrets/keyring.pfx are ready."
