#!/bin/sh
# Verifies a fee-list version's signature with openssl and POSIX tools only, trusting nothing the service computes:
#   sh verify-fee-list-signature.sh version.json signature.jws jwks.json
# version.json  = the bytes of GET /api/regulator/fee-list/versions/{n} (saved with curl -o, never re-encoded)
# signature.jws = GET /api/fee-list/versions/{n}/signature
# jwks.json     = GET /.well-known/jwks.json (keep a copy: a signature made with a key keeps verifying against it)
# Prints "Verified OK" and exits 0 when the signature holds; exits non-zero otherwise.
set -eu
doc=$1
jws=$(tr -d '\r\n' < "$2")
jwks=$(tr -d ' \r\n' < "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

b64url_decode() {
    s=$(printf '%s' "$1" | tr '_-' '/+')
    case $((${#s} % 4)) in 2) s="$s==" ;; 3) s="$s=" ;; esac
    printf '%s' "$s" | openssl base64 -d -A
}
hex() { od -An -v -tx1 | tr -d ' \n'; }

# 1. The JWS is header..signature (the payload is detached); the header names the key.
header=${jws%%..*}
signature=${jws##*..}
kid=$(b64url_decode "$header" | sed -n 's/.*"kid":"\([^"]*\)".*/\1/p')
alg=$(b64url_decode "$header" | sed -n 's/.*"alg":"\([^"]*\)".*/\1/p')
[ "$alg" = "ES256" ] || { echo "unexpected alg: $alg" >&2; exit 1; }

# 2. The key with that kid, as a P-256 public key file built from its x and y.
key=$(printf '%s' "$jwks" | tr '{' '\n' | grep "\"kid\":\"$kid\"") || { echo "kid $kid is not in the JWKS" >&2; exit 1; }
x=$(printf '%s' "$key" | sed -n 's/.*"x":"\([^"]*\)".*/\1/p')
y=$(printf '%s' "$key" | sed -n 's/.*"y":"\([^"]*\)".*/\1/p')
cat > "$work/key.cnf" <<KEY
asn1=SEQUENCE:spki
[spki]
algorithm=SEQUENCE:algorithm
key=FORMAT:HEX,BITSTRING:04$(b64url_decode "$x" | hex)$(b64url_decode "$y" | hex)
[algorithm]
type=OID:id-ecPublicKey
curve=OID:prime256v1
KEY
openssl asn1parse -genconf "$work/key.cnf" -noout -out "$work/key.der"
openssl pkey -pubin -inform DER -in "$work/key.der" -out "$work/key.pem"

# 3. JWS signatures are r||s (32 bytes each); openssl wants them DER-encoded.
sig=$(b64url_decode "$signature" | hex)
cat > "$work/sig.cnf" <<SIG
asn1=SEQUENCE:signature
[signature]
r=INTEGER:0x$(printf '%s' "$sig" | cut -c1-64)
s=INTEGER:0x$(printf '%s' "$sig" | cut -c65-128)
SIG
openssl asn1parse -genconf "$work/sig.cnf" -noout -out "$work/sig.der"

# 4. What was signed: BASE64URL(header) "." BASE64URL(the version's bytes).
{ printf '%s.' "$header"; openssl base64 -A < "$doc" | tr '+/' '-_' | tr -d '='; } > "$work/input"
openssl dgst -sha256 -verify "$work/key.pem" -signature "$work/sig.der" "$work/input"
