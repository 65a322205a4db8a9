#!/usr/bin/env bash
# Seeds the demo tenant through the public API (so the demo exercises the real paths):
# the tenant and its admin, an agent, the WhatsApp number bound to the emulator, and an
# approved template. Safe to run again: it skips what already exists.
set -euo pipefail
api=$1 emulator=$2 operator_key=$3 password=$4
phone_number_id=$5 waba_id=$6 display=$7 token=$8 secret=$9 verify=${10}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT

login() {
  curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@demo.local\",\"password\":\"$password\"}" "$api/api/v1/auth/login"
}
call() { # method path [json]
  curl -sS -f -b "$jar" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$api$2"
}

if [ "$(login)" != 200 ]; then
  curl -sS -f -o /dev/null -H "Authorization: Bearer $operator_key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Demo\",\"adminEmail\":\"admin@demo.local\",\"adminPassword\":\"$password\"}" "$api/api/v1/tenants"
  [ "$(login)" = 200 ] || { echo "demo sign-in failed after creating the tenant" >&2; exit 1; }
fi

call GET /api/v1/agents | grep -q 'agent@demo.local' ||
  call POST /api/v1/agents "{\"email\":\"agent@demo.local\",\"name\":\"Alex Agent\",\"password\":\"$password\",\"role\":\"agent\"}" >/dev/null

call GET /api/v1/channels | grep -q "\"$phone_number_id\"" ||
  call POST /api/v1/channels "{\"type\":\"whatsapp\",\"name\":\"Demo line\",\"displayPhoneNumber\":\"+$display\",\"phoneNumberId\":\"$phone_number_id\",\"wabaId\":\"$waba_id\",\"accessToken\":\"$token\",\"appSecret\":\"$secret\",\"verifyToken\":\"$verify\",\"graphBaseUrl\":\"$emulator\"}" >/dev/null

if ! call GET /api/v1/templates | grep -q '"welcome"'; then
  id=$(call POST /api/v1/templates '{"name":"welcome","language":"en_US","category":"utility","components":[{"type":"BODY","text":"Hello {{1}}, thanks for contacting us! How can we help?","example":{"body_text":[["Maria"]]}}]}' |
    sed -E 's/.*"id":"([^"]+)".*/\1/')
  call POST "/api/v1/templates/$id/submit" >/dev/null
fi
