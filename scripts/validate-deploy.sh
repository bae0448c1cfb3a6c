#!/usr/bin/env bash
# Validates everything under deploy/ without a Docker engine or a Kubernetes cluster:
#   1. the compose file against the Compose Specification JSON Schema (the copy shipped in the Go
#      module github.com/compose-spec/compose-go/v2, fetched with `go mod download`), and every
#      environment variable it sets on our apps against the engine's configuration keys;
#   2. the Kubernetes manifests rendered by kustomize (base and the example overlay), checked with
#      kubeconform in strict mode against the Kubernetes JSON schemas shipped in the PyPI package
#      kubernetes-validate (no schema is downloaded at validation time), and the same configuration
#      key, probe, request and disruption-budget checks on the rendered objects.
# Tools come through the Go module proxy (`go install`) and are cached in $(go env GOPATH)/bin; the
# schemas are cached in ~/.cache/tthc-deploy, so a second run needs no network. Needs go, python3 with
# pip, node and the repository's node_modules (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

KUSTOMIZE_VERSION=v5.8.1
KUBECONFORM_VERSION=v0.7.0
COMPOSE_GO_VERSION=v2.16.2
KUBERNETES_VALIDATE_VERSION=1.37.0
# The oldest and the newest Kubernetes minor versions the manifests must be valid for.
KUBERNETES_VERSIONS="1.30.0 1.37.0"

cache="${TTHC_DEPLOY_CACHE:-$HOME/.cache/tthc-deploy}"
gobin="$(go env GOPATH)/bin"
mkdir -p "$cache"

# go install is a no-op when the same version is installed already; the marker files avoid asking.
install_tool() {
  local name=$1 module=$2 version=$3
  local marker="$cache/$name-$version.installed"
  if [ ! -x "$gobin/$name" ] || [ ! -f "$marker" ]; then
    echo "installing $name $version"
    go install "$module@$version"
    touch "$marker"
  fi
}
install_tool kustomize sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION"
install_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"

compose_schema="$(go mod download -json "github.com/compose-spec/compose-go/v2@$COMPOSE_GO_VERSION" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(m.Error){console.error(m.Error);process.exit(1)}console.log(m.Dir)})')/schema/compose-spec.json"

# kubernetes-validate ships "-local-strict" schemas whose references point at
# https://kubernetes.io/api/_definitions.json through their $id; kubeconform resolves references
# against the file itself, so the $id is dropped and the references made relative (nothing else changes).
schemas="$cache/kubernetes-json-schema-$KUBERNETES_VALIDATE_VERSION"
if [ ! -f "$schemas/.complete" ]; then
  echo "fetching the Kubernetes JSON schemas (kubernetes-validate $KUBERNETES_VALIDATE_VERSION)"
  download="$(mktemp -d)"
  python3 -m pip download --quiet --no-deps --dest "$download" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  python3 - "$download"/kubernetes_validate-*.whl "$schemas" $KUBERNETES_VERSIONS <<'PY'
import json, os, sys, zipfile
wheel, target, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for version in versions:
        prefix = f'kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/'
        out = os.path.join(target, f'v{version}-local-strict')
        os.makedirs(out, exist_ok=True)
        names = [n for n in z.namelist() if n.startswith(prefix) and n.endswith('.json')]
        if not names:
            sys.exit(f'no schemas for Kubernetes {version} in {wheel}')
        for name in names:
            schema = json.loads(z.read(name))
            schema.pop('$id', None)
            text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
            with open(os.path.join(out, name[len(prefix):]), 'w') as f:
                f.write(text)
PY
  touch "$schemas/.complete"
  rm -rf "$download"
fi

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT
for target in base overlays/example; do
  "$gobin/kustomize" build "deploy/kubernetes/$target" > "$rendered/${target//\//-}.yaml"
done

echo "== compose file and configuration keys"
node scripts/validate-deploy-manifests.cjs \
  --compose-schema "$compose_schema" --compose deploy/compose/compose.yaml \
  --kubernetes "$rendered/overlays-example.yaml"

for version in $KUBERNETES_VERSIONS; do
  echo "== rendered Kubernetes manifests against the Kubernetes $version schemas (kubeconform, strict)"
  "$gobin/kubeconform" -strict -summary \
    -schema-location "$schemas/v$version-local-strict/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
    "$rendered"/*.yaml
done
echo "deploy: valid"
