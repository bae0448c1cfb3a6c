# schemathesis hooks for scripts/fuzz-api.sh (loaded through SCHEMATHESIS_HOOKS).
#
# POST /v1/imports takes NDJSON (application/x-ndjson), one JSON record per line, which schemathesis has no
# serializer for: a generated array is sent as one record per line, anything else as one line.
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    records = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records).encode("utf-8")
